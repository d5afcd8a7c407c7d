import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFacetTables, buildReadTable, countFacets, describeFacets } from '@/features/search/lib/facets';
import { clientFor, type SearchClient } from '@/features/search/lib/search-client';
import type { SearchRequest, SearchResponse } from '@/features/search/lib/search-engine';
import { toWireRequest } from '@/features/search/worker/protocol';
import { indexArchive } from '@/lib/archive-query';
import { fixtureBundle } from '../support/fixture-bundle';
import { archiveFetch } from '../support/render-app';
import { searchableArchive } from '../support/search-engine';

const { entries, issues, topics } = fixtureBundle;
const readIds = new Set([entries[0]!.id, entries[2]!.id]);

/** The count the page shows for a value of the read facet. */
function readCount(response: Pick<SearchResponse, 'facets'>, value: 'read' | 'unread') {
  return response.facets.find((facet) => facet.key === 'read')?.values.find((item) => item.value === value)?.count;
}

describe('Read/Unread facet', () => {
  it('puts every entry under exactly one of Read and Unread', () => {
    const tables = [...buildFacetTables(entries, issues, topics), buildReadTable(entries, readIds)];
    const all = entries.map((_, i) => i);
    const { counts } = countFacets(tables, {}, all);
    const read = describeFacets(tables, {}, counts).find((facet) => facet.key === 'read')!;
    expect(read.values.map(({ label, count }) => [label, count])).toEqual([
      ['Read', 2],
      ['Unread', entries.length - 2],
    ]);
  });

  it('filters by read state and counts it against the other facets, as the Bookmarked facet does', async () => {
    const { search } = await searchableArchive(fixtureBundle);
    const onlyUnread = search('', { readIds, selection: { read: ['unread'] } });
    expect(onlyUnread.total).toBe(entries.length - 2);
    expect(onlyUnread.hits.some((hit) => readIds.has(hit.entry.id))).toBe(false);
    // The facet's own counts ignore its selection, so Read still shows what choosing it would give.
    expect(readCount(onlyUnread, 'read')).toBe(2);

    const readInIssue = search('', { readIds, selection: { read: ['read'], issue: [entries[0]!.issueId] } });
    const expected = entries.filter((entry) => readIds.has(entry.id) && entry.issueId === entries[0]!.issueId);
    expect(readInIssue.hits.map((hit) => hit.entry.id).sort()).toEqual(expected.map((entry) => entry.id).sort());
  });

  it('sends the read entries to the worker as a list', () => {
    const request: SearchRequest = {
      query: 'x',
      selection: {},
      sort: 'relevance',
      groupByPaper: false,
      bookmarkedIds: new Set(),
      readIds,
      limit: 20,
    };
    expect(structuredClone(toWireRequest(request)).readIds?.sort()).toEqual([...readIds].sort());
  });
});

describe('Read/Unread facet on the main thread', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn(archiveFetch()));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function ready(client: SearchClient): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (client.status === 'ready') resolve();
      };
      client.subscribe(check);
      client.start();
      check();
    });
  }

  it('passes the read entries to the engine when there is no worker', async () => {
    const client = clientFor(indexArchive(structuredClone(fixtureBundle)));
    await ready(client);
    const response = await client.search({
      query: '',
      selection: { read: ['read'] },
      sort: 'newest',
      groupByPaper: false,
      bookmarkedIds: new Set(),
      readIds,
      limit: 20,
    });
    expect(response.hits.map((hit) => hit.entry.id).sort()).toEqual([...readIds].sort());
  });
});
