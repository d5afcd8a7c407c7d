import { describe, expect, it } from 'vitest';
import { ArchiveIndex } from '@/features/search/lib/archive-index';
import { typoDistance } from '@/features/search/lib/close-terms';
import { SearchEngine, type SearchRequest } from '@/features/search/lib/search-engine';
import { textDocument, titleDocument } from '@/shared/search-options';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { addTextEntries, searchableArchive } from '../support/search-engine';

const MIXTRAL = '2024-10-21-mixtral-of-experts';
const PIXTRAL = '2024-10-21-pixtral-multimodal';
const TRANSFORMER = '2024-10-21-transformer-circuits';
const BENCHMARK = '2024-10-21-reasoning-benchmark';

/** The fixture plus two models one letter apart, a transformer entry and a reasoning benchmark. */
const bundle = makeFixtureArchive((archive) =>
  addTextEntries(archive, '2024-10-21', [
    { id: MIXTRAL, headline: 'Mixtral of Experts', text: 'Mistral released Mixtral, a sparse mixture of experts.' },
    { id: PIXTRAL, headline: 'Pixtral Sees Images', text: 'Pixtral is a multimodal model from Mistral.' },
    {
      id: TRANSFORMER,
      headline: 'Transformer Circuits Explained',
      text: 'A study of attention heads in a small transformer.',
    },
    { id: BENCHMARK, headline: 'A Reasoning Benchmark', text: 'A benchmark of multi-step reasoning problems.' },
  ]),
);
const { search, ids } = await searchableArchive(bundle);

describe('typo distance', () => {
  it('counts a swap of neighbouring letters as one typo', () => {
    expect(typoDistance('transfromer', 'transformer')).toBe(1);
    expect(typoDistance('transfromerz', 'transformer')).toBe(2);
    expect(typoDistance('agnetz', 'agents')).toBe(2);
    expect(typoDistance('mixtral', 'pixtral')).toBe(1);
    expect(typoDistance('', 'abc')).toBe(3);
  });

  it('finds the archive’s spellings within reach, likeliest first, and beginnings of words being typed', () => {
    const index = new ArchiveIndex(bundle.entries.length * 2);
    bundle.entries.forEach((entry, i) => index.addDocument(titleDocument(entry, i)));
    bundle.entries.forEach((entry, i) => index.addDocument(textDocument(entry, i)));
    expect(index.respell('transfromerz', 2, false)).toEqual(['transformer']);
    expect(index.respell('transfromerz', 1, false)).toEqual([]);
    expect(index.respell('transfro', 2, true)).toEqual(['transfor']);
    expect(index.respell('benchmrak', 2, true)).toEqual(['benchmark']);
    expect(index.respell('ixtral', 1, false, 3)).toEqual(['mixtral', 'pixtral']);
    // One typo from both; the one that keeps the first letter comes first.
    expect(index.respell('pistral', 1, false, 3)).toEqual(['pixtral', 'mistral']);
  });
});

describe('typos in search', () => {
  it('never fuzzes a word the archive has into another one', () => {
    expect(ids('mixtral')).toEqual([MIXTRAL]);
    expect(ids('pixtral ')).toEqual([PIXTRAL]);
    expect(search('mixtral').correction).toBeNull();
  });

  it('respells a word the archive lacks, and says what it searched for instead', () => {
    const response = search('mixtrl ');
    expect(response.hits.map((hit) => hit.entry.id)).toEqual([MIXTRAL]);
    expect(response.correction).toBe('mixtral');
    expect(search('transfromer ').correction).toBe('transformer');
  });

  it('respells a double typo in a long word', () => {
    const response = search('transfromerz');
    expect(response.hits[0]!.entry.id).toBe(TRANSFORMER);
    expect(response.correction).toBe('transformer');
    expect(response.hits[0]!.headline.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual([
      'Transformer',
    ]);
  });

  it('matches a word being typed by its beginning, with a typo', () => {
    const response = search('transfro');
    expect(response.hits.map((hit) => hit.entry.id)).toContain(TRANSFORMER);
    expect(response.correction).toBe('transfor');
    expect(response.hits[0]!.headline.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual([
      'Transformer',
    ]);
  });

  it('respells each word on its own, keeping the words that need none', () => {
    const response = search('reasonin benchmrak');
    expect(response.correction).toBe('reasoning benchmark');
    expect(response.hits[0]!.entry.id).toBe(BENCHMARK);
    expect(search('attention transfromer').correction).toBe('attention transformer');
  });

  it('suggests, one word for each word typed, what a query too far off for search is closest to', () => {
    // Six letters allow one typo in search; a suggestion allows two.
    const response = search('agnetz');
    expect(response.total).toBe(0);
    expect(response.suggestion).toBe('agents');
    const twoWords = search('agnetz THE brwoze');
    expect(twoWords.total).toBe(0);
    expect(twoWords.suggestion).toBe('agents THE browse');
    expect(search(twoWords.suggestion!).total).toBeGreaterThan(0);
  });

  it('suggests nothing when no spelling would find anything', () => {
    expect(search('zzqxv').suggestion).toBeNull();
    // Each word exists; they just never meet.
    expect(search('sqlite pixtral').suggestion).toBeNull();
  });

  it('respells nothing while only titles are indexed, since the word may be in a text', async () => {
    const partial = new SearchEngine(bundle.entries, bundle.issues, bundle.topics);
    let release: (() => void) | null = null;
    const done = partial.start({
      sliceMs: 0,
      yieldToMain: () =>
        partial.status !== 'partial' || release ? Promise.resolve() : new Promise((resolve) => (release = resolve)),
    });
    while (partial.status !== 'partial') await Promise.resolve();
    const request: Omit<SearchRequest, 'query'> = {
      selection: {},
      sort: 'relevance',
      groupByPaper: false,
      bookmarkedIds: new Set(),
      limit: 5,
    };
    const early = partial.search({ ...request, query: 'sqlit ' });
    expect(early.total).toBe(0);
    expect(early.correction).toBeNull();
    (release as (() => void) | null)?.();
    await done;
    const late = partial.search({ ...request, query: 'sqlit ' });
    expect(late.correction).toBe('sqlite');
    expect(late.total).toBe(1);
  });
});
