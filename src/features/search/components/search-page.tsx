import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useEntryKeyboardNav } from '@/components/hooks/use-entry-keyboard-nav';
import { Page } from '@/components/layout/page';
import { Button } from '@/components/ui/button';
import { FilterIcon, SearchIcon } from '@/components/ui/icons';
import { Sheet } from '@/components/ui/sheet';
import { ActiveFilterChips } from '@/features/search/components/active-filter-chips';
import { FacetPanel } from '@/features/search/components/facet-panel';
import { NoResults } from '@/features/search/components/no-results';
import { QueryHelp } from '@/features/search/components/query-help';
import { focusFirstResult, SearchResults } from '@/features/search/components/search-results';
import { useDraftQuery } from '@/features/search/hooks/use-draft-query';
import { useMediaQuery } from '@/features/search/hooks/use-media-query';
import { useResultPaging } from '@/features/search/hooks/use-result-paging';
import { useSearch } from '@/features/search/hooks/use-search';
import { useSearchState } from '@/features/search/hooks/use-search-state';
import type { FacetKey, FacetSelection } from '@/features/search/lib/facets';
import type { SortOrder } from '@/features/search/lib/ranking';
import { SEARCH_INPUT_ID, setSearchBoxShown, type SearchNavigationState } from '@/features/search/lib/search-focus';
import { selectedCount, toggleValue, writeSearchParams, type SearchState } from '@/features/search/lib/search-params';
import type { Archive } from '@/lib/archive-query';
import type { Entry } from '@/shared/bundle';
import { formatCount } from '@/lib/format-count';
import { countText } from '@/features/search/lib/count-text';
import * as css from '@/features/search/components/search-page-classes';

export interface SearchPageProps {
  archive: Archive;
  /** Ids of bookmarked entries, for the "Bookmarked" facet. */
  bookmarkedIds: ReadonlySet<string>;
  /** Ids of entries the reader has read, for the Read/Unread facet. */
  readIds?: ReadonlySet<string>;
  /** Controls shown on each result, e.g. a bookmark toggle. */
  renderActions?: (entry: Entry) => ReactNode;
  /** Whether the reader has read an entry; read results are dimmed. */
  isRead?: (entryId: string) => boolean;
  /** Marks an entry read or unread: the `m` key on a focused result. */
  onToggleRead?: (entryId: string) => void;
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

/** The sheet's closing button: "Show 12 results". */
function showResultsText(total: number, groupByPaper: boolean): string {
  const [one, many] = groupByPaper ? ['paper', 'papers'] : ['result', 'results'];
  return `Show ${formatCount(total)} ${total === 1 ? one : many}`;
}

/**
 * The search page: a query box, results as you type, facets, sort and grouping, all kept in the URL.
 * A keystroke renders only the box; the answer, the URL and the title follow in later renders.
 */
export function SearchPage({ archive, bookmarkedIds, readIds, renderActions, isRead, onToggleRead }: SearchPageProps) {
  const [state, setState] = useSearchState();
  const filtersId = useId();
  const filtersButtonRef = useRef<HTMLButtonElement>(null);
  const resultsRef = useRef<HTMLOListElement>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const wide = useMediaQuery(css.WIDE_SCREEN, true);
  const narrow = useMediaQuery(css.NARROW_SCREEN);
  const { draft, type, box: inputRef } = useDraftQuery(state.query);
  const attachInput = useArrivalFocus(inputRef);
  const query = useDeferredValue(draft);
  const { limit, showMore } = useResultPaging(query === state.query);

  const request = useMemo(
    () => ({
      query,
      selection: state.selection,
      sort: state.sort ?? 'relevance',
      groupByPaper: state.groupByPaper,
      bookmarkedIds,
      readIds,
      limit,
    }),
    [query, state.selection, state.sort, state.groupByPaper, bookmarkedIds, readIds, limit],
  );
  const { response, status } = useSearch(archive, request);

  // The URL follows typing once the deferred render has caught up with the box, never inside the keystroke itself.
  // Only then: on Back the box takes the URL's query at once while the deferred value still holds the old one.
  useEffect(() => {
    if (query === draft && query !== state.query) setState({ ...state, query }, 'replace');
  }, [query, draft, state, setState]);

  // Handlers read the latest state through a ref, so they keep their identity and memoised facets skip keystrokes.
  const latest = useRef({ state, draft, setState });
  useEffect(() => {
    latest.current = { state, draft, setState };
  });
  const commit = useCallback((next: Partial<SearchState>) => {
    const current = latest.current;
    current.setState({ ...current.state, query: current.draft, ...next }, 'push');
  }, []);
  const toggle = useCallback(
    (key: FacetKey, value: string) => commit({ selection: toggleValue(latest.current.state.selection, key, value) }),
    [commit],
  );
  const clearFacet = useCallback(
    (key: FacetKey) => {
      const selection: FacetSelection = { ...latest.current.state.selection };
      delete selection[key];
      commit({ selection });
    },
    [commit],
  );
  const clearFilters = useCallback(() => commit({ selection: {} }), [commit]);
  const focusBox = useCallback(() => inputRef.current?.focus(), [inputRef]);

  const [readAnnouncement, setReadAnnouncement] = useState('');
  const toggleRead = (entryId: string) => {
    if (!onToggleRead) return;
    const nowRead = !isRead?.(entryId);
    onToggleRead(entryId);
    const headline = response.hits.find((hit) => hit.entry.id === entryId)?.entry.headline ?? entryId;
    setReadAnnouncement(`Marked “${headline}” as ${nowRead ? 'read' : 'unread'}`);
  };
  useEntryKeyboardNav(resultsRef, { onToggleRead: onToggleRead ? toggleRead : undefined });

  const filterCount = selectedCount(state.selection);
  const slowIndexing = useSlowIndexing(status !== 'ready');
  const trimmed = query.trim();
  const suggestion = response.suggestion
    ? { query: response.suggestion, href: `?${writeSearchParams({ ...state, query: response.suggestion }).toString()}` }
    : null;
  const answered = response.status !== 'idle' && response.status !== 'indexing';
  const facetPanel = <FacetPanel facets={response.facets} onToggle={toggle} onClear={clearFacet} />;

  return (
    <Page title={trimmed ? `Search: ${trimmed}` : 'Search'}>
      <h1 className={css.HEADING}>Search the archive</h1>
      <form
        role="search"
        className={css.QUERY_ROW}
        onSubmit={(event) => {
          event.preventDefault();
          focusFirstResult();
        }}
      >
        <div className="relative min-w-0 flex-1">
          <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
            Search entries
          </label>
          <SearchIcon className={css.QUERY_ICON} />
          <input
            ref={attachInput}
            id={SEARCH_INPUT_ID}
            type="search"
            defaultValue={draft}
            onChange={(event) => type(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                if (focusFirstResult()) event.preventDefault();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.currentTarget.value = '';
                type('');
              }
            }}
            placeholder={css.placeholder(narrow)}
            autoComplete="off"
            spellCheck={false}
            aria-keyshortcuts="/ Control+K"
            aria-describedby={`${filtersId}-count`}
            className={css.QUERY_BOX}
          />
        </div>
        <QueryHelp />
      </form>

      <div className={css.CONTROLS_ROW}>
        <p id={`${filtersId}-count`} role="status" className={css.COUNT}>
          {countText(response.total, response.status, state.groupByPaper, trimmed)}
        </p>
        <label className={css.CONTROL_LABEL}>
          Sort
          <select
            value={response.sort}
            onChange={(event) => commit({ sort: event.target.value as SortOrder })}
            className={css.SORT_SELECT}
          >
            <option value="relevance" disabled={!trimmed}>
              Relevance
            </option>
            <option value="newest">Issue, newest first</option>
            <option value="oldest">Issue, oldest first</option>
            <option value="paper">Paper date, newest first</option>
          </select>
        </label>
        <label className={css.CONTROL_LABEL}>
          <input
            type="checkbox"
            checked={state.groupByPaper}
            onChange={(event) => commit({ groupByPaper: event.target.checked })}
            className={css.GROUP_CHECKBOX}
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

      <div className={css.BODY_GRID}>
        {wide ? (
          <section aria-labelledby={`${filtersId}-heading`}>
            <h2 id={`${filtersId}-heading`} className={css.FILTERS_HEADING}>
              Filters
            </h2>
            <div className="mt-2">{facetPanel}</div>
          </section>
        ) : (
          <div className="mb-4">
            <Button
              ref={filtersButtonRef}
              size="sm"
              aria-haspopup="dialog"
              aria-expanded={filtersOpen}
              onClick={() => setFiltersOpen(true)}
            >
              <FilterIcon />
              Filters{' '}
              {filterCount > 0 && (
                <>
                  <span
                    aria-hidden="true"
                    className="rounded-full bg-indigo-700 px-1.5 text-xs text-white dark:bg-indigo-300 dark:text-indigo-950"
                  >
                    {filterCount}
                  </span>
                  <span className="sr-only">({filterCount} active)</span>
                </>
              )}
            </Button>
            <Sheet
              open={filtersOpen}
              onClose={() => setFiltersOpen(false)}
              title="Filters"
              returnFocusRef={filtersButtonRef}
              footer={
                <div className="flex items-center gap-3">
                  {filterCount > 0 && (
                    <Button variant="ghost" onClick={clearFilters} className="text-indigo-800 dark:text-indigo-200">
                      Clear all
                    </Button>
                  )}
                  <Button variant="primary" className="flex-1" onClick={() => setFiltersOpen(false)}>
                    {answered ? showResultsText(response.total, state.groupByPaper) : 'Show results'}
                  </Button>
                </div>
              }
            >
              {facetPanel}
            </Sheet>
          </div>
        )}

        <section aria-labelledby={`${filtersId}-results`} className="min-w-0">
          <h2 id={`${filtersId}-results`} className="sr-only">
            Results
          </h2>
          {slowIndexing && (
            <p className="mb-3 rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-700 dark:bg-stone-800 dark:text-stone-300">
              {response.total > 0 && response.facets.length === 0
                ? 'Loading the whole archive; filters appear when it is in.'
                : status === 'partial'
                  ? 'Indexing the full text; until it is done, only titles, organisations and topics are searched.'
                  : 'Preparing search…'}
            </p>
          )}
          {response.correction && response.total > 0 && (
            <p role="status" className="mb-3 text-stone-800 dark:text-stone-200">
              Showing results for <strong className="font-semibold">{response.correction}</strong>
            </p>
          )}
          {response.total === 0 && answered ? (
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
              isRead={isRead}
              onLeave={focusBox}
              listRef={resultsRef}
            />
          )}
          <div role="status" className="sr-only">
            {readAnnouncement}
          </div>
          {response.hits.length < response.total && (
            <p className="mt-4 text-center">
              <Button onClick={showMore}>
                Show more results
                <span className="text-stone-600 dark:text-stone-400">
                  ({response.hits.length} of {formatCount(response.total)})
                </span>
              </Button>
            </p>
          )}
        </section>
      </div>
    </Page>
  );
}
