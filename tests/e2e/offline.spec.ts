/**
 * Offline: the app works from the service worker alone once visited. The spec runs its own preview server
 * (the shared one must stay up for other specs) on a copy of the build under test, stops it mid-test and carries on.
 * What the service worker precaches is checked against a real build in tests/unit/pwa-config.test.ts.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { previewServer } from './support/preview-server';
import { issueEntries, loadArchive } from './support/archive';

/** The port after the shared preview server's (playwright.config.ts): runs whose E2E_PORTs are 2 or more apart never collide. */
const PORT = Number(process.env.E2E_PORT || 4173) + 1;
/** The same build the shared server serves (E2E_DIST, else dist/). */
const DIST = path.resolve(process.env.E2E_DIST || 'dist');
const preview = previewServer(PORT);
const ORIGIN = preview.origin;
const archive = loadArchive();
const latest = archive.issues[0]!;
const entry = issueEntries(archive, latest.id).find((candidate) => candidate.paper?.arxivId)!;

let distCopy = '';

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
}

test.use({ baseURL: ORIGIN });
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(() => {
  distCopy = mkdtempSync(path.join(tmpdir(), 'frontier-reader-dist-'));
  cpSync(DIST, distCopy, { recursive: true });
});

test.afterEach(async () => {
  await preview.stop();
});

test.afterAll(() => {
  if (distCopy) rmSync(distCopy, { recursive: true, force: true });
});

test('after one visit, every page works with the server gone, and a bookmark made offline survives a reload', async ({
  page,
  context,
}) => {
  await preview.start(distCopy);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await waitForServiceWorkerControl(page);

  await preview.stop();
  // The browser also says it is offline: queries must still run (networkMode 'offlineFirst') and the header says so.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);
  await expect(page.getByRole('banner').getByText('Offline', { exact: true })).toBeVisible();

  await page.goto(`/issues/${latest.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('article').first()).toBeVisible();

  await page.goto(`/entries/${entry.id}`);
  await expect(page.getByRole('heading', { level: 1, name: entry.headline })).toBeVisible();
  const toggle = page.getByRole('button', { name: `Bookmark ${entry.headline}` });
  await toggle.click();
  await expect(page.getByRole('button', { name: `Remove bookmark ${entry.headline}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.reload();
  await expect(page.getByRole('button', { name: `Remove bookmark ${entry.headline}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('link', { name: 'Bookmarks (1)' })).toBeVisible();

  await page.goto('/bookmarks');
  await expect(page.getByRole('heading', { level: 1, name: 'Bookmarks' })).toBeVisible();
  await expect(page.getByRole('link', { name: entry.headline, exact: true })).toBeVisible();

  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`/search?q=${encodeURIComponent(entry.headline)}`);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: entry.headline, exact: true }).first()).toBeVisible();
  // The search worker loads and reads the archive offline too: the page never falls back to searching itself.
  await expect
    .poll(() =>
      page.workers().some((worker) => /\/assets\/search-worker-[\w-]+\.js$/.test(new URL(worker.url()).pathname)),
    )
    .toBe(true);
  expect(requested.filter((pathname) => pathname.includes('/assets/search-engine-'))).toEqual([]);
  const bookmarkedFacet = page.getByRole('checkbox', { name: /^Bookmarked/ });
  await bookmarkedFacet.click();
  await expect(bookmarkedFacet).toBeChecked();
  await expect(page.getByRole('main').getByRole('link', { name: entry.headline, exact: true }).first()).toBeVisible();

  // Every archive file comes from the offline cache, the issues never opened included.
  const statuses = await page.evaluate(async () => {
    const catalogue = (await (await fetch('/data/catalogue.json')).json()) as { issueFiles: Record<string, string> };
    const files = Object.values(catalogue.issueFiles);
    return Promise.all(files.map(async (file) => (await fetch(`/${file}`)).status));
  });
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set([200]));
});

test('a deployed update waits for the reader: "Update available · Reload", and reloads only on request', async ({
  page,
}) => {
  await preview.start(distCopy);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await waitForServiceWorkerControl(page);
  await page.evaluate(() => Object.assign(window, { __beforeUpdate: true }));

  // A new deploy: any byte change to sw.js is a new service worker.
  appendFileSync(path.join(distCopy, 'sw.js'), `\n// deployed ${Date.now()}\n`);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
  await expect(prompt).toContainText('Update available · Reload');
  expect(await page.evaluate(() => (window as unknown as { __beforeUpdate?: boolean }).__beforeUpdate)).toBe(true);

  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
  expect(await page.evaluate(() => (window as unknown as { __beforeUpdate?: boolean }).__beforeUpdate)).toBeUndefined();
  await expect(page.getByText('Update available')).toHaveCount(0);
});
