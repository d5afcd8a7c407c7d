/**
 * The messages between the page and the search worker. Results carry their entries, so the page never holds the whole
 * archive to show a page of results; issues are named by id and looked up in the page's catalogue.
 */
import type { IndexStatus } from '@/features/search/lib/index-status';
import type { SearchHit, SearchRequest, SearchResponse } from '@/features/search/lib/search-engine';
import type { RecommendRequest, RecommendResponse } from '@/features/search/lib/recommend';

/** A {@link SearchRequest} as it crosses to the worker: bookmarks and read entries as lists, no index version. */
export type WireSearchRequest = Omit<SearchRequest, 'bookmarkedIds' | 'readIds' | 'indexVersion'> & {
  bookmarkedIds: string[];
  readIds?: string[];
};

/** A {@link SearchHit} without its issue, which the page looks up. */
export type WireSearchHit = Omit<SearchHit, 'issue'>;

/** A {@link SearchResponse} with its hits as {@link WireSearchHit}s. */
export type WireSearchResponse = Omit<SearchResponse, 'hits'> & { hits: WireSearchHit[] };

/** What the page sends: load the archive from this origin's archive files (once), answer a search, or rank "For you". */
export type ToSearchWorker =
  /**
   * `page`: the first page's URL parameters (`q=…`) when it is the search page. The worker fetches what the answer to
   * that query needs at once, before the page's code has asked, and answers nothing until it asks.
   */
  | {
      type: 'load';
      page?: string;
      /** The page downloads the search shards' meta file and sends it (`shards-meta`): the worker waits for it. */
      shardsMetaFromPage?: boolean;
    }
  /** The shards' meta file as the page downloaded it, or null when it could not: the worker then fetches it itself. */
  | { type: 'shards-meta'; body: ArrayBuffer | null }
  | { type: 'search'; id: number; request: WireSearchRequest }
  | { type: 'recommend'; id: number; request: RecommendRequest };

/** What the worker sends: the index's progress, an answer, or why it cannot search (the page then searches itself). */
export type FromSearchWorker =
  | { type: 'status'; status: IndexStatus }
  | { type: 'result'; id: number; response: WireSearchResponse }
  /**
   * The answer to the first page's own query (`load`'s `page`), sent unasked so the page can show it as it renders:
   * its first screen of hits as soon as they are in (`complete` false, when there are more), then the whole answer.
   */
  | { type: 'early'; request: WireSearchRequest; response: WireSearchResponse; complete: boolean }
  /** The first page's own query will have no early answer (it needs the whole index, or the shards are off). */
  | { type: 'no-early' }
  | { type: 'recommendations'; id: number; response: RecommendResponse }
  | { type: 'error'; message: string };

/** The request as posted to the worker. */
export function toWireRequest(request: SearchRequest): WireSearchRequest {
  const { query, selection, sort, groupByPaper, bookmarkedIds, readIds, limit } = request;
  return {
    query,
    selection,
    sort,
    groupByPaper,
    bookmarkedIds: [...bookmarkedIds],
    readIds: [...(readIds ?? [])],
    limit,
  };
}

/** The response as posted back to the page. */
export function toWireResponse(response: SearchResponse): WireSearchResponse {
  return {
    ...response,
    hits: response.hits.map(({ issue: _issue, ...rest }) => rest),
  };
}
