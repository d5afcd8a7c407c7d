import type { Page } from '@playwright/test';
import { issueEntries, loadArchive } from './support/archive';
import {
  checkA11y,
  expect,
  expectNoHorizontalScroll,
  saveScreenshot,
  setColorScheme,
  test,
  VIEWPORTS,
} from './support/fixtures';

// Bookmarking, ranking in the worker and axe over a page of cards take a while on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const archive = loadArchive();
const latest = archive.issues[0]!;
/** Three entries of the latest issue about papers, bookmarked through their cards. */
const bookmarked = issueEntries(archive, latest.id)
  .filter((entry) => entry.paper)
  .slice(0, 3);

/** Bookmarks the three entries with their cards' buttons, as a reader would. */
async function bookmarkThree(page: Page): Promise<void> {
  await page.goto(`/issues/${latest.id}`);
  for (const entry of bookmarked) {
    await page.getByRole('button', { name: `Bookmark ${entry.headline}`, exact: true }).click();
  }
  await expect(page.getByRole('link', { name: 'Bookmarks (3)' })).toBeVisible();
}

test('without bookmarks, For you says how it works and offers the latest issue', async ({ page }) => {
  await page.goto('/for-you');
  await expect(page.getByRole('heading', { level: 1, name: 'For you' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'How For you works' })).toBeVisible();
  await page.getByRole('link', { name: /^Start with the latest issue/ }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${latest.id}$`));
  await checkA11y(page);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    test(`with three bookmarks, For you suggests entries and says why, ${scheme}, ${viewportName}`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await setColorScheme(page, scheme);
      await bookmarkThree(page);
      await page.goto('/for-you');
      await expect(page.getByRole('heading', { level: 1, name: 'For you' })).toBeVisible();
      const suggestions = page.getByRole('list', { name: 'Suggestions' }).getByRole('article');
      await expect(suggestions.first()).toBeVisible();
      await expect(page.getByRole('main').getByRole('status')).toHaveText(
        /^\d+ suggestions?, ranked by your 3 bookmarks$/,
      );

      const shown = await suggestions.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-entry-id')));
      for (const entry of bookmarked) expect(shown).not.toContain(entry.id);
      // Each suggestion says which of the three bookmarks it is like, linking to them.
      const headlines = bookmarked.map((entry) => entry.headline);
      const reason = suggestions.first().getByText(/^Like .* in your bookmarks$/);
      await expect(reason).toBeVisible();
      const reasonLinks = await reason.getByRole('link').allTextContents();
      expect(reasonLinks.length).toBeGreaterThan(0);
      for (const link of reasonLinks) expect(headlines).toContain(link);

      await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `for-you-${scheme}-${viewportName}`);
      await checkA11y(page);

      await reason.getByRole('link').first().click();
      await expect(page).toHaveURL(/\/entries\//);
      const opened = decodeURIComponent(new URL(page.url()).pathname.replace('/entries/', ''));
      expect(bookmarked.map((entry) => entry.id)).toContain(opened);
    });
  }
}
