import { parse } from '@retorquere/bibtex-parser';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  checkA11y,
  expect,
  expectNoHorizontalScroll,
  saveScreenshot,
  SCREENSHOT_DIR,
  setColorScheme,
  test,
  VIEWPORTS,
} from './support/fixtures';
import { issueEntries, loadArchive } from './support/archive';

const KEY = 'frontier-reader:bookmarks';
const archive = loadArchive();
const latest = archive.issues[0]!;
const entries = issueEntries(archive, latest.id);
const arxivEntry = entries.find((entry) => entry.paper?.arxivId)!;
const otherEntry =
  entries.find((entry) => entry.id !== arxivEntry.id && !entry.paper?.arxivId) ??
  entries.find((entry) => entry.id !== arxivEntry.id)!;

/** Bookmarks the two entries through the UI and gives the arXiv one a note and tags. */
async function bookmarkTwo(page: Page): Promise<void> {
  await page.goto(`/issues/${latest.id}`);
  await page.getByRole('button', { name: `Bookmark ${arxivEntry.headline}`, exact: true }).click();
  await page.getByRole('button', { name: `Bookmark ${otherEntry.headline}`, exact: true }).click();
  await expect(page.getByRole('link', { name: 'Bookmarks (2)' })).toBeVisible();
  await page.getByRole('link', { name: 'Bookmarks (2)' }).click();
  await page.getByRole('button', { name: `Add note and tags: ${arxivEntry.headline}` }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill('Compare with the MoE results & check 50% claim');
  await page.getByRole('combobox', { name: /Tags/ }).fill('to-read, moe');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Compare with the MoE results & check 50% claim')).toBeVisible();
}

test.describe('bookmarks', () => {
  test.describe.configure({ timeout: 90_000 });
  test('b on a focused entry, notes and tags, filter, remove with undo, BibTeX export and backup import', async ({
    page,
  }) => {
    await page.goto(`/issues/${latest.id}`);
    const card = page.locator(`[data-entry-id="${arxivEntry.id}"]`).first();
    await card.focus();
    await page.keyboard.press('b');
    await expect(
      page.getByRole('button', { name: `Remove bookmark ${arxivEntry.headline}`, exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('b');
    await expect(page.getByRole('button', { name: `Bookmark ${arxivEntry.headline}`, exact: true })).toHaveAttribute(
      'aria-pressed',
      'false',
    );

    await bookmarkTwo(page);
    const filter = page.getByRole('group', { name: 'Filter by tag' });
    await filter.getByRole('button', { name: /^moe/ }).click();
    await expect(page).toHaveURL(/tag=moe/);
    const list = page.getByRole('list', { name: 'Bookmarks tagged moe' });
    await expect(list.getByRole('article')).toHaveCount(1);
    await filter.getByRole('button', { name: /^All/ }).click();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'BibTeX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.bib$/);
    const bib = parse(readFileSync(await download.path(), 'utf8'), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    const paper = bib.entries.find((item) => item.key === arxivEntry.id)!;
    expect(paper.type).toBe('misc');
    expect(paper.fields.eprint).toBe(arxivEntry.paper!.arxivId);
    expect(paper.fields.annote).toBe('Compare with the MoE results & check 50% claim');

    const [backup] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'JSON backup' }).click(),
    ]);
    const backupText = readFileSync(await backup.path(), 'utf8');

    await page.getByRole('button', { name: `Remove bookmark ${otherEntry.headline}` }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Removed' });
    await expect(toast).toContainText(`Removed “${otherEntry.headline}”`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('link', { name: 'Bookmarks (2)' })).toBeVisible();

    await page.getByRole('button', { name: `Remove bookmark ${otherEntry.headline}` }).click();
    await expect(page.getByRole('link', { name: 'Bookmarks (1)' })).toBeVisible();
    await page
      .getByLabel('Import a backup…')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
    await expect(page.getByText('Imported backup.json: 1 added, 0 updated, 1 unchanged.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bookmarks (2)' })).toBeVisible();

    await page.getByLabel('Import a backup…').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 2, "items": [1]}'),
    });
    await expect(page.getByText(/broken\.json was not imported, nothing changed/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bookmarks (2)' })).toBeVisible();
  });

  test('search filters by headline, note and tags in any case and without accents, and tags are offered', async ({
    page,
  }) => {
    await bookmarkTwo(page);
    const search = page.getByRole('searchbox', { name: 'Search bookmarks' });
    const list = page.getByRole('list', { name: /^Bookmarks/ });
    await expect(list.getByRole('article')).toHaveCount(2);

    // Words of the note, typed in capitals and with an accent the note does not have.
    await search.fill('COMPARE résults');
    await expect(page.getByRole('status').filter({ hasText: 'matches' })).toHaveText(
      '1 bookmark matches “COMPARE résults”.',
    );
    await expect(list.getByRole('article')).toHaveCount(1);
    await expect(list.getByRole('link', { name: arxivEntry.headline, exact: true })).toBeVisible();
    await expect(page).toHaveURL(/[?&]q=COMPARE/);

    // Every word must match: a tag and a word of the other headline do not meet in one bookmark.
    const otherWord = otherEntry.headline.split(/\s+/).find((word) => word.length > 3)!;
    await search.fill(`moe ${otherWord}`);
    await expect(page.getByText(`No bookmarks match “moe ${otherWord}”.`)).toBeVisible();
    await search.fill(otherWord.toLowerCase());
    await expect(page.getByRole('list', { name: /^Bookmarks/ }).getByRole('article')).toHaveCount(1);
    await search.fill('');
    await expect(page.getByRole('list', { name: /^Bookmarks/ }).getByRole('article')).toHaveCount(2);
    await checkA11y(page);

    await page.getByRole('button', { name: `Add note and tags: ${otherEntry.headline}` }).click();
    const tags = page.getByRole('combobox', { name: /Tags/ });
    await tags.fill('m');
    const offered = () =>
      tags.evaluate((input: HTMLInputElement): string[] =>
        Array.from(input.list?.options ?? [], (option: HTMLOptionElement) => option.value),
      );
    await expect.poll(offered).toEqual(['moe']);
    await tags.fill('moe, ');
    await expect.poll(offered).toEqual(['moe, to-read']);
  });

  test('two pages of one browser stay in sync', async ({ page, context }) => {
    await page.goto(`/issues/${latest.id}`);
    const other = await context.newPage();
    await other.goto('/bookmarks');
    await expect(other.getByText('No bookmarks yet')).toBeVisible();

    await page.getByRole('button', { name: `Bookmark ${arxivEntry.headline}`, exact: true }).click();
    await expect(other.getByRole('link', { name: arxivEntry.headline, exact: true })).toBeVisible();
    await expect(other.getByRole('link', { name: 'Bookmarks (1)' })).toBeVisible();

    await other.getByRole('button', { name: `Remove bookmark ${arxivEntry.headline}` }).click();
    await expect(page.getByRole('button', { name: `Bookmark ${arxivEntry.headline}`, exact: true })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(page.getByRole('link', { name: 'Bookmarks', exact: true })).toBeVisible();
  });

  test('a corrupted stored value is set aside in a backup key and the app keeps working', async ({ page }) => {
    const corrupted = '{"version":2,"items":[{"entryId":"half-written';
    await page.addInitScript(
      ([key, value]) => {
        // Seed once: later loads must see what the app did with it.
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key!, value!);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [KEY, corrupted],
    );
    await page.goto(`/issues/${latest.id}`);
    await expect(page.getByRole('heading', { name: 'Your saved bookmarks could not be read' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(`${key}:backup`), KEY)).toBe(corrupted);
    await checkA11y(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/storage-notice-light.screen.png` });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the unreadable data' }).click(),
    ]);
    expect(readFileSync(await download.path(), 'utf8')).toBe(corrupted);

    await page.getByRole('button', { name: `Bookmark ${arxivEntry.headline}`, exact: true }).click();
    await page.reload();
    await expect(
      page.getByRole('button', { name: `Remove bookmark ${arxivEntry.headline}`, exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your saved bookmarks could not be read' })).toHaveCount(0);
    expect(await page.evaluate((key) => localStorage.getItem(`${key}:backup`), KEY)).toBe(corrupted);
  });

  test('a tab that could not save keeps what the other tab did, once it can save again', async ({ page, context }) => {
    const [x, y, z, w] = entries.filter((entry) => entry.id !== arxivEntry.id);
    await page.goto(`/issues/${latest.id}`);
    const other = await context.newPage();
    await other.goto(`/issues/${latest.id}`);

    // Tab A's storage is full: every write there fails as a real quota error would.
    await page.evaluate(() => {
      const original = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')!;
      Object.assign(window, { restoreSetItem: () => Object.defineProperty(Storage.prototype, 'setItem', original) });
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByRole('button', { name: `Bookmark ${x!.headline}`, exact: true }).click();
    // The bookmarks' message; read marks, which the other tab's visit may also make this tab save, have their own.
    const bookmarksFull = page.getByText(/storage is full, so bookmark changes/);
    await expect(bookmarksFull).toBeVisible();

    await other.getByRole('button', { name: `Bookmark ${y!.headline}`, exact: true }).click();
    await other.getByRole('button', { name: `Bookmark ${w!.headline}`, exact: true }).click();
    await expect(page.getByRole('button', { name: `Remove bookmark ${y!.headline}`, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: `Remove bookmark ${w!.headline}`, exact: true })).toBeVisible();
    await other.getByRole('button', { name: `Remove bookmark ${w!.headline}`, exact: true }).click();
    await expect(page.getByRole('button', { name: `Bookmark ${w!.headline}`, exact: true })).toBeVisible();

    await page.evaluate(() => (window as unknown as { restoreSetItem: () => void }).restoreSetItem());
    await page.getByRole('button', { name: `Bookmark ${z!.headline}`, exact: true }).click();
    await expect(bookmarksFull).toHaveCount(0);

    const stored = await other.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { items: { entryId: string }[] },
      KEY,
    );
    expect(stored.items.map((item) => item.entryId).sort()).toEqual([x!.id, y!.id, z!.id].sort());
    await expect(other.getByRole('link', { name: 'Bookmarks (3)' })).toBeVisible();
    await expect(other.getByRole('button', { name: `Remove bookmark ${x!.headline}`, exact: true })).toBeVisible();
  });

  test('one bad item does not hide the others, and the original stays under Recovered data', async ({ page }) => {
    const longNote = `${'A note far longer than the app keeps. '.repeat(54)}The end.`;
    const damaged = JSON.stringify({
      version: 2,
      items: [
        {
          entryId: arxivEntry.id,
          addedAt: '2025-01-10T10:00:00.000Z',
          updatedAt: '2025-01-10T10:00:00.000Z',
          note: '',
          tags: [],
          snapshot: null,
        },
        {
          entryId: otherEntry.id,
          addedAt: '2025-01-11T10:00:00.000Z',
          updatedAt: '2025-01-11T10:00:00.000Z',
          note: longNote,
          tags: [],
          snapshot: null,
        },
        {
          entryId: 'Not An Id!',
          addedAt: '2025-01-12T10:00:00.000Z',
          updatedAt: '2025-01-12T10:00:00.000Z',
          note: '',
          tags: [],
          snapshot: null,
        },
      ],
    });
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key!, value!);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [KEY, damaged],
    );
    await page.goto('/bookmarks');
    await expect(page.getByRole('heading', { name: 'Some saved bookmarks needed attention' })).toBeVisible();
    await expect(
      page.getByText(/1 bookmark could not be read and was set aside; 1 bookmark was repaired\./),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bookmarks (2)' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Some saved bookmarks needed attention' })).toHaveCount(0);
    const recovered = page.getByRole('region', { name: 'Recovered data' });
    await expect(recovered).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bookmarks (2)' })).toBeVisible();
    await checkA11y(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      recovered.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('frontier-reader-recovered-bookmarks.json');
    const downloaded = readFileSync(await download.path(), 'utf8');
    expect(downloaded).toBe(damaged);

    await page.getByRole('button', { name: `Remove bookmark ${otherEntry.headline}` }).click();
    await expect(page.getByRole('link', { name: 'Bookmarks (1)' })).toBeVisible();
    await page
      .getByLabel('Import a backup…')
      .setInputFiles({ name: 'recovered.json', mimeType: 'application/json', buffer: Buffer.from(downloaded) });
    await expect(
      page.getByText(
        'Imported recovered.json: 1 added, 0 updated, 1 unchanged. 1 bookmark could not be read and was set aside; 1 bookmark was repaired.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bookmarks (2)' })).toBeVisible();

    await page.getByRole('status').filter({ hasText: 'Removed' }).getByRole('button', { name: 'Dismiss' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const scheme of ['light', 'dark'] as const) {
      await setColorScheme(page, scheme);
      for (const [name, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await expectNoHorizontalScroll(page);
        await saveScreenshot(page, `bookmarks-recovered-${name}-${scheme}`);
      }
      await checkA11y(page);
    }

    await recovered.getByRole('button', { name: 'Delete…' }).click();
    await page
      .getByRole('group', { name: 'Delete the recovered data?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(page.getByText('The recovered data was deleted.')).toBeVisible();
    expect(await page.evaluate((key) => localStorage.getItem(`${key}:backup`), KEY)).toBeNull();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the bookmarks page passes axe and fits 390px and 1280px (${scheme})`, async ({ page }) => {
      await setColorScheme(page, scheme);
      await page.goto('/bookmarks');
      await expect(page.getByText('No bookmarks yet')).toBeVisible();
      await checkA11y(page);

      await bookmarkTwo(page);
      await checkA11y(page);
      await page.getByRole('button', { name: `Remove bookmark ${otherEntry.headline}` }).click();
      await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
      await checkA11y(page);
      for (const [name, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await expectNoHorizontalScroll(page);
        await saveScreenshot(page, `bookmarks-${name}-${scheme}`);
      }
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByRole('button', { name: `Edit note and tags: ${arxivEntry.headline}` }).click();
      await checkA11y(page);
      await saveScreenshot(page, `bookmarks-editing-${scheme}`);
    });
  }
});
