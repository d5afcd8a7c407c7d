import { describe, expect, it } from 'vitest';
import {
  buildBookmarkedTable,
  buildFacetTables,
  countFacets,
  describeFacets,
  type FacetSelection,
} from '@/features/search/lib/facets';
import { fixtureBundle } from '../support/fixture-bundle';

const { entries, issues, topics } = fixtureBundle;
const tables = [...buildFacetTables(entries, issues, topics), buildBookmarkedTable(entries, new Set([entries[0]!.id]))];
const all = entries.map((_, i) => i);

function facetCounts(selection: FacetSelection, candidates = all) {
  const outcome = countFacets(tables, selection, candidates);
  const facets = describeFacets(tables, selection, outcome.counts);
  const count = (key: string, value: string) =>
    facets.find((facet) => facet.key === key)?.values.find((item) => item.value === value)?.count;
  return { matches: outcome.matches.map((i) => entries[i]!.id), count, facets };
}

describe('disjunctive faceting', () => {
  it('counts every value over all candidates when nothing is selected', () => {
    const { matches, count } = facetCounts({});
    expect(matches).toHaveLength(entries.length);
    expect(count('org', 'University of Maryland')).toBe(3);
    expect(count('topic', 'Mixture of Experts')).toBe(4);
    expect(count('issue', '2024-11-02')).toBe(4);
    expect(count('code', '1')).toBe(3);
    expect(count('bookmarked', '1')).toBe(1);
  });

  it('ORs values within a facet and keeps that facet counting as if it were unselected', () => {
    const { matches, count } = facetCounts({ org: ['Meta', 'Anthropic'] });
    expect(matches.sort()).toEqual(['2024-10-21-agents-that-browse', '2024-10-27-open-weights-multimodal-release']);
    // Other organisations still show what adding them would give.
    expect(count('org', 'University of Maryland')).toBe(3);
    expect(count('org', 'Meta')).toBe(1);
  });

  it('ANDs across facets, and counts each facet against the other facets only', () => {
    const { matches, count } = facetCounts({ topic: ['Mixture of Experts'], issue: ['2024-10-27'] });
    expect(matches.sort()).toEqual(['2024-10-27-mixture-of-parrots', '2024-10-27-read-me-router-decoupled-moe']);
    // Issue counts ignore the issue selection but respect the topic.
    expect(count('issue', '2024-11-02')).toBe(1);
    expect(count('issue', '2024-10-21')).toBe(1);
    expect(count('issue', '2024-10-27')).toBe(2);
    // Topic counts ignore the topic selection but respect the issue.
    expect(count('topic', 'Multimodal')).toBe(1);
    expect(count('topic', 'Agents')).toBe(0);
    // Unselected facets respect both.
    expect(count('org', 'Qualcomm')).toBe(1);
    expect(count('org', 'Meta')).toBe(0);
  });

  it('counts only within the candidates a text query left', () => {
    const candidates = [entries.findIndex((entry) => entry.id === '2024-10-27-mixture-of-parrots')];
    const { count } = facetCounts({}, candidates);
    expect(count('org', 'MIT')).toBe(1);
    expect(count('org', 'Google')).toBe(0);
  });

  it('keeps a selected value visible even when the archive does not have it', () => {
    const { matches, facets } = facetCounts({ org: ['Nobody Labs'] });
    expect(matches).toEqual([]);
    const org = facets.find((facet) => facet.key === 'org')!;
    expect(org.values).toContainEqual({ value: 'Nobody Labs', label: 'Nobody Labs', count: 0, selected: true });
  });

  it('lists organisations by count, and issues and topics in their own order', () => {
    const { facets } = facetCounts({});
    expect(facets.find((facet) => facet.key === 'org')!.values[0]!.value).toBe('University of Maryland');
    expect(facets.find((facet) => facet.key === 'issue')!.values.map((value) => value.value)).toEqual([
      '2024-11-02',
      '2024-10-27',
      '2024-10-21',
    ]);
    expect(facets.find((facet) => facet.key === 'topic')!.values.map((value) => value.value)).toEqual(topics);
  });
});

describe('the source facet', () => {
  it('lists each entry by the outlet the build named', () => {
    const { count } = facetCounts({});
    expect(count('source', 'arXiv')).toBe(6);
    expect(count('source', 'PCMag')).toBe(1);
    expect(count('source', 'Anthropic')).toBe(1);
  });
});
