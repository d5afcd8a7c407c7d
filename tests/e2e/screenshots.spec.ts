/**
 * Screenshots of every reading route at 390px and 1280px, light and dark, into artifacts/screenshots/ only.
 * The README's docs/screenshots/ are refreshed on purpose, by `npm run screenshots` (tests/e2e/readme-screenshots.ts).
 */
import { expect, expectNoHorizontalScroll, saveScreenshot, setColorScheme, test, VIEWPORTS } from './support/fixtures';
import { readingRoutes } from './support/routes';

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of Object.values(VIEWPORTS)) {
    test.describe(`${viewport.width}px ${scheme}`, () => {
      test.use({ viewport });
      for (const route of readingRoutes()) {
        test(`${route.name} fits the width and is captured`, async ({ page }) => {
          await setColorScheme(page, scheme);
          await page.goto(route.path);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
          await expectNoHorizontalScroll(page);
          await saveScreenshot(page, `${route.name}-${viewport.width}-${scheme}`);
        });
      }
    });
  }
}

// The first paint: index.html's static shell, as it looks before any script has run.
for (const viewport of Object.values(VIEWPORTS)) {
  test.describe(`${viewport.width}px static shell`, () => {
    test.use({ viewport });
    test('the header and a loading state paint before any script runs', async ({ page }) => {
      await page.route('**/*.js', (route) => route.abort());
      await page.goto('/');
      await expect(page.getByRole('banner').getByRole('link', { name: 'Frontier Reader' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Issues', 'Search', 'Bookmarks']);
      await expect(page.getByRole('status')).toHaveText(/Loading Frontier Reader…/);
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `shell-${viewport.width}`);
    });
  });
}
