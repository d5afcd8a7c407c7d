/**
 * Read state end to end: opening an entry marks it read, cards dim and the counts follow, marks survive a reload, the
 * header counts the latest issue's unread entries, search filters by Read/Unread, and the home page says what is new
 * since the previous visit. The "previous visit" runs against an archive one issue older: the catalogue is answered
 * without its newest issue (a route-intercepted catalogue, not a second build), then the real one adds it.
 */
import type { Page } from '@playwright/test';
import { checkA11y, expect, setColorScheme, test, VIEWPORTS } from './support/fixtures';
import { issueEntries, loadArchive } from './support/archive';
import { startNewVisit } from './support/visits';

const archive = loadArchive();
const latest = archive.issues[0]!;
const older = archive.issues[1]!;
const latestEntries = issueEntries(archive, latest.id);
const total = latestEntries.length;

// axe over a 30-entry issue page takes a while on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });
// The service worker would answer the catalogue itself, out of the test's reach.
test.use({ serviceWorkers: 'block' });

/** "November 2, 2024", as the app writes an issue's date. */
function longDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

const readLine = (page: Page, read: number) => page.getByText(new RegExp(`· ${read} of ${total} read`));
const card = (page: Page, index: number) =>
  page
    .getByRole('list', { name: /^Entries of the issue/ })
    .getByRole('article')
    .nth(index);

for (const scheme of ['light', 'dark'] as const) {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    test.describe(`read state, ${scheme}, ${viewportName}`, () => {
      test.use({ viewport });

      test('opening an entry marks it read; cards, counts and the header follow, and survive a reload', async ({
        page,
      }) => {
        await setColorScheme(page, scheme);
        await page.goto(`/issues/${latest.id}`);
        await expect(readLine(page, 0)).toBeVisible();
        await expect(page.getByRole('link', { name: `${total} unread in the latest issue` })).toBeVisible();

        const first = latestEntries[0]!;
        // Clicked inside its text: the link's first box is its 1-pixel, visually hidden position number.
        await page
          .getByRole('link', { name: `1. ${first.headline}`, exact: true })
          .click({ position: { x: 12, y: 8 } });
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.headline);
        await page.goBack();
        await expect(readLine(page, 1)).toBeVisible();
        await expect(card(page, 0)).toHaveAttribute('data-read', 'true');
        await expect(card(page, 0).getByRole('button', { name: `Mark unread: ${first.headline}` })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        // Dimmed: the read headline is lighter in weight than an unread one.
        const weight = (index: number) =>
          card(page, index)
            .getByRole('heading', { level: 2 })
            .evaluate((heading) => Number(getComputedStyle(heading).fontWeight));
        expect(await weight(0)).toBeLessThan(await weight(1));
        await expect(page.getByRole('link', { name: `${total - 1} unread in the latest issue` })).toBeVisible();

        await page.reload();
        await expect(readLine(page, 1)).toBeVisible();
        await expect(card(page, 0)).toHaveAttribute('data-read', 'true');

        // From a card's button, and with m on a focused card.
        const second = latestEntries[1]!;
        await card(page, 1)
          .getByRole('button', { name: `Mark read: ${second.headline}` })
          .click();
        await expect(readLine(page, 2)).toBeVisible();
        await card(page, 2).focus();
        await page.keyboard.press('m');
        await expect(readLine(page, 3)).toBeVisible();
        await expect(page.getByRole('link', { name: `${total - 3} unread in the latest issue` })).toBeVisible();
        await expect(page.getByRole('list', { name: /^Entries of the issue/ }).getByRole('article')).toHaveCount(total);
        // Read entries are dimmed, not faded below AA contrast.
        await checkA11y(page);

        // Search: the Read facet finds exactly those three.
        await page.goto('/search?read=read');
        await expect(page.getByText(/^3 results$/)).toBeVisible();
        const found = page.getByRole('heading', { level: 3 });
        await expect(found).toHaveCount(3);
        const headlines = (await found.allTextContents()).map((text) => text.replace(/\s*\(read\)$/, '').trim());
        expect(headlines.sort()).toEqual(
          latestEntries
            .slice(0, 3)
            .map((entry) => entry.headline)
            .sort(),
        );
        await page.goto('/search?read=unread');
        await expect(page.getByText(new RegExp(`^${archive.entries.length - 3} results$`))).toBeVisible();
      });

      test('the home page shows what is new since the previous visit', async ({ page, context }) => {
        await setColorScheme(page, scheme);
        // The previous visit: the archive as it was before its newest issue.
        await page.route('**/data/catalogue.json', async (route) => {
          const response = await route.fetch();
          const catalogue = (await response.json()) as {
            issues: { id: string }[];
            issueFiles: Record<string, string>;
          };
          const [, previousLatest, ...rest] = catalogue.issues;
          const file = catalogue.issueFiles[previousLatest!.id]!;
          const { entries } = (await (await page.request.get(`/${file}`)).json()) as { entries: unknown[] };
          const issueFiles = { ...catalogue.issueFiles };
          delete issueFiles[previousLatest!.id];
          await route.fulfill({
            response,
            json: { ...catalogue, issues: [previousLatest, ...rest], latestEntries: entries, issueFiles },
          });
        });
        await page.goto('/');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Issue of ${longDate(older.date)}`);
        await expect(page.getByRole('link', { name: /unread in the latest issue$/ })).toBeVisible();
        await expect(page.getByRole('heading', { name: 'New since your last visit' })).toHaveCount(0);
        await page.close();

        // Two hours later (set once per tab, so a reload stays within the visit), the archive has its newest issue.
        const next = await context.newPage();
        await startNewVisit(next);
        await setColorScheme(next, scheme);
        await next.goto('/');
        await expect(next.getByRole('heading', { level: 1 })).toHaveText(`Issue of ${longDate(latest.date)}`);
        const panel = next.getByRole('region', { name: 'New since your last visit' });
        await expect(panel).toBeVisible();
        await expect(panel.getByRole('link', { name: `Issue of ${longDate(latest.date)}` })).toBeVisible();
        await expect(panel).toContainText(`${total} entries, ${total} unread`);
        await checkA11y(next);

        // A reload is the same visit: the panel stays until the next one.
        await next.reload();
        await expect(next.getByRole('region', { name: 'New since your last visit' })).toBeVisible();
        await panel.getByRole('link', { name: `Issue of ${longDate(latest.date)}` }).click();
        await expect(next.getByRole('heading', { level: 1 })).toHaveText(`Issue of ${longDate(latest.date)}`);
      });
    });
  }
}
