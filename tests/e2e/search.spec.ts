import type { Page } from '@playwright/test';
import { loadArchive } from './support/archive';
import {
  checkA11y,
  expect,
  expectNoHorizontalScroll,
  saveScreenshot,
  setColorScheme,
  test,
  VIEWPORTS,
} from './support/fixtures';

/** The number in the result count ("12 results for …"); answers arrive from the worker, so assert with expect.poll. */
async function resultCount(page: Page): Promise<number> {
  const status = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /\d+ (result|paper)s?/ });
  await expect(status).toBeVisible();
  return Number((await status.textContent())!.match(/([\d,]+) (?:result|paper)/)![1]!.replace(/,/g, ''));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search entries' });

/** Long facets show their top 8 values; lists every value of one (`topics`, `organisations`) if it is collapsed. */
async function showAllValues(page: Page, plural: string): Promise<void> {
  const showAll = page.getByRole('button', { name: new RegExp(`^Show all \\d+ ${plural}$`) });
  if ((await showAll.count()) > 0) await showAll.click();
}

/** A topic and an organisation that occur together in the archive, so two facets narrow without emptying. */
function twoFacets(): { topic: string; org: string } {
  const archive = loadArchive();
  const counts = new Map<string, number>();
  for (const entry of archive.entries) {
    for (const topic of entry.topics)
      for (const org of entry.organizations)
        counts.set(`${topic}\u0000${org}`, (counts.get(`${topic}\u0000${org}`) ?? 0) + 1);
  }
  const [pair] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const [topic, org] = pair.split('\u0000') as [string, string];
  return { topic, org };
}

test('typing shows highlighted results, and the query lives in the URL', async ({ page }) => {
  await page.goto('/search');
  await searchBox(page).fill('mixture');
  await expect(page).toHaveURL(/\/search\?q=mixture$/);
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
  const first = page.getByRole('main').getByRole('article').first();
  await expect(first.locator('mark').first()).toHaveText(/mixture/i);
  await expect(first.getByText('Matched in')).toBeVisible();
  await expect(first.getByRole('link').nth(1)).toHaveAttribute('href', /^\/entries\//);
});

test('search runs in one Web Worker, started before the app: the page never loads the search engine itself', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/search?q=mixture');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
  await expect(page.getByRole('main').getByRole('article').first().locator('mark').first()).toHaveText(/mixture/i);
  // A worker that failed would have been terminated, and the page would have fetched the engine to search itself.
  const searchWorkers = () =>
    page.workers().filter((worker) => /\/assets\/search-worker-[\w-]+\.js$/.test(new URL(worker.url()).pathname));
  await expect.poll(() => searchWorkers().length).toBe(1);
  expect(requested.filter((pathname) => pathname.includes('/assets/search-engine-'))).toEqual([]);
  // index.html's search-start.js started it with the page's query in its name, before the app's code ran, and the app
  // took it over (one the app started itself would be named "search"). The page downloaded the search index's meta
  // file for it, which the worker did not download again.
  expect(await searchWorkers()[0]!.evaluate(() => self.name)).toBe('search+shards-meta?q=mixture');
  expect(requested.filter((pathname) => pathname === '/data/search/index.json')).toHaveLength(1);
});

test.describe('a first page at /search', () => {
  test.use({ serviceWorkers: 'block' });

  test('shows its results before the app has rendered, and the app keeps them where they are', async ({ page }) => {
    // Each change to the page: how many results it shows, their headlines, where the first one sits, and whether the
    // app has rendered yet (its search box is the app's own).
    await page.addInitScript(() => {
      const seen: { results: string[]; top: number | null; app: boolean }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const results = Array.from(
          document.querySelectorAll('main article h3'),
          (heading) => heading.textContent ?? '',
        );
        const first = document.querySelector('main article');
        seen.push({
          results,
          top: first ? first.getBoundingClientRect().top + window.scrollY : null,
          app: document.querySelector('main input[type="search"]') !== null,
        });
      }).observe(document, { childList: true, subtree: true });
    });
    // The search page's code comes late, as on a slow connection; the worker started by index.html answers meanwhile.
    await page.route(/\/assets\/search-(?!worker|engine)[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto('/search?q=mixture');
    await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
    await expect(searchBox(page)).toBeVisible();

    const seen = await page.evaluate(
      () => (window as unknown as { seen: { results: string[]; top: number | null; app: boolean }[] }).seen,
    );
    const drawn = seen.findIndex((state) => state.results.length > 0);
    const rendered = seen.findIndex((state) => state.app && state.results.length > 0);
    expect(drawn).toBeGreaterThanOrEqual(0);
    expect(seen[drawn]!.app).toBe(false);
    // From the first results on screen to the app's own, the list never empties, and the first result does not move.
    expect(seen.slice(drawn, rendered + 1).every((state) => state.results.length > 0)).toBe(true);
    expect(seen[rendered]!.top).toBeCloseTo(seen[drawn]!.top!, 0);
    // The first screen is drawn a result at a time; the app then shows the same results in the same order, with more
    // below them once the rest are in.
    const before = seen[rendered - 1]!;
    expect(before.app).toBe(false);
    expect(before.results.length).toBeGreaterThan(1);
    expect(before.results.slice(0, seen[drawn]!.results.length)).toEqual(seen[drawn]!.results);
    const final = await page.getByRole('main').getByRole('article').getByRole('heading').allTextContents();
    expect(final.slice(0, before.results.length)).toEqual(before.results);
  });
});

test('typos, accents and word beginnings still find entries', async ({ page }) => {
  const archive = loadArchive();
  await page.goto('/search');
  await searchBox(page).fill('transfromer ');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
  await expect(page.getByRole('main').locator('mark').first()).toHaveText(/transformer/i);
  await expect(page.getByText('Showing results for transformer')).toBeVisible();
  // A word being typed, with a typo in it, matches by its beginning.
  await searchBox(page).fill('transfro');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
  await expect(page.getByRole('main').locator('mark').first()).toHaveText(/^transform/i);
  if (archive.entries.some((entry) => JSON.stringify(entry).includes('Montréal'))) {
    await searchBox(page).fill('Montreal');
    await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
    await expect(page.getByRole('main').locator('mark', { hasText: 'Montréal' }).first()).toBeVisible();
  }
});

test('two facets narrow the results, survive a reload, and Back undoes them one at a time', async ({ page }) => {
  const { topic, org } = twoFacets();
  await page.goto('/search');
  const all = await resultCount(page);
  // click, not check(): the checkbox follows the URL, which a navigation updates a moment after the click.
  const topicBox = page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(topic)} \\(`) });
  await showAllValues(page, 'topics');
  await topicBox.click();
  await expect(topicBox).toBeChecked();
  await expect.poll(() => resultCount(page)).toBeLessThan(all);
  const afterTopic = await resultCount(page);
  const orgBox = page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(org)} \\(`) });
  await showAllValues(page, 'organisations');
  await orgBox.click();
  await expect(orgBox).toBeChecked();
  await expect.poll(() => resultCount(page)).toBeLessThanOrEqual(afterTopic);
  const afterBoth = await resultCount(page);
  expect(afterBoth).toBeGreaterThan(0);
  const url = new URL(page.url());
  expect(url.searchParams.getAll('topic')).toEqual([topic]);
  expect(url.searchParams.getAll('org')).toEqual([org]);

  await page.reload();
  await expect.poll(() => resultCount(page)).toBe(afterBoth);
  await expect(page.getByRole('button', { name: `Remove filter Topic: ${topic}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Remove filter Organisation: ${org}` })).toBeVisible();

  await page.goBack();
  await expect.poll(() => resultCount(page)).toBe(afterTopic);
  await expect(page.getByRole('button', { name: `Remove filter Organisation: ${org}` })).toHaveCount(0);
  await page.goForward();
  await expect.poll(() => resultCount(page)).toBe(afterBoth);
});

test('typing replaces the history entry instead of adding one per keystroke', async ({ page }) => {
  await page.goto('/');
  await page.goto('/search');
  await searchBox(page).pressSequentially('moe', { delay: 30 });
  await expect(page).toHaveURL(/q=moe/);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
});

test('the keyboard reaches search from any page and moves through results', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toBeFocused();
  await page.keyboard.type('mixture', { delay: 20 });
  await expect(page).toHaveURL(/\/search\?q=mixture/);
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue('mixture');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(1);

  const links = page.getByRole('main').getByRole('article').locator('h3 a');
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  const href = await links.nth(0).getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href!);

  await page.goBack();
  await searchBox(page).focus();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
});

test('no results: says so, suggests a spelling, and following it finds entries', async ({ page }) => {
  // Six letters allow one typo in search (a swapped pair, "agnets", is one), so "agnetz" finds nothing; suggestions allow two.
  await page.goto('/search?q=agnetz');
  await expect(page.getByText('No results for “agnetz”.')).toBeVisible();
  const suggestion = page.getByRole('main').getByRole('link', { name: 'agents', exact: true });
  await expect(page.getByText('Did you mean agents?')).toBeVisible();
  await suggestion.click();
  await expect(page).toHaveURL(/\/search\?q=agents$/);
  await expect(searchBox(page)).toHaveValue('agents');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
  await expect(page.getByRole('main').getByRole('article').first().locator('mark').first()).toHaveText(/agents?/i);
});

test('pasting an arXiv id or an arXiv link shows the entry about the paper first', async ({ page }) => {
  const archive = loadArchive();
  const entry = archive.entries.find((candidate) => candidate.paper?.arxivId === '2410.21647');
  expect(entry, 'the seed archive covers arXiv 2410.21647').toBeDefined();
  await page.goto('/search');
  for (const pasted of ['arXiv:2410.21647', 'https://arxiv.org/abs/2410.21647']) {
    await searchBox(page).fill(pasted);
    await expect(page).toHaveURL(`/search?${new URLSearchParams({ q: pasted }).toString()}`);
    await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
    const first = page.getByRole('main').getByRole('article').first();
    await expect(first.locator('h3 a')).toHaveAttribute('href', `/entries/${entry!.id}`);
  }
});

test('no results under filters: offers to clear them, not a spelling, since the words matched', async ({ page }) => {
  await page.goto('/search?q=reasonin+benchmrak&kind=release');
  await expect(page.getByText('No results for “reasonin benchmrak”.')).toBeVisible();
  await expect(page.getByText('Did you mean')).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/kind=/);
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
});

test('group by paper merges entries about the same paper', async ({ page }) => {
  const archive = loadArchive();
  const covered = archive.entries.find((entry) => entry.paperGroup !== null);
  expect(covered, 'the seed archive covers some papers twice').toBeDefined();
  await page.goto(`/search?q=${encodeURIComponent(covered!.headline)}&group=paper`);
  await expect(page.getByText(/Covered in \d+ issues/).first()).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`search page, ${scheme}`, () => {
    // axe is slow on a busy machine; each test runs it once or twice.
    test.describe.configure({ timeout: 120_000 });

    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      test(`results and facets have no axe violations and fit the screen (${name})`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await setColorScheme(page, scheme);
        const { topic } = twoFacets();
        await page.goto(`/search?q=mixture&topic=${encodeURIComponent(topic)}`);
        await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
        if (name === 'mobile') {
          const filters = page.getByRole('button', { name: /^Filters/ });
          await expect(filters).toBeVisible();
          await filters.click();
          await expect(page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(topic)} \\(`) })).toBeVisible();
        } else {
          await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
        }
        await expectNoHorizontalScroll(page);
        await checkA11y(page);
        await saveScreenshot(page, `search-${name}-${scheme}`);
      });
    }

    test('the search tips and the no-results state have no axe violations', async ({ page }) => {
      await setColorScheme(page, scheme);
      await page.goto('/search?q=zzqxv');
      await expect(page.getByText('No results for “zzqxv”.')).toBeVisible();
      await page.getByRole('button', { name: 'Search tips' }).click();
      await expect(page.getByText('"exact phrase"')).toBeVisible();
      await checkA11y(page);
    });
  });
}
