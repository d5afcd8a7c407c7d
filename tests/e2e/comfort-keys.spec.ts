/**
 * Reading comfort: keys on the bookmarks page, the `?` list of keys, the System/Light/Dark theme cycle, and
 * "Ready to read offline" after the first visit. At 390 and 1280 px; light and dark where colours matter.
 */
import type { Page } from '@playwright/test';
import { checkA11y, expect, setColorScheme, test, VIEWPORTS } from './support/fixtures';
import { issueEntries, loadArchive } from './support/archive';

const BOOKMARKS_KEY = 'frontier-reader:bookmarks';
const archive = loadArchive();
const latest = archive.issues[0]!;
// Three bookmarks, added oldest first, so the page (newest first) lists them as third, second, first.
const [first, second, third] = issueEntries(archive, latest.id);

async function seedBookmarks(page: Page): Promise<void> {
  const items = [first!, second!, third!].map((entry, index) => {
    const addedAt = new Date(Date.UTC(2025, 0, 10 + index)).toISOString();
    return { entryId: entry.id, addedAt, updatedAt: addedAt, note: '', tags: [], snapshot: null };
  });
  // Only before the first load of the test, so what the test changes survives its reloads.
  await page.addInitScript(
    ({ key, value }) => {
      if (window.sessionStorage.getItem('e2e-seeded')) return;
      window.sessionStorage.setItem('e2e-seeded', '1');
      window.localStorage.setItem(key, value);
    },
    { key: BOOKMARKS_KEY, value: JSON.stringify({ version: 2, items }) },
  );
}

function bookmarkCard(page: Page, headline: string) {
  return page.getByRole('article', { name: headline, exact: true });
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`at ${size} width`, () => {
    test.use({ viewport });

    test('j, k, Enter and b on the bookmarks page', async ({ page }) => {
      await seedBookmarks(page);
      await page.goto('/bookmarks');
      await expect(page.getByRole('heading', { level: 1, name: 'Bookmarks' })).toBeVisible();
      await expect(bookmarkCard(page, third!.headline)).toBeVisible();

      await page.keyboard.press('j');
      await expect(bookmarkCard(page, third!.headline)).toBeFocused();
      await page.keyboard.press('j');
      await expect(bookmarkCard(page, second!.headline)).toBeFocused();
      await page.keyboard.press('k');
      await expect(bookmarkCard(page, third!.headline)).toBeFocused();

      await page.keyboard.press('b');
      await expect(page.getByText(`Removed “${third!.headline}”`)).toBeVisible();
      await expect(bookmarkCard(page, third!.headline)).toHaveCount(0);
      await expect(bookmarkCard(page, second!.headline)).toBeFocused();
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(bookmarkCard(page, third!.headline)).toBeFocused();
      await expect(page.getByRole('link', { name: 'Bookmarks (3)' })).toBeVisible();

      await page.keyboard.press('j');
      await expect(bookmarkCard(page, second!.headline)).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/entries/${second!.id}$`));
      await expect(page.getByRole('heading', { level: 1, name: second!.headline })).toBeVisible();
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`? lists the keys in a labelled dialog that Escape closes (${scheme})`, async ({ page }) => {
        await setColorScheme(page, scheme);
        // Typed into a field, ? is text.
        await page.goto('/search');
        const search = page.getByRole('searchbox', { name: 'Search entries' });
        await search.press('?');
        await expect(search).toHaveValue('?');
        await expect(page.getByRole('dialog')).toHaveCount(0);

        await page.goto(`/issues/${latest.id}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const toggle = page.getByRole('button', { name: /^Theme: / });
        await toggle.focus();
        await page.keyboard.press('?');
        const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await expect(dialog).toBeVisible();
        await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
        await expect(dialog.getByText('Next entry', { exact: true })).toBeVisible();
        await expect(dialog.getByText('Mark the focused entry read or unread')).toBeVisible();
        await checkA11y(page);

        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
        await expect(toggle).toBeFocused();
      });
    }

    test('the theme toggle cycles System, Light and Dark, and System follows the operating system', async ({
      page,
    }) => {
      await setColorScheme(page, 'light');
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const html = page.locator('html');
      const toggle = page.getByRole('button', { name: /^Theme: / });
      await expect(toggle).toHaveAccessibleName('Theme: System (light). Switch to light theme');

      // System follows the operating system live, without a reload.
      await setColorScheme(page, 'dark');
      await expect(html).toHaveClass(/\bdark\b/);
      await expect(toggle).toHaveAccessibleName('Theme: System (dark). Switch to light theme');

      await toggle.click();
      await expect(toggle).toHaveAccessibleName('Theme: Light. Switch to dark theme');
      await expect(html).not.toHaveClass(/\bdark\b/);
      await toggle.click();
      await expect(toggle).toHaveAccessibleName('Theme: Dark. Switch to system theme');
      await expect(html).toHaveClass(/\bdark\b/);

      // A chosen theme holds when the system changes, and after a reload.
      await setColorScheme(page, 'light');
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(html).toHaveClass(/\bdark\b/);
      await expect(toggle).toHaveAccessibleName('Theme: Dark. Switch to system theme');

      await toggle.click();
      await expect(toggle).toHaveAccessibleName('Theme: System (light). Switch to light theme');
      await expect(html).not.toHaveClass(/\bdark\b/);
    });

    test('says "Ready to read offline" once the first visit is saved, and only once', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const banner = page.getByRole('banner');
      // Said politely, in a status region, and shown in full the first time.
      const announced = banner.getByRole('status').getByText('Ready to read offline');
      await expect(announced).toBeVisible({ timeout: 30_000 });

      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Later visits keep the state in the indicator, without announcing it again.
      const indicator = banner.getByTitle(/^Ready to read offline/);
      await expect(indicator).toBeVisible({ timeout: 30_000 });
      await expect(indicator).toContainText('Ready to read offline');
      await expect(banner.getByRole('status').getByText('Ready to read offline')).toHaveCount(0);
    });
  });
}
