// @vitest-environment jsdom
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteUrl } from '../../scripts/build-data';
import {
  atomFeed,
  FEED_ISSUES,
  feedFiles,
  jsonFeed,
  normaliseSiteUrl,
  openSearchDescription,
} from '../../scripts/lib/feeds';
import { formatIssueTitle } from '../../scripts/lib/dates';
import type { ArchiveBundle, Entry, Issue } from '../../src/shared/bundle';
import { fixtureBundle } from '../support/fixture-bundle';
import { SEED_FILE } from './helpers';

const SITE = 'https://frontier-reader.example/';
const ATOM = 'http://www.w3.org/2005/Atom';

/** Parses XML with the browser's parser, failing the test on any well-formedness error. */
function parseXml(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

/** The element children of `parent` named `name` (namespace-aware, direct children only). */
function children(parent: Element, name: string): Element[] {
  return Array.from(parent.children).filter((child) => child.localName === name);
}

function child(parent: Element, name: string): Element {
  const [found] = children(parent, name);
  if (!found) throw new Error(`<${parent.localName}> has no <${name}>`);
  return found;
}

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  items: { id: string; url: string; title: string; content_text: string; date_published: string }[];
}

/** An archive of `count` weekly issues, newest first, each with two entries; `headline` names the first of each. */
function weeklyArchive(count: number, headline = (issue: number) => `Headline of issue ${issue}`): ArchiveBundle {
  const template = fixtureBundle.entries[0] as Entry;
  const issues: Issue[] = [];
  const entries: Entry[] = [];
  for (let index = 0; index < count; index += 1) {
    const date = new Date(Date.UTC(2024, 0, 7 + 7 * index)).toISOString().slice(0, 10);
    const ids = [`${date}-first`, `${date}-second`];
    issues.unshift({ id: date, date, title: formatIssueTitle(date), entryIds: ids });
    ids.forEach((id, position) =>
      entries.push({
        ...template,
        id,
        issueId: date,
        position: position + 1,
        number: position + 1,
        headline: position === 0 ? headline(index + 1) : `Second story of issue ${index + 1}`,
        paperGroup: null,
        related: [],
      }),
    );
  }
  return { ...fixtureBundle, issues, entries };
}

describe('the Atom feed', () => {
  it('is well-formed Atom with the elements RFC 4287 requires, newest issue first', () => {
    const document = parseXml(atomFeed(fixtureBundle, SITE));
    const feed = document.documentElement;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(ATOM);
    expect(child(feed, 'id').textContent).toBe(SITE);
    expect(child(feed, 'title').textContent).toContain('Neural Frontier');
    expect(child(feed, 'updated').textContent).toBe('2024-11-02T00:00:00Z');
    expect(child(child(feed, 'author'), 'name').textContent).toBe('Neural Frontier');
    const self = children(feed, 'link').find((link) => link.getAttribute('rel') === 'self');
    expect(self?.getAttribute('href')).toBe(`${SITE}data/feed.xml`);

    const entries = children(feed, 'entry');
    expect(entries.map((entry) => child(entry, 'title').textContent)).toEqual([
      'Issue of November 2, 2024',
      'Issue of October 27, 2024',
      'Issue of October 21, 2024',
    ]);
    const [first] = entries;
    if (!first) throw new Error('no entry');
    expect(child(first, 'title').textContent).toBe('Issue of November 2, 2024');
    expect(child(first, 'id').textContent).toBe(`${SITE}issues/2024-11-02`);
    expect(child(first, 'link').getAttribute('href')).toBe(`${SITE}issues/2024-11-02`);
    expect(child(first, 'updated').textContent).toBe('2024-11-02T00:00:00Z');
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated', 'link', 'summary']) expect(children(entry, name)).toHaveLength(1);
      expect(child(entry, 'updated').textContent).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
    const latest = fixtureBundle.entries.filter((entry) => entry.issueId === '2024-11-02');
    for (const entry of latest) expect(child(first, 'summary').textContent).toContain(entry.headline);
  });

  it('escapes markup, ampersands and quotes in headlines, and drops characters XML cannot hold', () => {
    const nasty = `Tom & Jerry's <script>alert("x")</script> ]]> \u0001end`;
    const xml = atomFeed(
      weeklyArchive(1, () => nasty),
      SITE,
    );
    expect(xml).not.toContain('<script>');
    const summary = parseXml(xml).getElementsByTagNameNS(ATOM, 'summary')[0];
    expect(summary?.textContent).toContain(`Tom & Jerry's <script>alert("x")</script> ]]> end`);
  });

  it('carries the latest 20 issues only', () => {
    const archive = weeklyArchive(25);
    const entries = Array.from(parseXml(atomFeed(archive, SITE)).getElementsByTagNameNS(ATOM, 'entry'));
    expect(FEED_ISSUES).toBe(20);
    expect(entries).toHaveLength(20);
    expect(entries[0]?.querySelector('id')?.textContent).toBe(`${SITE}issues/${archive.issues[0]?.id}`);
    expect(entries[19]?.querySelector('id')?.textContent).toBe(`${SITE}issues/${archive.issues[19]?.id}`);
  });
});

describe('the JSON Feed', () => {
  it('is JSON Feed 1.1 with the required fields and one item per issue, newest first', () => {
    const feed = JSON.parse(jsonFeed(fixtureBundle, SITE)) as JsonFeed;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toContain('Neural Frontier');
    expect(feed.home_page_url).toBe(SITE);
    expect(feed.feed_url).toBe(`${SITE}data/feed.json`);
    expect(feed.items.map((item) => item.title)).toEqual([
      'Issue of November 2, 2024',
      'Issue of October 27, 2024',
      'Issue of October 21, 2024',
    ]);
    expect(feed.items[0]).toMatchObject({
      id: `${SITE}issues/2024-11-02`,
      url: `${SITE}issues/2024-11-02`,
      date_published: '2024-11-02T00:00:00Z',
    });
    expect(feed.items[0]?.content_text).toContain('1. AI Identifies Database Vulnerability');
  });

  it('keeps headlines as they are, and carries the latest 20 issues only', () => {
    const nasty = `Tom & Jerry's <b>"bold"</b>`;
    const feed = JSON.parse(
      jsonFeed(
        weeklyArchive(25, () => nasty),
        SITE,
      ),
    ) as JsonFeed;
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0]?.content_text).toContain(`1. ${nasty}`);
  });
});

describe('the OpenSearch description', () => {
  it('lets a browser search the archive from its address bar', () => {
    const root = parseXml(openSearchDescription(fixtureBundle, SITE)).documentElement;
    expect(root.localName).toBe('OpenSearchDescription');
    expect(root.namespaceURI).toBe('http://a9.com/-/spec/opensearch/1.1/');
    expect(child(root, 'ShortName').textContent).toBe('Frontier Reader');
    expect(child(root, 'Image').textContent).toBe(`${SITE}favicon.svg`);
    const html = children(root, 'Url').find((url) => url.getAttribute('type') === 'text/html');
    expect(html?.getAttribute('template')).toBe(`${SITE}search?q={searchTerms}`);
  });
});

describe('every file the feeds write', () => {
  it('links only to http(s) URLs', () => {
    const files = feedFiles(fixtureBundle, SITE);
    const links: string[] = [];
    for (const xml of [files.atom, files.openSearch]) {
      for (const element of Array.from(parseXml(xml).querySelectorAll('*'))) {
        for (const name of ['href', 'template']) {
          const value = element.getAttribute(name);
          if (value !== null) links.push(value);
        }
        if (['id', 'icon', 'Image'].includes(element.localName)) links.push(element.textContent);
      }
    }
    const feed = JSON.parse(files.json) as JsonFeed & Record<string, unknown>;
    links.push(feed.home_page_url, feed.feed_url, ...feed.items.flatMap((item) => [item.id, item.url]));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link).toMatch(/^https?:\/\/[^\s]+$/);
  });

  it('are deterministic: the same archive gives the same bytes, whatever the order of its issues', () => {
    const archive = weeklyArchive(25);
    const shuffled = { ...archive, issues: [...archive.issues].reverse() };
    expect(feedFiles(shuffled, SITE)).toEqual(feedFiles(archive, SITE));
    expect(feedFiles(archive, SITE)).toEqual(feedFiles(archive, SITE));
  });

  it('resolve every link against a site URL with a base path', () => {
    const site = normaliseSiteUrl('https://example.org/frontier');
    expect(site).toBe('https://example.org/frontier/');
    const files = feedFiles(fixtureBundle, site ?? '');
    const atom = parseXml(files.atom).documentElement;
    expect(children(atom, 'link').map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/frontier/data/feed.xml',
      'https://example.org/frontier/',
    ]);
    expect(child(child(atom, 'entry'), 'id').textContent).toBe('https://example.org/frontier/issues/2024-11-02');
    expect((JSON.parse(files.json) as JsonFeed).feed_url).toBe('https://example.org/frontier/data/feed.json');
    expect(files.openSearch).toContain('template="https://example.org/frontier/search?q={searchTerms}"');
  });
});

describe('the site URL', () => {
  it('must be an absolute http(s) URL without credentials, query or fragment', () => {
    expect(normaliseSiteUrl('http://localhost:4173')).toBe('http://localhost:4173/');
    for (const bad of [
      '',
      '/frontier/',
      'example.org',
      'javascript:alert(1)',
      'ftp://example.org/',
      'https://user:secret@example.org/',
      'https://example.org/?ref=feed',
      'https://example.org/#top',
    ]) {
      expect(normaliseSiteUrl(bad), bad).toBeNull();
    }
  });

  it('comes from data/publication.json, and SITE_URL overrides it', async () => {
    expect(await readSiteUrl('.', {})).toBe(SITE);
    expect(await readSiteUrl('.', { SITE_URL: 'https://example.org/frontier' })).toBe('https://example.org/frontier/');
    await expect(readSiteUrl('.', { SITE_URL: 'example.org/frontier' })).rejects.toThrow(
      'SITE_URL: error: "example.org/frontier": expected an absolute http(s) URL',
    );
  });

  it('is required: a publication.json without one names the field', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'frontier-site-'));
    mkdirSync(path.join(root, 'data'));
    writeFileSync(path.join(root, 'data', 'publication.json'), JSON.stringify({ name: 'Neural Frontier' }));
    await expect(readSiteUrl(root, {})).rejects.toThrow(
      `${path.join(root, 'data/publication.json')}:1: error: siteUrl:`,
    );
    writeFileSync(
      path.join(root, 'data', 'publication.json'),
      JSON.stringify({ name: 'Neural Frontier', siteUrl: 'ftp://example.org/' }),
    );
    await expect(readSiteUrl(root, {})).rejects.toThrow('siteUrl: expected an absolute http(s) URL');
  });
});

describe('npm run build:data', () => {
  function runBuild(env: NodeJS.ProcessEnv, ...args: string[]) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--quiet', ...args], {
      encoding: 'utf8',
      env: { ...process.env, SITE_URL: '', ...env },
    });
    return { code: result.status, stderr: result.stderr };
  }

  it('writes the feeds and the OpenSearch description beside the catalogue, linking under SITE_URL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'frontier-feeds-'));
    const run = runBuild(
      { SITE_URL: 'https://example.org/frontier/' },
      '--input',
      SEED_FILE,
      '--out',
      `${dir}/archive.json`,
    );
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'archive.json',
      'catalogue.json',
      'feed.json',
      'feed.xml',
      'issues',
      'opensearch.xml',
      'search',
    ]);
    const atom = parseXml(readFileSync(path.join(dir, 'feed.xml'), 'utf8')).documentElement;
    expect(children(atom, 'entry').map((entry) => child(entry, 'id').textContent)).toEqual(
      ['2024-11-02', '2024-10-27', '2024-10-21', '2024-10-13', '2024-10-06'].map(
        (id) => `https://example.org/frontier/issues/${id}`,
      ),
    );
    const feed = JSON.parse(readFileSync(path.join(dir, 'feed.json'), 'utf8')) as JsonFeed;
    expect(feed.items).toHaveLength(5);
    expect(readFileSync(path.join(dir, 'opensearch.xml'), 'utf8')).toContain(
      'template="https://example.org/frontier/search?q={searchTerms}"',
    );
  });

  it('refuses a SITE_URL that is not an absolute http(s) URL, writing nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'frontier-feeds-'));
    const run = runBuild({ SITE_URL: 'javascript:alert(1)' }, '--input', SEED_FILE, '--out', `${dir}/archive.json`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SITE_URL: error: "javascript:alert(1)": expected an absolute http(s) URL');
    expect(readdirSync(dir)).toEqual([]);
  });
});
