import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Page } from '@/components/layout/page';
import { Button } from '@/components/ui/button';
import { FilterIcon, SearchIcon } from '@/components/ui/icons';
import { ActiveFilterChips } from '@/features/search/components/active-filter-chips';
import { FacetPanel } from '@/features/search/components/facet-panel';
import { NoResults } from '@/features/search/components/no-results';
import { QueryHelp } from '@/features/search/components/query-help';
import { focusFirstResult, SearchResults } from '@/features/search/components/search-results';
import { useDraftQuery } from '@/features/search/hooks/use-draft-query';
import { useResultPaging } from '@/features/search/hooks/use-result-paging';
import { useSearch } from '@/features/search/hooks/use-search';
import { useSearchState } from '@/features/search/hooks/use-search-state';
import type { FacetKey, FacetSelection } from '@/features/search/lib/facets';
import type { SortOrder } from '@/features/search/lib/ranking';
import { SEARCH_INPUT_ID, setSearchBoxShown, type SearchNavigationState } from '@/features/search/lib/search-focus';
import { selectedCount, toggleValue, writeSearchParams, type SearchState } from '@/features/search/lib/search-params';
import type { Archive } from '@/lib/archive-query';
import type { Entry } from '@/shared/bundle';

export interface SearchPageProps {
  archive: Archive;
  /** Ids of bookmarked entries, for the "Bookmarked" facet. */
  bookmarkedIds: ReadonlySet<string>;
  /** Controls shown on each result, e.g. a bookmark toggle. */
  renderActions?: (entry: Entry) => ReactNode;
}

/** Shows a note only when indexing takes long enough to notice, so a small archive never flashes it. */
function useSlowIndexing(indexing: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!indexing) return;
    const timer = setTimeout(() => setSlow(true), 400);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [indexing]);
  return indexing && slow;
}

/**
 * A ref callback for the search box that focuses it on arrival from the header box, and tells the header box to go, in
 * the same commit, so no keystroke falls in between.
 */
function useArrivalFocus(inputRef: { current: HTMLInputElement | null }) {
  const location = useLocation();
  const [focusOnArrival] = useState(() => (location.state as SearchNavigationState | null)?.focusSearch === true);
  return useCallback(
    (input: HTMLInputElement | null) => {
      inputRef.current = input;
      setSearchBoxShown(input !== null);
      if (input && focusOnArrival) {
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      }
    },
    [focusOnArrival, inputRef],
  );
}

/** "12 results for “moe”", or what the index is doing while it cannot answer yet. */
function countText(total: number, status: string, groupByPaper: boolean, query: string): string {
  if (status === 'idle' || status === 'indexing') return 'Preparing search…';
  const [one, many] = groupByPaper ? ['paper', 'papers'] : ['result', 'results'];
  return `${total.toLocaleString('en-US')} ${total === 1 ? one : many}${query ? ` for “${query}”` : ''}`;
}

/** The search page: a query box, results as you type, facets, sort and grouping, all kept in the URL. */
export function SearchPage({ archive, bookmarkedIds, renderActions }: SearchPageProps) {
  const [state, setState] = useSearchState();
  const inputRef = useRef<HTMLInputElement>(null);
  const attachInput = useArrivalFocus(inputRef);
  const filtersId = useId();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [draft, setDraft] = useDraftQuery(state.query);
  const query = useDeferredValue(draft);
  const { limit, showMore } = useResultPaging(JSON.stringify([query, state.selection, state.sort, state.groupByPaper]));

  const request = useMemo(
    () => ({
      query,
      selection: state.selection,
      sort: state.sort ?? 'relevance',
      groupByPaper: state.groupByPaper,
      bookmarkedIds,
      limit,
    }),
    [query, state.selection, state.sort, state.groupByPaper, bookmarkedIds, limit],
  );
  const { response, status } = useSearch(archive, request);

  const commit = (next: Partial<SearchState>) => setState({ ...state, query: draft, ...next }, 'push');
  const onType = (value: string) => {
    setDraft(value);
    setState({ ...state, query: value }, 'replace');
  };
  const toggle = (key: FacetKey, value: string) => commit({ selection: toggleValue(state.selection, key, value) });
  const clearFacet = (key: FacetKey) => {
    const selection: FacetSelection = { ...state.selection };
    delete selection[key];
    commit({ selection });
  };
  const clearFilters = () => commit({ selection: {} });
  const filterCount = selectedCount(state.selection);
  const slowIndexing = useSlowIndexing(status !== 'ready');
  const trimmed = draft.trim();
  const suggestion = response.suggestion
    ? { query: response.suggestion, href: `?${writeSearchParams({ ...state, query: response.suggestion }).toString()}` }
    : null;

  return (
    <Page title={trimmed ? `Search: ${trimmed}` : 'Search'}>
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl dark:text-stone-50">
        Search the archive
      </h1>
      <form
        role="search"
        className="mt-4 flex items-start gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          focusFirstResult();
        }}
      >
        <div className="relative min-w-0 flex-1">
          <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
            Search entries
          </label>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-stone-500 dark:text-stone-400" />
          <input
            ref={attachInput}
            id={SEARCH_INPUT_ID}
            type="search"
            value={draft}
            onChange={(event) => onType(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                if (focusFirstResult()) event.preventDefault();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                onType('');
              }
            }}
            placeholder="Search headlines, papers, organisations…"
            autoComplete="off"
            spellCheck={false}
            aria-keyshortcuts="/ Control+K"
            aria-describedby={`${filtersId}-count`}
            className="h-11 w-full rounded-lg border border-stone-300 bg-white pr-3 pl-10 text-base text-stone-900 shadow-xs placeholder:text-stone-500 focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-50 dark:placeholder:text-stone-400 dark:focus-visible:border-indigo-400 dark:focus-visible:outline-indigo-400"
          />
        </div>
        <QueryHelp />
      </form>

      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <p
          id={`${filtersId}-count`}
          role="status"
          className="mr-auto text-sm font-medium text-stone-800 dark:text-stone-200"
        >
          {countText(response.total, response.status, state.groupByPaper, trimmed)}
        </p>
        <label className="flex items-center gap-2 text-sm text-stone-800 dark:text-stone-200">
          Sort
          <select
            value={response.sort}
            onChange={(event) => commit({ sort: event.target.value as SortOrder })}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
          >
            <option value="relevance" disabled={!trimmed}>
              Relevance
            </option>
            <option value="newest">Issue, newest first</option>
            <option value="oldest">Issue, oldest first</option>
            <option value="paper">Paper date, newest first</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm text-stone-800 dark:text-stone-200">
          <input
            type="checkbox"
            checked={state.groupByPaper}
            onChange={(event) => commit({ groupByPaper: event.target.checked })}
            className="size-4 rounded accent-indigo-700 dark:accent-indigo-300"
          />
          Group by paper
        </label>
      </div>

      <ActiveFilterChips
        selection={state.selection}
        facets={response.facets}
        onRemove={toggle}
        onClearAll={clearFilters}
      />

      <div className="mt-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <section aria-labelledby={`${filtersId}-heading`} className="mb-6 lg:mb-0">
          <h2
            id={`${filtersId}-heading`}
            className="sr-only lg:not-sr-only lg:text-sm lg:font-semibold lg:tracking-wide lg:text-stone-600 lg:uppercase dark:lg:text-stone-400"
          >
            Filters
          </h2>
          <Button
            size="sm"
            aria-expanded={filtersOpen}
            aria-controls={filtersId}
            onClick={() => setFiltersOpen((open) => !open)}
            className="lg:hidden"
          >
            <FilterIcon />
            Filters
            {filterCount > 0 && (
              <span className="rounded-full bg-indigo-700 px-1.5 text-xs text-white dark:bg-indigo-300 dark:text-indigo-950">
                <span className="sr-only">(</span>
                {filterCount}
                <span className="sr-only"> active)</span>
              </span>
            )}
          </Button>
          <div
            id={filtersId}
            className={`${filtersOpen ? 'block' : 'hidden'} mt-3 rounded-xl border border-stone-200 bg-white px-3 lg:mt-2 lg:block lg:border-0 lg:bg-transparent lg:px-0 dark:border-stone-800 dark:bg-stone-900 lg:dark:bg-transparent`}
          >
            <FacetPanel facets={response.facets} onToggle={toggle} onClear={clearFacet} />
          </div>
        </section>

        <section aria-labelledby={`${filtersId}-results`} className="min-w-0">
          <h2 id={`${filtersId}-results`} className="sr-only">
            Results
          </h2>
          {slowIndexing && (
            <p className="mb-3 rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-700 dark:bg-stone-800 dark:text-stone-300">
              {status === 'partial'
                ? 'Indexing the full text; until it is done, only titles, organisations and topics are searched.'
                : 'Preparing search…'}
            </p>
          )}
          {response.correction && response.total > 0 && (
            <p role="status" className="mb-3 text-stone-800 dark:text-stone-200">
              Showing results for <strong className="font-semibold">{response.correction}</strong>
            </p>
          )}
          {response.total === 0 && response.status !== 'idle' && response.status !== 'indexing' ? (
            <NoResults
              query={trimmed}
              suggestion={suggestion}
              filterCount={filterCount}
              onClearFilters={clearFilters}
            />
          ) : (
            <SearchResults
              hits={response.hits}
              grouped={state.groupByPaper}
              renderActions={renderActions}
              onLeave={() => inputRef.current?.focus()}
            />
          )}
          {response.hits.length < response.total && (
            <p className="mt-4 text-center">
              <Button onClick={showMore}>
                Show more results
                <span className="text-stone-600 dark:text-stone-400">
                  ({response.hits.length} of {response.total.toLocaleString('en-US')})
                </span>
              </Button>
            </p>
          )}
        </section>
      </div>
    </Page>
  );
}
