import { describe, expect, it } from 'vitest';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { buildArchive } from '../../scripts/lib/build-archive';
import { buildSearchShards, type SearchShardFiles } from '../../scripts/lib/search-shards';
import { syntheticArchive } from '../../scripts/bench/synthetic-archive';
import { FirstAnswer } from '@/features/search/lib/first-answer';
import type { WireSearchRequest } from '@/features/search/worker/protocol';
import { entryFragmentPath, parseCatalogue, parseEntryFragment } from '@/shared/archive-layout';
import type { ArchiveBundle } from '@/shared/bundle';
import { parseSearchChunk, parseSearchShardsMeta } from '@/shared/search-shards';
import { searchableArchive } from '../support/search-engine';
import { SEED_FILE, seedTables, seedText } from '../scripts/helpers';

function seedBundle(): ArchiveBundle {
  const { bundle } = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
  if (!bundle) throw new Error('the seed did not build');
  return bundle;
}

const seed = seedBundle();

/** The shards build:data writes for `bundle`, each issue's file named as its layout names it. */
const shardsOf = (bundle: ArchiveBundle, targetChars?: number) =>
  buildSearchShards(bundle, layoutArchive(bundle).hashOfIssue, targetChars);
/** A first answerer over in-memory shard and entry files, and the chunk files it asked for. */
function firstAnswerOver(bundle: ArchiveBundle, shards: SearchShardFiles) {
  const layout = layoutArchive(bundle);
  const catalogue = parseCatalogue(JSON.parse(layout.catalogue.json));
  const fragments = new Map(
    layout.fragmentFolders.flatMap((folder) => folder.fragments).map((file) => [file.path, file.json]),
  );
  const chunks = new Map(shards.chunks.map((file) => [file.path, parseSearchChunk(JSON.parse(file.json))]));
  const fetched: string[] = [];
  const answerer = FirstAnswer.create(parseSearchShardsMeta(JSON.parse(shards.meta.json)), {
    chunk: (path) => {
      fetched.push(path);
      const chunk = chunks.get(path);
      return chunk ? Promise.resolve(chunk) : Promise.reject(new Error(`no chunk ${path}`));
    },
    entry: (issue, position) => {
      if (issue.file === null) return Promise.resolve(catalogue.latestEntries[position]!);
      const json = fragments.get(entryFragmentPath(issue.file, position));
      return json ? Promise.resolve(parseEntryFragment(JSON.parse(json))) : Promise.reject(new Error('no entry file'));
    },
    // Every result is read from its own entry file: an issue file asked for would fail the answer.
    issueEntries: () => Promise.reject(new Error('an issue file was asked for')),
  });
  if (!answerer) throw new Error('the shards cannot answer');
  return { answerer, fetched };
}

const PLAIN_QUERIES = [
  'reasoning',
  'mixture of experts',
  'transformers',
  'reaso',
  'open source language model',
  'agents benchmark',
  'Google',
  'robot',
  'trans',
];

describe('first answers from the search shards', () => {
  it('give the full engine’s results, in its order, with its headlines, snippets and fields', async () => {
    const { search } = await searchableArchive(seed);
    const { answerer } = firstAnswerOver(seed, shardsOf(seed));
    for (const query of PLAIN_QUERIES) {
      for (const sort of ['relevance', 'newest', 'oldest'] as const) {
        const request = { query, selection: {}, sort, groupByPaper: false, limit: 25 };
        const full = search(query, { ...request, bookmarkedIds: new Set() });
        const first = await answerer.answer({ ...request, bookmarkedIds: [] });
        expect(first, query).not.toBeNull();
        expect(full.total, query).toBeGreaterThan(0);
        expect(first!.total, query).toBe(full.total);
        expect(
          first!.hits.map(({ entry, fields, headline, snippet }) => ({ id: entry.id, fields, headline, snippet })),
          `${query} (${sort})`,
        ).toEqual(
          full.hits.map(({ entry, fields, headline, snippet }) => ({ id: entry.id, fields, headline, snippet })),
        );
      }
    }
  });

  it('give the same results from small chunks, where a word’s forms span several', async () => {
    const { ids } = await searchableArchive(seed);
    const shards = shardsOf(seed, 4000);
    expect(shards.chunks.length).toBeGreaterThan(30);
    const { answerer, fetched } = firstAnswerOver(seed, shards);
    for (const query of ['reasoning', 'mixture of experts', 'transformers', 'reaso', 'models']) {
      const first = await answerer.answer({
        query,
        selection: {},
        sort: 'relevance',
        groupByPaper: false,
        bookmarkedIds: [],
        limit: 20,
      });
      expect(
        first?.hits.map((hit) => hit.entry.id),
        query,
      ).toEqual(ids(query, { limit: 20 }));
    }
    // Only the chunks of the words asked for, never the whole index.
    expect(new Set(fetched).size).toBeLessThan(shards.chunks.length / 2);
  });

  it('match the full engine on a larger synthetic archive', async () => {
    const bundle = syntheticArchive(seed, 1500);
    const { ids } = await searchableArchive(bundle);
    const { answerer } = firstAnswerOver(bundle, shardsOf(bundle));
    for (const query of ['reasoning', 'mixture of experts', 'reaso', 'language models']) {
      const first = await answerer.answer({
        query,
        selection: {},
        sort: 'relevance',
        groupByPaper: false,
        bookmarkedIds: [],
        limit: 20,
      });
      expect(
        first?.hits.map((hit) => hit.entry.id),
        query,
      ).toEqual(ids(query, { limit: 20 }));
    }
  });

  it('leave to the full engine what they cannot answer exactly', async () => {
    const { answerer } = firstAnswerOver(seed, shardsOf(seed));
    const request: WireSearchRequest = {
      query: '',
      selection: {},
      sort: 'relevance',
      groupByPaper: false,
      bookmarkedIds: [],
      limit: 20,
    };
    for (const query of [
      '"mixture of experts"',
      'reasoning -agents',
      'org:google',
      'arXiv:2410.21647',
      'reasonnig',
      '',
    ]) {
      expect(await answerer.answer({ ...request, query }), query).toBeNull();
    }
    expect(await answerer.answer({ ...request, query: 'reasoning', groupByPaper: true })).toBeNull();
    expect(await answerer.answer({ ...request, query: 'reasoning', selection: { topic: ['Agents'] } })).toBeNull();
  });

  it('are not given from shards that cannot answer: none written, or a meta file whose issues do not add up', () => {
    const source = {
      chunk: () => Promise.reject(new Error('none')),
      entry: () => Promise.reject(new Error('none')),
      issueEntries: () => Promise.resolve([]),
    };
    const meta = (bundle: ArchiveBundle) => parseSearchShardsMeta(JSON.parse(shardsOf(bundle).meta.json));
    const shuffled = structuredClone(seed);
    shuffled.entries.reverse();
    expect(FirstAnswer.create(meta(shuffled), source)).toBeNull();
    const good = meta(seed);
    expect(FirstAnswer.create(good, source)).not.toBeNull();
    // An issue counted short: the entry numbers would land in the wrong issues.
    const [newest, ...older] = good.issues;
    expect(
      FirstAnswer.create({ ...good, issues: [[newest![0], newest![1] - 1, newest![2], null], ...older] }, source),
    ).toBeNull();
    // An older issue without a file: its entries could not be fetched.
    expect(
      FirstAnswer.create(
        {
          ...good,
          issues: [
            newest!,
            ...older.map(([id, count, date]) => [id, count, date, null] as [string, number, string, null]),
          ],
        },
        source,
      ),
    ).toBeNull();
  });
});
