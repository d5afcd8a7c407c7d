import { afterEach, describe, expect, it, vi } from 'vitest';
import { planQuery } from '@/features/search/lib/query-plan';
import { parseQuery } from '@/features/search/lib/query-parser';
import { effectiveSort, onePerPaper, rankEntries } from '@/features/search/lib/ranking';
import { SearchEngine } from '@/features/search/lib/search-engine';
import { TimeSlicer } from '@/features/search/lib/time-slicer';
import { makeFixtureArchive } from '../support/fixture-bundle';

describe('planQuery', () => {
  it('folds words, drops stop words and repeats, and matches the word being typed as a prefix', () => {
    const plan = planQuery(parseQuery('The Mixture of mixture Expe'));
    expect(plan.words).toEqual([
      { term: 'mixture', isLast: false, exact: false },
      { term: 'expe', isLast: true, exact: false },
    ]);
    expect(plan.prefixes).toEqual(['expe']);
  });

  it('waits for a second letter before narrowing by the word being typed', () => {
    expect(planQuery(parseQuery('agents a')).words.map((word) => word.term)).toEqual(['agents']);
  });

  it('requires the words of a phrase exactly, without typo tolerance', () => {
    const plan = planQuery(parseQuery('"routing weights" '));
    expect(plan.phrases).toEqual([['routing', 'weights']]);
    expect(plan.words).toEqual([
      { term: 'routing', isLast: false, exact: true },
      { term: 'weights', isLast: false, exact: true },
    ]);
  });
});

describe('ranking', () => {
  // Entry 0 is the newest, entry 2 the oldest.
  const dateRank = Int32Array.from([0, 1, 2]);
  const scores = Float64Array.from([1, 5, 5]);

  it('ranks by score, newer first among equals', () => {
    expect(rankEntries([0, 2, 1], 'relevance', true, scores, dateRank)).toEqual([1, 2, 0]);
  });

  it('sorts by date when asked, and falls back to newest first without words', () => {
    expect(rankEntries([1, 0, 2], 'oldest', true, scores, dateRank)).toEqual([2, 1, 0]);
    expect(effectiveSort('relevance', false)).toBe('newest');
    expect(rankEntries([0, 1, 2], effectiveSort('oldest', false), false, scores, dateRank)).toEqual([2, 1, 0]);
  });

  it('keeps the best-ranked entry of each paper', () => {
    expect(onePerPaper([2, 0, 1], Int32Array.from([0, 1, 0]))).toEqual([2, 1]);
  });
});

describe('TimeSlicer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('yields whenever a slice has spent its budget, checking after every step', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    let yields = 0;
    const slicer = new TimeSlicer(5, () => {
      yields++;
      return Promise.resolve();
    });
    // Each step takes 2 ms: a slice ends after the third step (6 ms), so six steps make two slices.
    await slicer.forEach([1, 2, 3, 4, 5, 6], () => (clock += 2));
    expect(yields).toBe(2);
    expect(slicer.slices).toBe(3);
    expect(slicer.longestSliceMs).toBe(6);
  });
});

const bundle = makeFixtureArchive();
const engine = new SearchEngine(bundle.entries, bundle.issues, bundle.topics);
await engine.start({ yieldToMain: () => Promise.resolve() });

describe('spelling suggestions', () => {
  const search = (query: string, kind?: string[]) =>
    engine.search({
      query,
      selection: kind ? { kind } : {},
      sort: 'relevance',
      groupByPaper: false,
      bookmarkedIds: new Set(),
      limit: 5,
    });

  it('respells each word once, as the index spells it', () => {
    // Two typos in a seven-letter word are more than search respells by itself (one swap, "mixtrue", it does).
    expect(search('mixtrue parots').correction).toBe('mixture parrots');
    const response = search('mixtrie parots');
    expect(response.total).toBe(0);
    expect(response.suggestion).toBe('mixture parrots');
    expect(search(response.suggestion!).total).toBeGreaterThan(0);
  });

  it('suggests nothing when the words matched and the filters left nothing', () => {
    // It used to offer every indexed form of the words: "embedding embeddings models model".
    const response = search('embedding models', ['release']);
    expect(response.total).toBe(0);
    expect(response.suggestion).toBeNull();
  });
});
