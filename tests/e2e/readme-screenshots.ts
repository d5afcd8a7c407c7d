/**
 * `npm run screenshots`: refreshes the README's docs/screenshots/{issue,entry}.png from the production build.
 * Not a test file (no .spec), so `npm test` never rewrites tracked images; playwright.config.ts picks it up only
 * when README_SCREENSHOTS=1. The viewport, theme, locale and time zone are fixed so a rerun on the same fonts is identical.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, setColorScheme, test } from './support/fixtures';
import { readingRoutes } from './support/routes';

const README_DIR = path.resolve('docs/screenshots');

test.use({
  viewport: { width: 1280, height: 860 },
  deviceScaleFactor: 1,
  locale: 'en-US',
  timezoneId: 'UTC',
  reducedMotion: 'reduce',
});

for (const name of ['issue', 'entry']) {
  test(`docs/screenshots/${name}.png`, async ({ page }) => {
    const route = readingRoutes().find((candidate) => candidate.name === name)!;
    await setColorScheme(page, 'light');
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    mkdirSync(README_DIR, { recursive: true });
    await page.screenshot({ path: path.join(README_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
  });
}
