/**
 * The archive for feed readers and browsers: an Atom feed, a JSON Feed and an OpenSearch description, written beside
 * the catalogue. Pure: a bundle and the site URL in, file text out; scripts/build-data.ts writes them.
 */
import type { ArchiveBundle, Entry, Issue } from '../../src/shared/bundle';
import { formatIssueTitle } from './dates';

/** How many issues the feeds carry, newest first. */
export const FEED_ISSUES = 20;

/** The name feed readers and browsers show for the app. */
export const APP_NAME = 'Frontier Reader';

/** The feed files, relative to the site root: beside `data/catalogue.json`, so they are served and precached with it. */
export const FEED_PATHS = {
  atom: 'data/feed.xml',
  json: 'data/feed.json',
  openSearch: 'data/opensearch.xml',
} as const;

/** What a site URL must look like, for error messages. */
export const SITE_URL_EXPECTED =
  'expected an absolute http(s) URL without query or fragment, such as https://example.org/frontier/';

/**
 * The site URL every absolute link is resolved against: absolute http(s), no credentials, query or fragment, and
 * ending in `/` so a base path (`https://example.org/frontier`) keeps its last segment; null when it is not one.
 */
export function normaliseSiteUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || value.includes('?') || value.includes('#')) return null;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The three files' text. */
export interface FeedFiles {
  atom: string;
  json: string;
  openSearch: string;
}

/** One issue as the feeds show it. */
interface FeedItem {
  url: string;
  title: string;
  updated: string;
  headlines: string[];
}

// XML 1.0 allows neither these characters nor lone surrogates, escaped or not: a feed with one would not parse.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML character data or an attribute value: markup characters escaped, characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An issue date as an RFC 3339 timestamp: the issue's day, at midnight UTC, so the same archive gives the same feed. */
function timestamp(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

/** The latest {@link FEED_ISSUES} issues, newest first, each with its page and its headlines in reading order. */
function feedItems(bundle: ArchiveBundle, site: string): FeedItem[] {
  const entryById = new Map<string, Entry>(bundle.entries.map((entry) => [entry.id, entry]));
  const newestFirst = [...bundle.issues].sort(
    (a: Issue, b: Issue) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id),
  );
  return newestFirst.slice(0, FEED_ISSUES).map((issue) => ({
    url: new URL(`issues/${encodeURIComponent(issue.id)}`, site).href,
    // From the date, not the issue's title, so every feed item reads "Issue of November 2, 2024".
    title: `Issue of ${formatIssueTitle(issue.date)}`,
    updated: timestamp(issue.date),
    headlines: issue.entryIds.flatMap((id) => entryById.get(id)?.headline ?? []),
  }));
}

/** The headlines of an issue as a numbered plain-text list, one per line. */
function headlineList(item: FeedItem): string {
  return item.headlines.map((headline, index) => `${index + 1}. ${headline}`).join('\n');
}

function summaryLine(item: FeedItem): string {
  return `${item.headlines.length} ${item.headlines.length === 1 ? 'entry' : 'entries'}: ${item.headlines.join(' · ')}`;
}

function feedTitle(bundle: ArchiveBundle): string {
  return `${bundle.publication.name} · ${APP_NAME}`;
}

function feedDescription(bundle: ArchiveBundle): string {
  return `The latest issues of ${bundle.publication.name}, to read, search and bookmark in ${APP_NAME}, online or off.`;
}

/** The Atom feed (RFC 4287) of the latest issues. `site` must come from {@link normaliseSiteUrl}. */
export function atomFeed(bundle: ArchiveBundle, site: string): string {
  const items = feedItems(bundle, site);
  const link = (path: string) => escapeXml(new URL(path, site).href);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${escapeXml(site)}</id>`,
    `  <title type="text">${escapeXml(feedTitle(bundle))}</title>`,
    `  <subtitle type="text">${escapeXml(feedDescription(bundle))}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${link(FEED_PATHS.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(site)}"/>`,
    `  <updated>${items[0]?.updated ?? timestamp('1970-01-01')}</updated>`,
    `  <author><name>${escapeXml(bundle.publication.name)}</name></author>`,
    `  <generator>${APP_NAME}</generator>`,
    `  <icon>${link('favicon.svg')}</icon>`,
  ];
  for (const item of items) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(item.url)}</id>`,
      `    <title type="text">${escapeXml(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      `    <published>${item.updated}</published>`,
      `    <updated>${item.updated}</updated>`,
      `    <summary type="text">${escapeXml(summaryLine(item))}</summary>`,
      `    <content type="text">${escapeXml(headlineList(item))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

/** The JSON Feed 1.1 of the latest issues. `site` must come from {@link normaliseSiteUrl}. */
export function jsonFeed(bundle: ArchiveBundle, site: string): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(bundle),
    home_page_url: site,
    feed_url: new URL(FEED_PATHS.json, site).href,
    description: feedDescription(bundle),
    favicon: new URL('favicon.svg', site).href,
    icon: new URL('icons/icon-512.png', site).href,
    language: 'en',
    authors: [{ name: bundle.publication.name }],
    items: feedItems(bundle, site).map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: summaryLine(item),
      content_text: headlineList(item),
      date_published: item.updated,
      date_modified: item.updated,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** The OpenSearch 1.1 description, so a browser can search the archive from its address bar. */
export function openSearchDescription(bundle: ArchiveBundle, site: string): string {
  const link = (path: string) => escapeXml(new URL(path, site).href);
  return `${[
    '<?xml version="1.0" encoding="utf-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  <ShortName>${APP_NAME}</ShortName>`,
    `  <Description>${escapeXml(`Search the ${bundle.publication.name} archive: headlines, papers, organisations and topics.`)}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    `  <Image width="16" height="16" type="image/svg+xml">${link('favicon.svg')}</Image>`,
    // `{searchTerms}` is OpenSearch's placeholder and must stay literal, so it is appended after the URL is resolved.
    `  <Url type="text/html" method="get" template="${link('search')}?q={searchTerms}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${link(FEED_PATHS.openSearch)}"/>`,
    '</OpenSearchDescription>',
  ].join('\n')}\n`;
}

/** All three files for a bundle. */
export function feedFiles(bundle: ArchiveBundle, site: string): FeedFiles {
  return {
    atom: atomFeed(bundle, site),
    json: jsonFeed(bundle, site),
    openSearch: openSearchDescription(bundle, site),
  };
}
