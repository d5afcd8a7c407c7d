/**
 * Screenshots of every reading route at 390px and 1280px, light and dark, into artifacts/screenshots/ only.
 * The README's docs/screenshots/ are refreshed on purpose, by `npm run screenshots` (tests/e2e/readme-screenshots.ts).
 */
import { expect, expectNoHorizontalScroll, saveScreenshot, setColorScheme, test, VIEWPORTS } from './support/fixtures';
import { issueEntries, loadArchive } from './support/archive';
import { readingRoutes } from './support/routes';

const archive = loadArchive();
const latestEntryCount = issueEntries(archive, archive.issues[0]!.id).length;

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of Object.values(VIEWPORTS)) {
    test.describe(`${viewport.width}px ${scheme}`, () => {
      test.use({ viewport });
      for (const route of readingRoutes()) {
        test(`${route.name} fits the width and is captured`, async ({ page }) => {
          await setColorScheme(page, scheme);
          await page.goto(route.path);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
          // The issue page adds its later entries after the first render: judge the whole list.
          if (route.name === 'issue') {
            const entries = page.getByRole('list', { name: /^Entries of the issue/ }).getByRole('article');
            await expect(entries).toHaveCount(latestEntryCount);
          }
          await expectNoHorizontalScroll(page);
          await saveScreenshot(page, `${route.name}-${viewport.width}-${scheme}`);
        });
      }
    });
  }
}

// The first paint: index.html's static shell, before the app's code has run (public/theme-init.js still themes it).
for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of Object.values(VIEWPORTS)) {
    test.describe(`${viewport.width}px ${scheme} static shell`, () => {
      test.use({ viewport });
      test('the header and a loading state paint before the app starts', async ({ page }) => {
        await setColorScheme(page, scheme);
        await page.route('**/assets/*.js', (route) => route.abort());
        await page.goto('/');
        await expect(page.getByRole('banner').getByRole('link', { name: 'Frontier Reader' })).toBeVisible();
        const navLinks = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
        await expect(navLinks).toHaveText(['Issues', 'Search', 'Bookmarks', 'For you', 'Explore']);
        await expect(page.getByRole('status')).toHaveText(/Loading Frontier Reader…/);
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        await expectNoHorizontalScroll(page);
        await saveScreenshot(page, `shell-${viewport.width}-${scheme}`);
      });
    });
  }
}
