import { parse } from '@retorquere/bibtex-parser';
import type { Page } from '@playwright/test';
import type { Entry } from '../../src/shared/bundle';
import {
  checkA11y,
  expect,
  expectNoHorizontalScroll,
  saveScreenshot,
  setColorScheme,
  test,
  VIEWPORTS,
} from './support/fixtures';
import { loadArchive } from './support/archive';

const archive = loadArchive();
/** An undisputed arXiv paper with code, so its entry page shows every block. */
const target = archive.entries.find(
  (entry) =>
    entry.paper?.arxivId && entry.paperConflicts.length === 0 && entry.links.some((link) => link.kind === 'code'),
)!;
const arxivId = target.paper!.arxivId!;

/** Two arXiv entries of one issue, to be given one id under their two titles, as the newsletter did to three pairs. */
function disputedPair(): { first: Entry; second: Entry } {
  const issue = archive.issues.find(
    (candidate) =>
      archive.entries.filter((entry) => entry.issueId === candidate.id && entry.paper?.arxivId).length >= 2,
  )!;
  const [first, second] = archive.entries.filter((entry) => entry.issueId === issue.id && entry.paper?.arxivId);
  return { first: first!, second: second! };
}

/**
 * Answers every archive file the app fetches (the whole archive or any part of it) with the pair disputed: the second
 * entry gets the first one's arXiv id and each lists the other in `paperConflicts`.
 */
async function routeDisputedArchive(page: Page, first: Entry, second: Entry): Promise<void> {
  const patch = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(patch);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if ('paperConflicts' in record && (record.id === first.id || record.id === second.id)) {
      const entry = record as unknown as Entry;
      entry.paperConflicts = [entry.id === first.id ? second.id : first.id];
      if (entry.id === second.id) entry.paper!.arxivId = first.paper!.arxivId;
      return;
    }
    Object.values(record).forEach(patch);
  };
  await page.route(/\/data\/.+\.json$/, async (route) => {
    const response = await route.fetch();
    const json: unknown = await response.json();
    patch(json);
    await route.fulfill({ response, json });
  });
}

async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe('the Cite menu', () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  });

  test('copies BibTeX with the arXiv id and the id itself, by mouse and keyboard, and opens arXiv', async ({
    page,
    context,
  }) => {
    expect(target, 'the archive has an arXiv paper with code').toBeDefined();
    await page.goto(`/entries/${target.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
    const cite = page.getByRole('button', { name: 'Cite' });
    await expect(cite).toHaveAttribute('aria-expanded', 'false');

    await cite.click();
    const menu = page.getByRole('menu', { name: 'Cite' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Copy BibTeX',
      `Copy arXiv idarXiv:${arxivId}`,
      /Open on arXiv/,
    ]);
    await menu.getByRole('menuitem', { name: 'Copy BibTeX' }).click();
    await expect(page.getByText('BibTeX copied to the clipboard.')).toBeVisible();
    await expect(menu).toBeHidden();
    const bib = parse(await clipboardText(page), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(1);
    expect(bib.entries[0]!.key).toBe(target.id);
    expect(bib.entries[0]!.type).toBe('misc');
    expect(bib.entries[0]!.fields.eprint).toBe(arxivId);
    expect(bib.entries[0]!.fields.url).toBe(`https://arxiv.org/abs/${arxivId}`);

    // Keyboard: ↓ opens on the first item, ↓ moves, Enter copies and returns focus to the button.
    await cite.focus();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Copy BibTeX' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: /Copy arXiv id/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('arXiv id copied to the clipboard.')).toBeVisible();
    await expect(cite).toBeFocused();
    expect(await clipboardText(page)).toBe(`arXiv:${arxivId}`);

    // Escape closes the menu and puts focus back on its button.
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitem', { name: /Open on arXiv/ })).toBeFocused();
    await checkA11y(page);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(cite).toBeFocused();
    await expect(cite).toHaveAttribute('aria-expanded', 'false');

    await cite.click();
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      menu.getByRole('menuitem', { name: /Open on arXiv/ }).click(),
    ]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(`https://arxiv.org/abs/${arxivId}`);
    expect(await popup.evaluate((): unknown => window.opener)).toBeNull();
    await popup.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`is usable open at 390px and 1280px (${scheme})`, async ({ page }) => {
      await setColorScheme(page, scheme);
      await page.goto(`/entries/${target.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
      for (const [name, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.getByRole('button', { name: 'Cite' }).click();
        const menu = page.getByRole('menu', { name: 'Cite' });
        await expect(menu).toBeVisible();
        await expect(menu).toBeInViewport({ ratio: 1 });
        await expectNoHorizontalScroll(page);
        await saveScreenshot(page, `cite-menu-${name}-${scheme}`);
        await checkA11y(page);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
      }
    });
  }
});

test.describe('an arXiv id the newsletter gives to two papers', () => {
  // The page must read the routed archive, never one a service worker cached.
  test.use({ serviceWorkers: 'block' });

  test('each entry says so and links the other, and its citation carries no identifier', async ({
    page,
    context,
    baseURL,
  }) => {
    const { first, second } = disputedPair();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await routeDisputedArchive(page, first, second);

    await page.goto(`/entries/${first.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.headline);
    const notice = page.getByRole('note');
    await expect(notice).toContainText('The newsletter links this arXiv id to two different papers');
    await expect(notice).toContainText(`arXiv:${first.paper!.arxivId}`);
    await checkA11y(page);

    await page.getByRole('button', { name: 'Cite' }).click();
    const menu = page.getByRole('menu', { name: 'Cite' });
    await expect(menu.getByRole('menuitem')).toHaveText(['Copy BibTeX']);
    await menu.getByRole('menuitem', { name: 'Copy BibTeX' }).click();
    await expect(page.getByText('BibTeX copied to the clipboard.')).toBeVisible();
    const fields = parse(await page.evaluate(() => navigator.clipboard.readText()), { sentenceCase: false }).entries[0]!
      .fields;
    expect(fields.eprint).toBeUndefined();
    expect(fields.doi).toBeUndefined();
    expect(String(fields.note)).toContain('two different papers');

    await notice.getByRole('link', { name: second.headline }).click();
    await expect(page).toHaveURL(`/entries/${second.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.headline);
    await expect(page.getByRole('note').getByRole('link', { name: first.headline })).toHaveAttribute(
      'href',
      `/entries/${first.id}`,
    );
  });
});
