/**
 * The search page's state, all of it in the URL: `/search?q=moe&org=Google&topic=Agents&sort=newest&group=paper`.
 * `q`, `org`, `topic` and `issue` are the names {@link searchUrl} (src/lib/search-url.ts) links to; keep them.
 * `shown=60` (after "Show more") is kept apart from {@link SearchState}: any change of the state drops it.
 */
import { FACET_KEYS, type FacetKey, type FacetSelection } from '@/features/search/lib/facets';
import { SORT_ORDERS, type SortOrder } from '@/features/search/lib/ranking';
import type { WireSearchRequest } from '@/features/search/worker/protocol';

/** What the URL says. */
export interface SearchState {
  query: string;
  selection: FacetSelection;
  /** null: the default (relevance with a query, newest without). */
  sort: SortOrder | null;
  groupByPaper: boolean;
}

/** Results rendered at first and added by each "Show more". */
export const RESULT_PAGE_SIZE = 20;

/** The URL parameter with how many results "Show more" has revealed, so Back to the page shows them again. */
export const SHOWN_PARAM = 'shown';

/** Most results one page may ask for, whatever the URL says. */
const MAX_SHOWN = 10_000;

/** How many results the URL asks to show: at least one page, and the page size when `shown` is missing or malformed. */
export function readShown(params: URLSearchParams): number {
  const shown = Number(params.get(SHOWN_PARAM));
  return Number.isInteger(shown) && shown > RESULT_PAGE_SIZE ? Math.min(shown, MAX_SHOWN) : RESULT_PAGE_SIZE;
}

/** The parameters with `shown` set, or left out when it is one page. */
export function writeShown(params: URLSearchParams, shown: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (shown > RESULT_PAGE_SIZE) next.set(SHOWN_PARAM, String(shown));
  else next.delete(SHOWN_PARAM);
  return next;
}

/** Facets whose only value is "yes", written as `code=1`. */
export const YES_NO_FACETS: ReadonlySet<FacetKey> = new Set(['code', 'bookmarked']);

/** Reads the state from URL parameters; unknown or malformed values are ignored. */
export function readSearchParams(params: URLSearchParams): SearchState {
  const selection: FacetSelection = {};
  for (const key of FACET_KEYS) {
    const values = YES_NO_FACETS.has(key)
      ? params.get(key) === '1'
        ? ['1']
        : []
      : [
          ...new Set(
            params
              .getAll(key)
              .map((value) => value.trim())
              .filter(Boolean),
          ),
        ];
    if (values.length > 0) selection[key] = values;
  }
  const sort = params.get('sort');
  return {
    query: params.get('q') ?? '',
    selection,
    // `newest` and `oldest` keep their names from before the paper-date sort, so old links still sort.
    sort: (SORT_ORDERS as readonly string[]).includes(sort ?? '') ? (sort as SortOrder) : null,
    groupByPaper: params.get('group') === 'paper',
  };
}

/** The search a first page at `/search?…` will ask for, so the worker can fetch its answer early; null without a query. */
export function firstPageRequest(params: URLSearchParams): WireSearchRequest | null {
  const state = readSearchParams(params);
  if (!state.query.trim()) return null;
  return {
    query: state.query,
    selection: state.selection,
    sort: state.sort ?? 'relevance',
    groupByPaper: state.groupByPaper,
    bookmarkedIds: [],
    limit: readShown(params),
  };
}

/** Writes the state as URL parameters, in a stable order, leaving defaults out. */
export function writeSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of FACET_KEYS) {
    const values = state.selection[key] ?? [];
    if (YES_NO_FACETS.has(key)) {
      if (values.includes('1')) params.set(key, '1');
    } else {
      for (const value of values) params.append(key, value);
    }
  }
  if (state.sort) params.set('sort', state.sort);
  if (state.groupByPaper) params.set('group', 'paper');
  return params;
}

/** The selection with one value switched on or off. */
export function toggleValue(selection: FacetSelection, key: FacetKey, value: string): FacetSelection {
  const current = selection[key] ?? [];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  const result = { ...selection, [key]: next };
  if (next.length === 0) delete result[key];
  return result;
}

/** How many facet values are selected. */
export function selectedCount(selection: FacetSelection): number {
  return FACET_KEYS.reduce((total, key) => total + (selection[key]?.length ?? 0), 0);
}
