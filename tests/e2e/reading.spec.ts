import { expect, test } from './support/fixtures';
import { issueEntries, loadArchive } from './support/archive';

const archive = loadArchive();
const latest = archive.issues[0]!;
const latestEntries = issueEntries(archive, latest.id);
// The journey opens the first entry of the latest issue that is about an arXiv paper, a few entries down.
const targetIndex = latestEntries.findIndex((entry, index) => index >= 1 && entry.paper?.arxivId);
const target = latestEntries[targetIndex]!;

test.describe('reading the archive', () => {
  test('home → issue → entry (keyboard) → arXiv in a new tab → back', async ({ page, context, externalRequests }) => {
    expect(targetIndex, 'the latest issue has an arXiv paper after its first entry').toBeGreaterThan(0);

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);
    await expect(page).toHaveTitle('Latest issue · Frontier Reader');
    await expect(page.getByRole('list', { name: /^Headlines of the issue/ }).getByRole('link')).toHaveCount(
      latestEntries.length,
    );

    await page.getByRole('link', { name: /read the full issue/i }).click();
    await expect(page).toHaveURL(`/issues/${latest.id}`);
    await expect(page).toHaveTitle(/^Issue of .* · Frontier Reader$/);
    const articles = page.getByRole('list', { name: /^Entries of the issue/ }).getByRole('article');
    await expect(articles).toHaveCount(latestEntries.length);

    // j moves down, k moves up; the focused entry is the one Enter opens.
    await page.keyboard.press('j');
    await expect(articles.nth(0)).toBeFocused();
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(articles.nth(0)).toBeFocused();
    for (let step = 0; step < targetIndex; step++) await page.keyboard.press('j');
    const focused = articles.nth(targetIndex);
    await expect(focused).toBeFocused();
    await expect(focused).toHaveAttribute('data-entry-id', target.id);
    await expect(focused).toBeInViewport();

    await page.evaluate(() => window.scrollBy(0, 400));
    const issueScroll = await page.evaluate(() => window.scrollY);
    expect(issueScroll).toBeGreaterThan(0);

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/entries/${target.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
    await expect(page).toHaveTitle(`${target.headline} · Frontier Reader`);
    // A new page starts at the top.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const paper = page.getByRole('region', { name: 'Paper' });
    await expect(paper).toContainText(`arXiv:${target.paper!.arxivId}`);
    const abstract = paper.getByRole('link', { name: /^arXiv abstract/ });
    await expect(abstract).toHaveAttribute('href', `https://arxiv.org/abs/${target.paper!.arxivId}`);
    await expect(abstract).toHaveAttribute('target', '_blank');
    await expect(abstract).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(paper.getByRole('link', { name: /^PDF/ })).toHaveAttribute(
      'href',
      `https://arxiv.org/pdf/${target.paper!.arxivId}`,
    );

    // The click opens a new tab; the fixture answers arxiv.org locally so nothing leaves the machine.
    const [popup] = await Promise.all([context.waitForEvent('page'), abstract.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(`https://arxiv.org/abs/${target.paper!.arxivId}`);
    expect(await popup.evaluate((): unknown => window.opener)).toBeNull();
    await popup.close();
    await expect(page).toHaveURL(`/entries/${target.id}`);

    await page.goBack();
    await expect(page).toHaveURL(`/issues/${latest.id}`);
    await expect(articles).toHaveCount(latestEntries.length);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(issueScroll - 5);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(issueScroll + 5);

    // The only request that tried to leave the origin was the reader's own click.
    expect(externalRequests).toEqual([{ url: `https://arxiv.org/abs/${target.paper!.arxivId}`, isNavigation: true }]);
  });

  test('back from the last entry of an issue returns to that entry, not to the top of the list', async ({ page }) => {
    await page.goto(`/issues/${latest.id}`);
    const articles = page.getByRole('list', { name: /^Entries of the issue/ }).getByRole('article');
    await expect(articles).toHaveCount(latestEntries.length);
    const last = articles.last();
    await last.scrollIntoViewIfNeeded();
    await last.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/entries/${latestEntries.at(-1)!.id}`);
    await page.goBack();
    await expect(page).toHaveURL(`/issues/${latest.id}`);
    await expect(last).toBeInViewport();
  });

  test('an entry links its organisations and topics to search, and its neighbours in the issue', async ({ page }) => {
    const entry = latestEntries.find((candidate) => candidate.organizations.length > 0 && candidate.topics.length > 0)!;
    const index = latestEntries.indexOf(entry);
    await page.goto(`/entries/${entry.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.headline);
    const organisation = entry.organizations[0]!;
    await expect(page.getByRole('link', { name: `Organisation: ${organisation}` })).toHaveAttribute(
      'href',
      `/search?${new URLSearchParams({ org: organisation })}`,
    );
    const topic = entry.topics[0]!;
    await expect(page.getByRole('link', { name: `Topic: ${topic}`, exact: true })).toHaveAttribute(
      'href',
      `/search?${new URLSearchParams({ topic })}`,
    );
    const pager = page.getByRole('navigation', { name: 'Entries in this issue' });
    const next = latestEntries[index + 1];
    if (next) {
      await pager.getByRole('link', { name: /next entry/i }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.headline);
    }
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await breadcrumb.getByRole('link', { name: 'Issues' }).click();
    await expect(page).toHaveURL('/');
  });

  test('an unknown entry shows not found with a search for its words', async ({ page }) => {
    await page.goto('/entries/foo-bar-moe');
    await expect(page.getByRole('heading', { level: 1, name: 'Entry not found' })).toBeVisible();
    await expect(page).toHaveTitle('Entry not found · Frontier Reader');
    await expect(page.getByRole('link', { name: 'Search for “foo bar moe”' })).toHaveAttribute(
      'href',
      '/search?q=foo+bar+moe',
    );
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test('the skip link moves focus past the header', async ({ page }) => {
    await page.goto(`/issues/${latest.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });

  test('the theme toggle switches to dark and is remembered after a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await expect(page.locator('html')).not.toHaveClass(/dark/);
    await page.getByRole('button', { name: 'Theme: System (light). Switch to light theme' }).click();
    await page.getByRole('button', { name: 'Theme: Light. Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect(page.getByRole('button', { name: 'Theme: Dark. Switch to system theme' })).toBeVisible();
  });

  for (const { name, colorScheme, stored } of [
    { name: 'a stored dark theme', colorScheme: 'light', stored: 'dark' },
    { name: 'a dark system theme', colorScheme: 'dark', stored: null },
  ] as const) {
    test(`with ${name}, the loading screen is dark before the app's code runs`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      if (stored) {
        await page.addInitScript((theme) => window.localStorage.setItem('frontier-reader:theme', theme), stored);
      }
      // Without the app's code, index.html's static loading screen stays on screen.
      await page.route('**/assets/*.js', (route) => route.abort());
      await page.goto(`/issues/${latest.id}`);
      await expect(page.getByRole('status')).toContainText('Loading Frontier Reader');
      await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      const lightness = await page.locator('body').evaluate((body) => {
        // Canvas turns any CSS colour syntax (Tailwind uses oklch) into RGB.
        const context = document.createElement('canvas').getContext('2d')!;
        context.fillStyle = getComputedStyle(body).backgroundColor;
        context.fillRect(0, 0, 1, 1);
        const [red = 0, green = 0, blue = 0] = context.getImageData(0, 0, 1, 1).data;
        return (red + green + blue) / (3 * 255);
      });
      expect(lightness, 'the page background is dark').toBeLessThan(0.2);
    });
  }

  test.describe('without a service worker', () => {
    // Its precache downloads bypass page.route: once it claimed the page, the failed download's retry would succeed.
    test.use({ serviceWorkers: 'block' });

    test('a browser that refuses the service worker still reads, and the page throws nothing', async ({ page }) => {
      const thrown: string[] = [];
      page.on('pageerror', (error) => thrown.push(error.message));
      const refused = page.waitForEvent('console', (message) =>
        /Service Worker registration blocked/.test(message.text()),
      );
      await page.goto(`/issues/${latest.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);
      await refused;
      // One more round trip to the page: an exception thrown as the refusal settled has been reported by now.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
      expect(thrown).toEqual([]);
    });

    test('a failed archive download shows the error and Retry recovers', async ({ page }) => {
      let fail = true;
      // Every archive file, whichever the page asks for first: the whole archive or the catalogue and an issue.
      await page.route(/\/data\/.+\.json$/, (route) =>
        fail ? route.fulfill({ status: 503, body: 'down' }) : route.fallback(),
      );
      await page.goto(`/issues/${latest.id}`);
      await expect(page.getByRole('alert')).toContainText('HTTP 503');
      fail = false;
      await page.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);
    });
  });

  test('when the app’s own code cannot be downloaded, the page says so with a way to reload, not a skeleton forever', async ({
    page,
  }) => {
    // The app's file, which src/main.tsx imports after React: gone, as when a release replaced it mid-visit.
    await page.route(/\/assets\/app-[\w-]+\.js$/, (route) => route.abort());
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Frontier Reader could not start');
    await expect(alert).toContainText('Part of the app could not be downloaded.');
    await expect(alert.getByRole('link', { name: 'Reload the page' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
  });

  test('the production page carries the CSP and sends no referrer', async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto('/');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'sha256-");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("default-src 'self'");
    // The inline start-up scripts ran, allowed by their hashes: the theme is set, and nothing was refused.
    await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(refused).toEqual([]);
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  });
});
