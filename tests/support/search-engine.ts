/** A search engine over a test archive, indexed at once, and a search with every request field defaulted. */
import { SearchEngine, type SearchRequest, type SearchResponse } from '@/features/search/lib/search-engine';
import type { ArchiveBundle, Entry } from '@/shared/bundle';

/** An indexed engine over `bundle` and a `search(query, options)` that fills the rest of the request. */
export async function searchableArchive(bundle: ArchiveBundle) {
  const engine = new SearchEngine(bundle.entries, bundle.issues, bundle.topics);
  await engine.start({ yieldToMain: () => Promise.resolve() });
  const search = (query: string, options: Partial<SearchRequest> = {}): SearchResponse =>
    engine.search({
      query,
      selection: {},
      sort: 'relevance',
      groupByPaper: false,
      bookmarkedIds: new Set(),
      limit: 50,
      ...options,
    });
  const ids = (query: string, options: Partial<SearchRequest> = {}) =>
    search(query, options).hits.map((hit) => hit.entry.id);
  return { engine, search, ids };
}

/** Adds plain entries (headline, one-paragraph text, topic Other) to an issue of a draft archive, after its others. */
export function addTextEntries(
  archive: ArchiveBundle,
  issueId: string,
  entries: ReadonlyArray<{ id: string; headline: string; text: string }>,
): void {
  const issue = archive.issues.find((candidate) => candidate.id === issueId);
  const base = archive.entries.find((entry) => entry.issueId === issueId);
  if (!issue || !base) throw new Error(`search-engine: error: the test archive has no issue ${issueId} with entries`);
  const added = entries.map(({ id, headline, text }, index): Entry => ({
    ...base,
    id,
    headline,
    summary: text,
    organizations: [],
    body: [[{ type: 'text', text }]],
    topics: ['Other'],
    position: issue.entryIds.length + index + 1,
  }));
  archive.entries.push(...added);
  issue.entryIds.push(...added.map((entry) => entry.id));
}
