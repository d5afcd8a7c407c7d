import { HtmlRenderer, Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bookmark, BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';
import { toMarkdown } from '@/features/bookmarks/lib/export-markdown';
import type { ExportRecord } from '@/features/bookmarks/lib/export-record';
import { makeBookmark } from '../support/bookmarks';

/** The bare URL from issue 8 that turned into a working `javascript:` link. */
const INJECTING_URL = 'https://x.example/)[Click_here_for_the_PDF](javascript:alert(document.domain)';

/** Markdown and HTML that a hostile source document or backup could carry. */
const PAYLOADS = [
  INJECTING_URL,
  ')[Click_here_for_the_PDF](javascript:alert(document.domain)',
  '![x](https://evil.example/t.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<https://evil.example>',
  '<javascript:alert(1)>',
  '[x]: javascript:alert(1)',
  '[x][]',
  '&#x6A;avascript&colon;alert(1)',
  '&lt;b&gt;',
  '`code`',
  '```',
  '**bold** _em_ ~~gone~~',
  '| a | b |',
  '$x$',
  '\\',
  '\n\n# Heading\n',
  '\n- item\n',
  '\n1. item\n',
  '\n> quote\n',
  '\n---\n',
  '\n===\n',
  '\n    indented code\n',
  '  \n',
  '<!-- comment -->',
  '<div>',
];
const METACHARACTERS = [...'\\`*_{}[]()#+-.!|<>~$&:;="\'%'];

/** Text built from payloads, Markdown metacharacters, words and arbitrary Unicode. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc.constantFrom(...METACHARACTERS),
      fc.constantFrom(' ', 'a', 'Z', '7', '1.', '-', 'é', '中', '\u00a0', '\t'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((parts) => parts.join(''));

/** URLs that look like links, use other schemes, or break out of a Markdown link destination. */
const hostileUrl = fc.oneof(
  fc.constantFrom(
    INJECTING_URL,
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    'https:evil.example',
    'http://',
    'https://ok.example/a b"title"',
    'https://ok.example/a\\)b',
    'https://ok.example/?a=1&amp;b=2&#41;',
    'https://ok.example/<x>[y]',
  ),
  hostileText.map((path) => `https://x.example/${path}`),
  hostileText.map((path) => `http://x.example/${path}`),
  hostileText,
);

function snapshotOf(
  headline: string,
  paperTitle: string | null,
  url: string,
  organizations: string[],
): BookmarkSnapshot {
  return {
    headline,
    issueId: '2024-10-27',
    issueDate: '2024-10-27',
    position: 1,
    publishedOn: '2024-10-24',
    paper: paperTitle === null ? null : { title: paperTitle, url, arxivId: null },
    url,
    organizations,
  };
}

function recordOf(snapshot: BookmarkSnapshot | null, extra: Partial<Bookmark>, appUrl: string): ExportRecord {
  return { bookmark: makeBookmark('2024-10-27-hostile', snapshot, extra), snapshot, appUrl };
}

const hostileRecord = fc
  .record({
    headline: hostileText,
    paperTitle: fc.option(hostileText),
    url: hostileUrl,
    organizations: fc.array(hostileText, { maxLength: 3 }),
    note: hostileText,
    tags: fc.array(hostileText, { maxLength: 3 }),
    appUrl: fc.oneof(fc.constant('https://reader.example/entries/2024-10-27-hostile'), hostileUrl),
  })
  .map(({ headline, paperTitle, url, organizations, note, tags, appUrl }) =>
    recordOf(snapshotOf(headline, paperTitle, url, organizations), { note, tags }, appUrl),
  );

function nodes(root: Node): Node[] {
  const found: Node[] = [];
  const walker = root.walker();
  for (let step = walker.next(); step; step = walker.next()) if (step.entering) found.push(step.node);
  return found;
}

/** The text a reader sees in a node: its text and code literals, in order. */
function visibleText(node: Node): string {
  return nodes(node)
    .filter((child) => child.type === 'text' || child.type === 'code')
    .map((child) => child.literal ?? '')
    .join('');
}

/** How a label reads on one line: controls dropped, whitespace runs one space. */
function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Renders the export as CommonMark and checks it holds only text, http(s) links and one list item per bookmark. */
function expectSafeList(markdown: string, records: readonly ExportRecord[]): Node[] {
  const document = new Parser().parse(markdown);
  const all = nodes(document);
  expect(
    all.filter((node) => ['image', 'html_inline', 'html_block'].includes(node.type)).map((node) => node.type),
  ).toEqual([]);
  for (const link of all.filter((node) => node.type === 'link'))
    expect(link.destination ?? '').toMatch(/^https?:\/\//i);

  const html = new HtmlRenderer().render(document);
  expect(html).not.toMatch(/<img|<script|<div|<!--/i);
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//i);

  const blocks = nodes(document).filter((node) => node.parent === document);
  expect(blocks.map((node) => node.type)).toEqual(
    records.length > 0 ? ['heading', 'paragraph', 'list'] : ['heading', 'paragraph'],
  );
  if (records.length === 0) return [];
  const list = blocks[2]!;
  expect(list.listType).toBe('bullet');
  expect(list.listTight).toBe(true);
  const items = nodes(list).filter((node) => node.parent === list);
  expect(items).toHaveLength(records.length);
  for (const item of items) {
    // One paragraph on one line: no nested list, heading, quote or code block, and no line break inside.
    expect(item.firstChild?.type).toBe('paragraph');
    expect(item.firstChild).toBe(item.lastChild);
    expect(nodes(item).filter((node) => node.type === 'softbreak' || node.type === 'linebreak')).toEqual([]);
  }
  return items;
}

const isHttp = (url: string) => /^https?:\/\/./i.test(url) && URL.canParse(url);

describe('Markdown reading list, hostile input', () => {
  it('turns the injecting bare URL into one harmless https link', () => {
    const snapshot = snapshotOf('Click here', null, INJECTING_URL, []);
    const record = recordOf(snapshot, {}, 'https://reader.example/entries/2024-10-27-hostile');
    const markdown = toMarkdown([record], '2025-01-15');
    const [item] = expectSafeList(markdown, [record]);
    const links = nodes(item!).filter((node) => node.type === 'link');
    expect(links.map((link) => link.destination)).toEqual([
      'https://x.example/%29%5BClick_here_for_the_PDF%5D%28javascript:alert%28document.domain%29',
      'https://reader.example/entries/2024-10-27-hostile',
    ]);
    expect(visibleText(links[0]!)).toBe('Click here');
  });

  it('never links to a javascript: URL: the title links to the entry here instead, or is plain text', () => {
    const snapshot = snapshotOf('A paper', null, 'javascript:alert(document.domain)', []);
    const record = recordOf(snapshot, {}, 'https://reader.example/entries/2024-10-27-hostile');
    const [item] = expectSafeList(toMarkdown([record], '2025-01-15'), [record]);
    expect(
      nodes(item!)
        .filter((node) => node.type === 'link')
        .map((link) => link.destination),
    ).toEqual([
      'https://reader.example/entries/2024-10-27-hostile',
      'https://reader.example/entries/2024-10-27-hostile',
    ]);

    const offline = recordOf(snapshot, {}, 'file:///reader/index.html');
    const [plain] = expectSafeList(toMarkdown([offline], '2025-01-15'), [offline]);
    expect(nodes(plain!).filter((node) => node.type === 'link')).toEqual([]);
    expect(visibleText(plain!)).toMatch(/^A paper · /);
  });

  it('shows an imported image, raw HTML or link in a headline, note, tag or organisation as text', () => {
    const payload = '![x](https://evil.example/t.png) <img src=x onerror=alert(1)> [y](javascript:alert(1))';
    const snapshot = snapshotOf(payload, `Paper ${payload}`, 'https://ok.example/paper', [payload]);
    const record = recordOf(
      snapshot,
      { note: payload, tags: [payload] },
      'https://reader.example/entries/2024-10-27-hostile',
    );
    const [item] = expectSafeList(toMarkdown([record], '2025-01-15'), [record]);
    expect(
      nodes(item!)
        .filter((node) => node.type === 'link')
        .map((link) => link.destination),
    ).toEqual(['https://ok.example/paper', 'https://reader.example/entries/2024-10-27-hostile']);
    // Paper title, headline, organisation, tag and note: five times, each as written.
    expect(visibleText(item!).split(payload)).toHaveLength(6);
  });

  it('renders any hostile bookmark as one list item holding its labels as text and links only to http(s) URLs', () => {
    fc.assert(
      fc.property(fc.array(hostileRecord, { maxLength: 4 }), (records) => {
        const items = expectSafeList(toMarkdown(records, '2025-01-15'), records);
        records.forEach((record, index) => {
          const item = items[index]!;
          const text = visibleText(item);
          const { snapshot, bookmark } = record;
          const links = nodes(item).filter((node) => node.type === 'link');
          const titleUrl = [snapshot!.paper?.url, snapshot!.url].find((url) => url && isHttp(url)) ?? record.appUrl;
          expect(links).toHaveLength(Number(isHttp(titleUrl)) + Number(isHttp(record.appUrl)));
          const title = oneLine(snapshot!.paper?.title.trim() || snapshot!.headline) || bookmark.entryId;
          expect(text.startsWith(title), `${JSON.stringify(text)} starts with ${JSON.stringify(title)}`).toBe(true);
          if (isHttp(titleUrl)) expect(visibleText(links[0]!)).toBe(title);
          for (const label of [snapshot!.headline, bookmark.note, ...bookmark.tags, ...snapshot!.organizations]) {
            expect(text).toContain(oneLine(label));
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
