import { describe, expect, it } from 'vitest';
import { ArchiveIndex } from '@/features/search/lib/archive-index';
import { SearchEngine } from '@/features/search/lib/search-engine';
import type { ArchiveBundle, Entry } from '@/shared/bundle';
import { searchIndexOptions, textDocument, titleDocument } from '@/shared/search-options';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { searchableArchive } from '../support/search-engine';

/** The fixture plus entries with a typo-prone word, an accented place and Japanese text. */
const bundle: ArchiveBundle = makeFixtureArchive((archive) => {
  const base = archive.entries.find((entry) => entry.id === '2024-10-21-agents-that-browse')!;
  const extra: Entry[] = [
    {
      ...base,
      id: '2024-10-21-transformer-circuits',
      headline: 'Transformer Circuits Explained',
      summary: 'A study of attention heads.',
      organizations: ['Mila'],
      body: [
        [{ type: 'text', text: 'Researchers at Mila in Montréal traced attention heads in a small transformer.' }],
      ],
      topics: ['Agents'],
      position: 3,
    },
    {
      ...base,
      id: '2024-10-21-japanese-benchmark',
      headline: 'Japanese Reasoning Benchmark',
      summary: '大規模言語モデルの推論能力を測るベンチマーク',
      organizations: ['Sakana AI'],
      body: [[{ type: 'text', text: 'A benchmark in Japanese.' }]],
      topics: ['Reasoning'],
      position: 4,
    },
  ];
  archive.entries.push(...extra);
  archive.issues.find((issue) => issue.id === '2024-10-21')!.entryIds.push(...extra.map((entry) => entry.id));
});

const { engine, search, ids } = await searchableArchive(bundle);

describe('SearchEngine', () => {
  it('is ready after its build and reports it', () => {
    expect(engine.status).toBe('ready');
  });

  it('finds words being typed by their beginning', () => {
    expect(ids('vulnerab')).toEqual(['2024-11-02-ai-identifies-database-vulnerability']);
  });

  it('tolerates typos in longer words', () => {
    expect(ids('transfromer ')).toContain('2024-10-21-transformer-circuits');
  });

  it('folds accents both ways', () => {
    expect(ids('montreal ')).toEqual(['2024-10-21-transformer-circuits']);
    expect(ids('Montréal ')).toEqual(['2024-10-21-transformer-circuits']);
  });

  it('finds text written without spaces by its beginning', () => {
    expect(ids('大規模')).toEqual(['2024-10-21-japanese-benchmark']);
  });

  it('requires every word, wherever it matched', () => {
    // "sleep" is in the headline's summary, "sqlite" only in the text.
    expect(ids('big sleep sqlite')).toEqual(['2024-11-02-ai-identifies-database-vulnerability']);
    expect(ids('sqlite parrots')).toEqual([]);
  });

  it('ranks headline and paper title matches above body mentions', () => {
    const results = ids('parrots ');
    expect(results[0]).toBe('2024-10-27-mixture-of-parrots');
  });

  it('says where each result matched', () => {
    const hit = search('sqlite ').hits[0]!;
    expect(hit.fields).toEqual(expect.arrayContaining(['summary', 'body']));
    expect(hit.fields).not.toContain('headline');
  });

  it('checks exact phrases against the text', () => {
    expect(ids('"routing weights"')).toEqual(
      expect.arrayContaining([
        '2024-11-02-mixture-of-experts-as-embedding-models',
        '2024-10-21-moe-llms-as-embedding-models',
      ]),
    );
    expect(ids('"weights routing"')).toEqual([]);
  });

  it('leaves out excluded words and phrases', () => {
    const withMaryland = ids('embedding ');
    expect(withMaryland.length).toBeGreaterThan(0);
    expect(ids('embedding -maryland')).toEqual([]);
    expect(ids('mixture -"mixture of parrots"')).not.toContain('2024-10-27-mixture-of-parrots');
  });

  it('applies org:, topic: and issue: filters from the query, by word beginnings', () => {
    expect(ids('org:maryland')).toHaveLength(3);
    expect(ids('org:"university of texas"')).toEqual(['2024-10-27-read-me-router-decoupled-moe']);
    expect(ids('topic:mixture -org:maryland')).toEqual([
      '2024-10-27-mixture-of-parrots',
      '2024-10-27-read-me-router-decoupled-moe',
    ]);
    expect(ids('issue:2024-10-27')).toHaveLength(3);
  });

  it('browses by facets with an empty query, newest issue first', () => {
    const response = search('', { selection: { topic: ['Mixture of Experts'] } });
    expect(response.sort).toBe('newest');
    expect(response.hits.map((hit) => hit.entry.issueId)).toEqual(
      [...response.hits.map((hit) => hit.entry.issueId)].sort().reverse(),
    );
    expect(response.total).toBe(4);
  });

  it('sorts oldest issue first on request', () => {
    const dates = search('mixture ', { sort: 'oldest' }).hits.map((hit) => hit.entry.issueId);
    expect(dates).toEqual([...dates].sort());
  });

  it('groups entries about the same paper into one result listing every issue', () => {
    const plain = search('embedding model ');
    const grouped = search('embedding model ', { groupByPaper: true });
    expect(grouped.total).toBe(plain.total - 1);
    const paper = grouped.hits.find((hit) => hit.coverage.length > 1)!;
    expect(paper.coverage.map((entry) => entry.issueId)).toEqual(['2024-11-02', '2024-10-21']);
  });

  it('suggests a spelling when nothing matches', () => {
    // Words under five letters get no typo tolerance in search, but suggestions look further.
    const response = search('bigg sleep');
    expect(response.total).toBe(0);
    expect(response.suggestion).toBe('big sleep');
  });

  it('highlights the matched words in headline and snippet', () => {
    const hit = search('sqlite ').hits[0]!;
    expect(hit.snippet.filter((segment) => segment.mark).map((segment) => segment.text)).toContain('SQLite');
  });

  it('answers titles first, before the text is indexed', async () => {
    const partial = new SearchEngine(bundle.entries, bundle.issues, bundle.topics);
    let release: (() => void) | null = null;
    let yields = 0;
    const done = partial.start({
      sliceMs: 0,
      yieldToMain: () => {
        yields++;
        // Hold the build once, when the titles are in.
        if (partial.status !== 'partial' || release) return Promise.resolve();
        return new Promise((resolve) => (release = resolve));
      },
    });
    while (partial.status !== 'partial') await Promise.resolve();
    expect(
      partial.search({
        query: 'parrots',
        selection: {},
        sort: 'relevance',
        groupByPaper: false,
        bookmarkedIds: new Set(),
        limit: 5,
      }).total,
    ).toBe(1);
    expect(
      partial.search({
        query: 'sqlite',
        selection: {},
        sort: 'relevance',
        groupByPaper: false,
        bookmarkedIds: new Set(),
        limit: 5,
      }).total,
    ).toBe(0);
    (release as (() => void) | null)?.();
    await done;
    expect(yields).toBeGreaterThan(1);
    expect(
      partial.search({
        query: 'sqlite',
        selection: {},
        sort: 'relevance',
        groupByPaper: false,
        bookmarkedIds: new Set(),
        limit: 5,
      }).total,
    ).toBe(1);
  });
});

describe('ArchiveIndex fast path', () => {
  it('finds and scores the same documents as MiniSearch’s own search', () => {
    const index = new ArchiveIndex(bundle.entries.length * 2);
    bundle.entries.forEach((entry, i) => index.addDocument(titleDocument(entry, i)));
    bundle.entries.forEach((entry, i) => index.addDocument(textDocument(entry, i)));
    for (const [term, match] of [
      ['experts', { prefix: false, fuzzy: false }],
      ['mix', { prefix: true, fuzzy: false }],
      ['routng', { prefix: false, fuzzy: 0.2 }],
    ] as const) {
      const scores = new Map<number, number>();
      index.visitPostings(term, match, (id, score) => scores.set(id, (scores.get(id) ?? 0) + score));
      const expected = index.search(term, {
        ...searchIndexOptions.searchOptions,
        prefix: match.prefix,
        fuzzy: match.fuzzy,
      });
      expect([...scores.keys()].sort(), term).toEqual(expected.map((result) => result.id as number).sort());
      for (const result of expected) expect(scores.get(result.id as number), term).toBeCloseTo(result.score, 6);
    }
  });
});
