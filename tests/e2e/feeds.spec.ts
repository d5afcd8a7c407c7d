import { expect, test } from './support/fixtures';

test('the page links the Atom feed, the JSON Feed and the OpenSearch description, and each is served and parses', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('main')).toBeVisible();
  const links = await page.locator('head link[rel="alternate"], head link[rel="search"]').evaluateAll((elements) =>
    elements.map((element) => ({
      rel: element.getAttribute('rel'),
      type: element.getAttribute('type'),
      title: element.getAttribute('title'),
      href: element.getAttribute('href'),
    })),
  );
  expect(links).toEqual([
    { rel: 'alternate', type: 'application/atom+xml', title: 'Frontier Reader', href: '/data/feed.xml' },
    { rel: 'alternate', type: 'application/feed+json', title: 'Frontier Reader', href: '/data/feed.json' },
    {
      rel: 'search',
      type: 'application/opensearchdescription+xml',
      title: 'Frontier Reader',
      href: '/data/opensearch.xml',
    },
  ]);

  // Fetched and parsed by the browser's own parsers, as a feed reader or the browser would.
  const parsed = await page.evaluate(async () => {
    const xml = async (url: string) => {
      const response = await fetch(url);
      const document = new DOMParser().parseFromString(await response.text(), 'application/xml');
      return { status: response.status, type: response.headers.get('content-type'), document };
    };
    const atom = await xml('/data/feed.xml');
    const openSearch = await xml('/data/opensearch.xml');
    const json = (await (await fetch('/data/feed.json')).json()) as { version: string; items: { title: string }[] };
    const atomNs = 'http://www.w3.org/2005/Atom';
    return {
      atom: {
        status: atom.status,
        errors: atom.document.getElementsByTagName('parsererror').length,
        root: atom.document.documentElement.namespaceURI,
        titles: Array.from(atom.document.getElementsByTagNameNS(atomNs, 'entry')).map(
          (entry) => entry.getElementsByTagNameNS(atomNs, 'title')[0]?.textContent,
        ),
      },
      openSearch: {
        status: openSearch.status,
        errors: openSearch.document.getElementsByTagName('parsererror').length,
        template: openSearch.document.querySelector('Url[type="text/html"]')?.getAttribute('template'),
      },
      json: { version: json.version, titles: json.items.map((item) => item.title) },
    };
  });
  const titles = [
    'Issue of November 2, 2024',
    'Issue of October 27, 2024',
    'Issue of October 21, 2024',
    'Issue of October 13, 2024',
    'Issue of October 6, 2024',
  ];
  expect(parsed.atom).toEqual({ status: 200, errors: 0, root: 'http://www.w3.org/2005/Atom', titles });
  expect(parsed.json).toEqual({ version: 'https://jsonfeed.org/version/1.1', titles });
  expect(parsed.openSearch.status).toBe(200);
  expect(parsed.openSearch.errors).toBe(0);
  expect(parsed.openSearch.template).toMatch(/^https?:\/\/[^?]+\/search\?q=\{searchTerms\}$/);
});
