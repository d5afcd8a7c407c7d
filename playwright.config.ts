import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/lib/chromium';

/** Tests run in the system's Debian Chromium; browsers are never downloaded. */
const chromiumPath = CHROMIUM_PATH;
if (!existsSync(chromiumPath)) {
  throw new Error(
    `playwright.config.ts: error: no Chromium at ${chromiumPath}. Install it with \`apt-get install -y chromium\` ` +
      '(or set CHROMIUM_PATH); never `npx playwright install`.',
  );
}

/** E2E_PORT lets two runs in one checkout use separate preview servers; offline.spec.ts also takes E2E_PORT + 1, offline-large.spec.ts E2E_PORT + 2, base-path.spec.ts E2E_PORT + 3, new-issue.spec.ts E2E_PORT + 4. */
const PORT = Number(process.env.E2E_PORT || 4173);
/** `npm run screenshots` sets this to refresh the README's images; an ordinary run never writes to docs/. */
const README_SCREENSHOTS = process.env.README_SCREENSHOTS === '1';
/** E2E_DIST serves a build other than dist/, so a concurrent `vite build` cannot swap files mid-run. */
const DIST = process.env.E2E_DIST;
// One output folder per run (workers inherit the id), so concurrent runs do not delete each other's traces.
process.env.E2E_RUN_ID ||= `${Date.now()}-${process.pid}`;

export default defineConfig({
  testDir: 'tests/e2e',
  ...(README_SCREENSHOTS ? { testMatch: 'readme-screenshots.ts' } : {}),
  outputDir: `test-results/${process.env.E2E_RUN_ID}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  // Generous: axe on a 30-entry page is slow on a busy two-core machine.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // Serves the production build; `npm run test:e2e` builds it first.
    command: `npx vite preview --port ${PORT} --strictPort${DIST ? ` --outDir ${DIST}` : ''}`,
    url: `http://localhost:${PORT}`,
    // Reusing a server could silently test someone else's build; opt in with E2E_REUSE_SERVER=1.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
