/**
 * Screenshots of every reading route at 390px and 1280px, light and dark, into artifacts/screenshots/.
 * It also refreshes the README's docs/screenshots/{issue,entry}.png (1280px, light, first screen).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
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

test.describe('README screenshots', () => {
  test.use({ viewport: { width: 1280, height: 860 } });
  for (const name of ['issue', 'entry']) {
    test(`docs/screenshots/${name}.png`, async ({ page }) => {
      const route = readingRoutes().find((candidate) => candidate.name === name)!;
      await setColorScheme(page, 'light');
      await page.goto(route.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
      const dir = path.resolve('docs/screenshots');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
    });
  }
});
