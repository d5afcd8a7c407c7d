/**
 * `npm run screenshots`: refreshes the README's docs/screenshots/{issue,entry,explore,for-you}.png from the production build.
 * Not a test file (no .spec), so `npm test` never rewrites tracked images; playwright.config.ts picks it up only
 * when README_SCREENSHOTS=1. The viewport, theme, locale and time zone are fixed so a rerun on the same fonts is identical.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, setColorScheme, test } from './support/fixtures';
import { issueEntries, loadArchive } from './support/archive';
import { readingRoutes } from './support/routes';

const README_DIR = path.resolve('docs/screenshots');

test.use({
  viewport: { width: 1280, height: 860 },
  deviceScaleFactor: 1,
  locale: 'en-US',
  timezoneId: 'UTC',
  reducedMotion: 'reduce',
  // The offline status would change while the page is captured.
  serviceWorkers: 'block',
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

test('docs/screenshots/explore.png', async ({ page }) => {
  await setColorScheme(page, 'light');
  await page.goto('/explore');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore');
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Topics across issues/ })).toBeVisible();
  mkdirSync(README_DIR, { recursive: true });
  await page.screenshot({ path: path.join(README_DIR, 'explore.png'), animations: 'disabled', caret: 'hide' });
});

test('docs/screenshots/for-you.png', async ({ page }) => {
  const archive = loadArchive();
  const latest = archive.issues[0]!;
  await setColorScheme(page, 'light');
  await page.goto(`/issues/${latest.id}`);
  // Three papers of the latest issue, bookmarked as a reader would, so the page has suggestions and reasons.
  for (const entry of issueEntries(archive, latest.id)
    .filter((candidate) => candidate.paper)
    .slice(0, 3)) {
    await page.getByRole('button', { name: `Bookmark ${entry.headline}`, exact: true }).click();
  }
  await page.goto('/for-you');
  await expect(page.getByText(/ranked by your 3 bookmarks$/)).toBeVisible();
  await expect(page.getByText(/^Like .* in your bookmarks$/).first()).toBeVisible();
  mkdirSync(README_DIR, { recursive: true });
  await page.screenshot({ path: path.join(README_DIR, 'for-you.png'), animations: 'disabled', caret: 'hide' });
});
