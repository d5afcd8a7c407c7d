import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { buildArchive } from '../../scripts/lib/build-archive';
import { buildSearchShards } from '../../scripts/lib/search-shards';
import { FIRST_SCREEN, loadFirstAnswer } from '@/features/search/lib/first-answer';
import { fetchCatalogue } from '@/lib/archive-files';
import type { WireSearchRequest, WireSearchResponse } from '@/features/search/worker/protocol';
import { CATALOGUE_PATH, parseCatalogue, type Catalogue } from '@/shared/archive-layout';
import { SEARCH_SHARDS_PATH } from '@/shared/search-shards';
import type { ArchiveBundle } from '@/shared/bundle';
import { addTextEntries, searchableArchive } from '../support/search-engine';
import { SEED_FILE, seedTables, seedText } from '../scripts/helpers';

/** The seed, with one entry only the newest issue has a word for and one only the oldest has, in issue order. */
function seedBundle(): ArchiveBundle {
  const { bundle } = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
  if (!bundle) throw new Error('the seed did not build');
  addTextEntries(bundle, bundle.issues[0]!.id, [
    { id: `${bundle.issues[0]!.id}-quokka`, headline: 'Quokka agents', text: 'A quokka plans its reasoning.' },
  ]);
  const oldest = bundle.issues.at(-1)!.id;
  addTextEntries(bundle, oldest, [
    { id: `${oldest}-wombat`, headline: 'Wombat models', text: 'A wombat digs through reasoning.' },
  ]);
  const byId = new Map(bundle.entries.map((entry) => [entry.id, entry]));
  bundle.entries = bundle.issues.flatMap((issue) => issue.entryIds.map((id) => byId.get(id)!));
  return bundle;
}

const seed = seedBundle();
const layout = layoutArchive(seed);
const catalogue = parseCatalogue(JSON.parse(layout.catalogue.json));
const issueFiles = layout.issueFiles.map((file) => file.path);
const fragmentFiles = layout.fragmentFolders.flatMap((folder) => folder.fragments.map((file) => file.path));

/** The path a fetch asks for, as the app's fetchJson passes it. */
const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;

/** Serves the seed's built files, but none whose path passes `missing`, and logs the paths asked for. */
function serve(missing: (path: string) => boolean = () => false) {
  const shards = buildSearchShards(seed, layout.hashOfIssue);
  const files = new Map(
    [
      layout.catalogue,
      ...layout.issueFiles,
      ...layout.fragmentFolders.flatMap((folder) => folder.fragments),
      shards.meta,
      ...shards.chunks,
    ].map((file) => [`/${file.path}`, file.json]),
  );
  const requested: string[] = [];
  vi.stubGlobal('fetch', (input: RequestInfo | URL) => {
    const url = urlOf(input);
    const path = url.slice(1);
    requested.push(path);
    const json = files.get(url);
    if (json === undefined || missing(path)) return Promise.resolve(new Response('Not found', { status: 404 }));
    return Promise.resolve(new Response(json, { headers: { 'Content-Type': 'application/json' } }));
  });
  return requested;
}

function request(query: string): WireSearchRequest {
  return { query, selection: {}, sort: 'relevance', groupByPaper: false, bookmarkedIds: [], limit: 20 };
}

/** A first answerer over the served files; it asks for the catalogue only through `catalogue`, as the worker does. */
async function answerer(catalogue: () => Promise<Catalogue> = () => fetchCatalogue()) {
  const found = await loadFirstAnswer(catalogue);
  if (!found) throw new Error('no first answerer');
  return found;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the first answer’s results', () => {
  it('are read from one small file each, not from whole issue files', async () => {
    const requested = serve();
    const first = await (await answerer()).answer(request('reasoning'));
    const { ids } = await searchableArchive(seed);
    expect(first?.hits.map((hit) => hit.entry.id)).toEqual(ids('reasoning', { limit: 20 }));
    expect(first?.hits).toHaveLength(20);
    expect(requested.filter((path) => issueFiles.includes(path))).toEqual([]);
    const fragments = requested.filter((path) => fragmentFiles.includes(path));
    const older = first!.hits.filter((hit) => hit.entry.issueId !== catalogue.issues[0]!.id);
    expect(fragments).toHaveLength(older.length);
    expect(new Set(fragments).size).toBe(fragments.length);
  });

  it('use the shards’ meta file the page downloaded, and fetch it themselves when the page could not', async () => {
    const requested = serve();
    const { ids } = await searchableArchive(seed);
    const metaJson = buildSearchShards(seed, layout.hashOfIssue).meta.json;
    const fromPage = await loadFirstAnswer(fetchCatalogue, Promise.resolve(new TextEncoder().encode(metaJson).buffer));
    expect((await fromPage!.answer(request('reasoning')))?.hits.map((hit) => hit.entry.id)).toEqual(
      ids('reasoning', { limit: 20 }),
    );
    expect(requested).not.toContain(SEARCH_SHARDS_PATH);

    const failedOnPage = await loadFirstAnswer(fetchCatalogue, Promise.resolve(null));
    expect((await failedOnPage!.answer(request('reasoning')))?.hits.map((hit) => hit.entry.id)).toEqual(
      ids('reasoning', { limit: 20 }),
    );
    expect(requested).toContain(SEARCH_SHARDS_PATH);
  });

  it('are each fetched once however often they are shown', async () => {
    const requested = serve();
    const first = await answerer();
    await first.answer(request('reasoning'));
    const before = requested.length;
    const again = await first.answer(request('reasoning'));
    expect(again?.hits).toHaveLength(20);
    expect(requested.slice(before)).toEqual([]);
  });

  it('need no catalogue unless one is in the newest issue', async () => {
    const requested = serve();
    const first = await (await answerer()).answer(request('wombat'));
    expect(first?.hits.map((hit) => hit.entry.id)).toEqual([`${catalogue.issues.at(-1)!.id}-wombat`]);
    expect(requested).not.toContain(CATALOGUE_PATH);
  });

  it('of the newest issue come from the catalogue, with no file fetched', async () => {
    const requested = serve();
    const first = await (await answerer()).answer(request('quokka'));
    expect(first?.hits.map((hit) => hit.entry.id)).toEqual([`${catalogue.issues[0]!.id}-quokka`]);
    expect(requested.filter((path) => issueFiles.includes(path) || fragmentFiles.includes(path))).toEqual([]);
    expect(requested.some((path) => path.includes(catalogue.issues[0]!.id))).toBe(false);
    expect(requested).toContain(CATALOGUE_PATH);
  });

  it('of the newest issue fail when the catalogue is of another archive than the index, rather than show the wrong entries', async () => {
    serve();
    const older = structuredClone(seed);
    older.issues = older.issues.slice(1);
    older.entries = older.entries.filter((entry) => entry.issueId !== seed.issues[0]!.id);
    const stale = parseCatalogue(JSON.parse(layoutArchive(older).catalogue.json));
    await expect((await answerer(() => Promise.resolve(stale))).answer(request('quokka'))).rejects.toThrow(
      `the catalogue's newest issue is not ${seed.issues[0]!.id}`,
    );
  });

  it('come first screen first: only its files are asked for until it is sent, and it is how the whole answer begins', async () => {
    const requested = serve();
    const screens: WireSearchResponse[] = [];
    let askedByThen: string[] = [];
    const whole = await (
      await answerer()
    ).answer(request('reasoning'), (screen) => {
      screens.push(screen);
      askedByThen = requested.filter((path) => fragmentFiles.includes(path));
    });
    const ids = (response: WireSearchResponse | null | undefined) => response?.hits.map((hit) => hit.entry.id);
    expect(screens).toHaveLength(1);
    expect(ids(screens[0])).toEqual(ids(whole)!.slice(0, FIRST_SCREEN));
    expect(whole!.hits.length).toBeGreaterThan(FIRST_SCREEN);
    expect(screens[0]!.total).toBe(whole!.total);
    const folderOf = (issueId: string) => catalogue.issueFiles[issueId]?.replace(/\.json$/, '/');
    const filesOf = (hits: WireSearchResponse['hits']) =>
      fragmentFiles.filter((path) => hits.some((hit) => path.startsWith(folderOf(hit.entry.issueId) ?? '\0')));
    // By the time the first screen is sent, its files and no others have been asked for.
    expect(askedByThen.length).toBeGreaterThan(0);
    expect(askedByThen.every((path) => filesOf(screens[0]!.hits).includes(path))).toBe(true);
    // The rest come after it, and no file is asked for twice.
    const fragments = requested.filter((path) => fragmentFiles.includes(path));
    expect(fragments.slice(0, askedByThen.length)).toEqual(askedByThen);
    expect(fragments.length).toBeGreaterThan(askedByThen.length);
    expect(new Set(fragments).size).toBe(fragments.length);
  });

  it('come from the issue file when an entry file cannot be had, as for an old service worker offline', async () => {
    const oldest = catalogue.issues.at(-1)!.id;
    const oldestFile = catalogue.issueFiles[oldest]!;
    const requested = serve((path) => path.startsWith(oldestFile.replace(/\.json$/, '/')));
    const first = await (await answerer()).answer(request('wombat'));
    expect(first?.hits.map((hit) => hit.entry.id)).toEqual([`${oldest}-wombat`]);
    expect(requested.filter((path) => issueFiles.includes(path))).toEqual([oldestFile]);

    // Only that issue's: the others' results are still read from their own files.
    const { ids } = await searchableArchive(seed);
    const reasoning = await (await answerer()).answer(request('reasoning'));
    expect(reasoning?.hits.map((hit) => hit.entry.id)).toEqual(ids('reasoning', { limit: 20 }));
    const issueFilesRead = new Set(requested.filter((path) => issueFiles.includes(path)));
    expect([...issueFilesRead]).toEqual([oldestFile]);
  });

  it('come from the issue file when an entry file is not the entry the index says', async () => {
    const oldest = catalogue.issues.at(-1)!.id;
    const oldestFile = catalogue.issueFiles[oldest]!;
    const requested = serve();
    const stray = layout.fragmentFolders[0]!.fragments[0]!.json;
    vi.stubGlobal(
      'fetch',
      ((fetch) => (input: RequestInfo | URL) => {
        const url = urlOf(input);
        // Every entry file of the oldest issue holds an entry of another issue.
        if (url.startsWith(`/${oldestFile.replace(/\.json$/, '/')}`)) {
          requested.push(url.slice(1));
          return Promise.resolve(new Response(stray, { headers: { 'Content-Type': 'application/json' } }));
        }
        return fetch(input);
      })(globalThis.fetch),
    );
    const first = await (await answerer()).answer(request('wombat'));
    expect(first?.hits.map((hit) => hit.entry.id)).toEqual([`${oldest}-wombat`]);
    expect(requested.filter((path) => issueFiles.includes(path))).toEqual([oldestFile]);
  });
});
