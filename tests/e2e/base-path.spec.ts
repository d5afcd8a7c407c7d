/**
 * Published under a base path (https://example.org/frontier/): the spec makes its own production build with
 * `vite build --base /frontier/` and serves it with `vite preview --base /frontier/`, which answers 404 outside
 * /frontier/, so anything linked or fetched from the root fails. It walks home, an issue, search and offline, and
 * checks that every request stayed under the base path and none was a 404.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { previewServer } from './support/preview-server';
import { issueEntries, loadArchive } from './support/archive';

const BASE = '/frontier/';
/** Three after the shared preview server's (playwright.config.ts): offline.spec.ts and offline-large.spec.ts take +1 and +2. */
const PORT = Number(process.env.E2E_PORT || 4173) + 3;
const preview = previewServer(PORT);
const ORIGIN = preview.origin;
const archive = loadArchive();

let dist = '';

/** What the browser asked this origin for, and what came back 404. */
interface RequestLog {
  paths: string[];
  notFound: string[];
}

/** Records every same-origin request of the context, the service worker's included. */
function logRequests(context: BrowserContext): RequestLog {
  const log: RequestLog = { paths: [], notFound: [] };
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === ORIGIN) log.paths.push(url.pathname);
  });
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === ORIGIN && response.status() === 404) log.notFound.push(url.pathname);
  });
  return log;
}

/** Every same-origin link on the page, as a path: each must start with the base path. */
async function linkPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === ORIGIN)
    .map((url) => url.pathname);
}

function outsideBase(paths: string[]): string[] {
  return [...new Set(paths.filter((pathname) => !pathname.startsWith(BASE)))];
}

test.describe('under a base path', () => {
  test.use({ baseURL: ORIGIN });
  test.describe.configure({ mode: 'serial', timeout: 120_000 });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    dist = mkdtempSync(path.join(tmpdir(), 'frontier-reader-base-'));
    const vite = path.resolve('node_modules/vite/bin/vite.js');
    await promisify(execFile)(process.execPath, [
      vite,
      'build',
      '--base',
      BASE,
      '--outDir',
      dist,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ]);
    await preview.start(dist, { base: BASE });
  });

  test.afterAll(async () => {
    await preview.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  test('home, an issue, search and offline all stay under /frontier/, with no 404', async ({ page, context }) => {
    const log = logRequests(context);
    const latest = archive.issues[0]!;
    const older = archive.issues[1] ?? latest;
    const oldest = archive.issues.at(-1)!;
    const searched = issueEntries(archive, older.id)[0]!;
    const offlineEntry = issueEntries(archive, oldest.id).at(-1)!;

    await page.goto(BASE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);
    expect(outsideBase(await linkPaths(page))).toEqual([]);

    // What the head links (icons, manifest, feeds, OpenSearch) and what the manifest names, fetched as a browser would.
    const head = await page.evaluate(async () => {
      const urls = Array.from(document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>('link[href], script[src]'))
        .map((element) => ('href' in element ? element.href : element.src))
        .filter(Boolean);
      const manifestUrl = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
      const manifest = (await (await fetch(manifestUrl)).json()) as {
        id: string;
        start_url: string;
        scope: string;
        icons: { src: string }[];
      };
      const resolve = (url: string) => new URL(url, manifestUrl).href;
      const named = [manifest.start_url, manifest.scope, ...manifest.icons.map((icon) => icon.src)].map(resolve);
      const statuses = await Promise.all(
        [...urls, ...named].map(async (url) => `${new URL(url).pathname} ${(await fetch(url)).status}`),
      );
      return {
        statuses,
        manifest: { id: resolve(manifest.id), startUrl: resolve(manifest.start_url), scope: resolve(manifest.scope) },
      };
    });
    expect(head.statuses.filter((status) => !status.endsWith(' 200'))).toEqual([]);
    expect(head.statuses).toEqual(
      expect.arrayContaining([
        `${BASE}favicon.svg 200`,
        `${BASE}icons/apple-touch-icon-180.png 200`,
        `${BASE}data/feed.xml 200`,
        `${BASE}data/opensearch.xml 200`,
      ]),
    );
    expect(head.manifest).toEqual({
      id: `${ORIGIN}${BASE}`,
      startUrl: `${ORIGIN}${BASE}`,
      scope: `${ORIGIN}${BASE}`,
    });

    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { scope: registration?.scope, script: navigator.serviceWorker.controller?.scriptURL };
      }),
    ).toEqual({ scope: `${ORIGIN}${BASE}`, script: `${ORIGIN}${BASE}sw.js` });

    // Data files are not app routes: the service worker must not answer a link to the whole bundle with the app's page.
    const bundle = await page.goto(`${BASE}data/archive.json`);
    expect(bundle?.headers()['content-type']).toMatch(/^application\/json/);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);

    // An issue, by the router's own link.
    await page.locator(`a[href="${BASE}issues/${older.id}"]`).first().click();
    await expect(page).toHaveURL(`${ORIGIN}${BASE}issues/${older.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);
    await expect(page.getByRole('main').locator(`a[href="${BASE}entries/${searched.id}"]`).first()).toBeVisible();
    expect(outsideBase(await linkPaths(page))).toEqual([]);

    // Search, from the header, with a query that has results; the result opens its entry.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await expect(page).toHaveURL(`${ORIGIN}${BASE}search`);
    await page.getByRole('searchbox', { name: 'Search entries' }).fill(`"${searched.headline}"`);
    const result = page
      .getByRole('main')
      .getByRole('article')
      .getByRole('link', { name: searched.headline, exact: true });
    await expect(result.first()).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`^${ORIGIN}${BASE}search\\?q=`));
    expect(outsideBase(await linkPaths(page))).toEqual([]);
    await result.first().click();
    await expect(page).toHaveURL(`${ORIGIN}${BASE}entries/${searched.id}`);
    await expect(page.getByRole('heading', { level: 1, name: searched.headline })).toBeVisible();

    // Offline: the service worker answers the reload, a page never opened and the home page, all under the base path.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: searched.headline })).toBeVisible();
    await page.goto(`${BASE}entries/${offlineEntry.id}`);
    await expect(page.getByRole('heading', { level: 1, name: offlineEntry.headline })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Issues' }).click();
    await expect(page).toHaveURL(`${ORIGIN}${BASE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);
    await context.setOffline(false);

    expect(log.paths.length).toBeGreaterThan(0);
    expect(outsideBase(log.paths)).toEqual([]);
    expect(log.notFound).toEqual([]);
  });

  test("robots.txt under the base path is served as text, not the app's page", async ({ request }) => {
    const response = await request.get(`${BASE}robots.txt`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^User-agent: \*$/m);
  });
});

test("robots.txt is served as text, not the app's page", async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).toMatch(/^Allow: \/$/m);
  expect(text).not.toContain('<html');
});
