import { describe, expect, it } from 'vitest';
import { readSearchParams, writeSearchParams } from '@/features/search/lib/search-params';
import type { SearchRequest } from '@/features/search/lib/search-engine';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { searchableArchive } from '../support/search-engine';

/** The fixture, with one entry's paper from the month before its issue and one from the year before. */
const bundle = makeFixtureArchive((archive) => {
  archive.entries.find((entry) => entry.id === '2024-10-21-agents-that-browse')!.publishedOn = '2024-09-28';
  archive.entries.find((entry) => entry.id === '2024-10-27-mixture-of-parrots')!.publishedOn = '2023-12-01';
});
const { search } = await searchableArchive(bundle);
const monthCounts = (query = '', options: Partial<SearchRequest> = {}) =>
  Object.fromEntries(
    search(query, options)
      .facets.find((facet) => facet.key === 'month')!
      .values.map((value) => [value.label, value.count]),
  );

describe('dates in search', () => {
  it('lists each entry under the month of its issue, when readers saw it, not of its paper', () => {
    // The Nov 2 issue covers papers from October; no month of a paper alone appears.
    expect(monthCounts()).toEqual({ 'November 2024': 4, 'October 2024': 5 });
    const november = search('', { selection: { month: ['2024-11'] } });
    expect(new Set(november.hits.map((hit) => hit.entry.issueId))).toEqual(new Set(['2024-11-02']));
    expect(november.total).toBe(4);
  });

  it('sorts newest and oldest by issue, in reading order within an issue', () => {
    const newest = search('', { sort: 'newest' }).hits.map((hit) => [hit.entry.issueId, hit.entry.position]);
    expect(newest).toEqual([
      ['2024-11-02', 1],
      ['2024-11-02', 2],
      ['2024-11-02', 3],
      ['2024-11-02', 4],
      ['2024-10-27', 1],
      ['2024-10-27', 2],
      ['2024-10-27', 3],
      ['2024-10-21', 1],
      ['2024-10-21', 2],
    ]);
    expect(search('', { sort: 'oldest' }).hits.map((hit) => [hit.entry.issueId, hit.entry.position])).toEqual(
      newest.reverse(),
    );
    const withWords = search('mixture ', { sort: 'oldest' }).hits.map((hit) => hit.entry.issueId);
    expect(withWords).toEqual([...withWords].sort());
  });

  it('sorts by the paper’s date on request, newest first', () => {
    const dates = search('', { sort: 'paper' }).hits.map((hit) => hit.entry.publishedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.at(-1)).toBe('2023-12-01');
    const withWords = search('mixture ', { sort: 'paper' });
    expect(withWords.sort).toBe('paper');
    expect(withWords.hits.at(-1)!.entry.id).toBe('2024-10-27-mixture-of-parrots');
  });
});

describe('sort in the URL', () => {
  it('reads the paper-date sort and keeps reading the names old links use', () => {
    for (const sort of ['relevance', 'newest', 'oldest', 'paper'] as const) {
      const state = readSearchParams(new URLSearchParams(`q=moe&sort=${sort}`));
      expect(state.sort).toBe(sort);
      expect(writeSearchParams(state).toString()).toBe(`q=moe&sort=${sort}`);
    }
    expect(readSearchParams(new URLSearchParams('sort=published')).sort).toBeNull();
    expect(readSearchParams(new URLSearchParams('q=moe&month=2024-10&sort=oldest'))).toEqual({
      query: 'moe',
      selection: { month: ['2024-10'] },
      sort: 'oldest',
      groupByPaper: false,
    });
  });
});
