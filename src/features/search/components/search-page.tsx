import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, NavigationType, useLocation, useNavigationType } from 'react-router';
import { Page } from '@/components/layout/page';
import type { Archive } from '@/lib/archive-query';
import type { Entry } from '@/shared/bundle';
import { FACET_KEYS, type FacetKey, type FacetSelection } from '../lib/facets';
import { SEARCH_INPUT_ID, type SearchNavigationState } from '../lib/search-focus';
import { selectedCount, toggleValue, writeSearchParams, type SearchState } from '../lib/search-params';
import type { SortOrder } from '../lib/search-engine';
import { useSearchEngine } from '../hooks/use-search-engine';
import { useSearchState } from '../hooks/use-search-state';
import { FACET_LABELS, FacetPanel } from './facet-panel';
import { QueryHelp } from './query-help';
import { focusFirstResult, SearchResults } from './search-results';
import { SearchIcon } from '@/components/ui/icons';

/** Results rendered at first and added by "Show more". */
const PAGE_SIZE = 20;

export interface SearchPageProps {
  archive: Archive;
  /** Ids of bookmarked entries, for the "Bookmarked" facet. */
  bookmarkedIds: ReadonlySet<string>;
  /** Controls shown on each result, e.g. a bookmark toggle. */
  renderActions?: (entry: Entry) => ReactNode;
}

const buttonClass =
  'inline-flex items-center gap-1.5 rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800 dark:focus-visible:outline-indigo-400';
const linkClass = 'font-medium text-indigo-800 underline underline-offset-4 hover:no-underline dark:text-indigo-200';

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

/** The search page: a query box, results as you type, facets, sort and grouping, all kept in the URL. */
export function SearchPage({ archive, bookmarkedIds, renderActions }: SearchPageProps) {
  const [state, setState] = useSearchState();
  const { engine, version, status } = useSearchEngine(archive.bundle);
  const location = useLocation();
  const navigationType = useNavigationType();
  const inputRef = useRef<HTMLInputElement>(null);
  const filtersId = useId();
  const [filtersOpen, setFiltersOpen] = useState(false);

  // The box shows what is typed at once; the URL follows. Back, Forward and links set the box from the URL,
  // but the URL catching up with typing (a replace marked `typing`) must not overwrite newer keystrokes.
  const [draft, setDraft] = useState(state.query);
  const [seenLocation, setSeenLocation] = useState(location.key);
  const navigationState = location.state as SearchNavigationState | null;
  if (location.key !== seenLocation) {
    setSeenLocation(location.key);
    if (!(navigationType === NavigationType.Replace && navigationState?.typing)) setDraft(state.query);
  }
  const query = useDeferredValue(draft);

  const [limit, setLimit] = useState(PAGE_SIZE);
  const requestKey = JSON.stringify([query, state.selection, state.sort, state.groupByPaper]);
  const [limitKey, setLimitKey] = useState(requestKey);
  if (limitKey !== requestKey) {
    setLimitKey(requestKey);
    setLimit(PAGE_SIZE);
  }

  const response = useMemo(
    () =>
      engine.search({
        query,
        selection: state.selection,
        sort: state.sort ?? 'relevance',
        groupByPaper: state.groupByPaper,
        bookmarkedIds,
        limit,
      }),
    // `version` changes as the index grows, so results improve while it is built.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [engine, version, query, state.selection, state.sort, state.groupByPaper, bookmarkedIds, limit],
  );

  // Arriving from the header box, focus moves in the same commit that removes that box, so no keystroke falls in between.
  const [focusOnArrival] = useState(() => navigationState?.focusSearch === true);
  const attachInput = useCallback(
    (input: HTMLInputElement | null) => {
      inputRef.current = input;
      if (input && focusOnArrival) {
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      }
    },
    [focusOnArrival],
  );

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
  const hasQuery = draft.trim() !== '';
  const unit = state.groupByPaper ? ['paper', 'papers'] : ['result', 'results'];
  const countText =
    status === 'idle' || status === 'indexing'
      ? 'Preparing search…'
      : `${response.total.toLocaleString('en-US')} ${response.total === 1 ? unit[0] : unit[1]}${hasQuery ? ` for “${draft.trim()}”` : ''}`;
  const suggestionHref = response.suggestion
    ? `?${writeSearchParams({ ...state, query: response.suggestion }).toString()}`
    : null;

  const activeChips = FACET_KEYS.flatMap((key) =>
    (state.selection[key] ?? []).map((value) => {
      const label = response.facets.find((facet) => facet.key === key)?.values.find((item) => item.value === value)?.label ?? value;
      return { key, value, label: key === 'code' || key === 'bookmarked' ? FACET_LABELS[key] : `${FACET_LABELS[key]}: ${label}` };
    }),
  );

  return (
    <Page title={hasQuery ? `Search: ${draft.trim()}` : 'Search'}>
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl dark:text-stone-50">Search the archive</h1>
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
        <p id={`${filtersId}-count`} role="status" className="mr-auto text-sm font-medium text-stone-800 dark:text-stone-200">
          {countText}
        </p>
        <label className="flex items-center gap-2 text-sm text-stone-800 dark:text-stone-200">
          Sort
          <select
            value={response.sort}
            onChange={(event) => commit({ sort: event.target.value as SortOrder })}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
          >
            <option value="relevance" disabled={!hasQuery}>
              Relevance
            </option>
            <option value="newest">Newest</option>
            <option value="oldest">Oldest</option>
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

      {activeChips.length > 0 && (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <span className="text-sm text-stone-700 dark:text-stone-300">Filters:</span>
          <ul className="flex flex-wrap gap-1.5">
            {activeChips.map((chip) => (
              <li key={`${chip.key}=${chip.value}`}>
                <button
                  type="button"
                  onClick={() => toggle(chip.key, chip.value)}
                  aria-label={`Remove filter ${chip.label}`}
                  className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-indigo-200 ring-inset hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800 dark:hover:bg-indigo-900"
                >
                  {chip.label}
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={clearFilters} className={`text-sm ${linkClass}`}>
            Clear all filters
          </button>
        </div>
      )}

      <div className="mt-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <section aria-labelledby={`${filtersId}-heading`} className="mb-6 lg:mb-0">
          <h2 id={`${filtersId}-heading`} className="sr-only lg:not-sr-only lg:text-sm lg:font-semibold lg:tracking-wide lg:text-stone-600 lg:uppercase dark:lg:text-stone-400">
            Filters
          </h2>
          <button
            type="button"
            aria-expanded={filtersOpen}
            aria-controls={filtersId}
            onClick={() => setFiltersOpen((open) => !open)}
            className={`${buttonClass} lg:hidden`}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.7">
              <path d="M3 5h14M6 10h8M8.5 15h3" strokeLinecap="round" />
            </svg>
            Filters
            {filterCount > 0 && (
              <span className="rounded-full bg-indigo-700 px-1.5 text-xs text-white dark:bg-indigo-300 dark:text-indigo-950">
                <span className="sr-only">(</span>
                {filterCount}
                <span className="sr-only"> active)</span>
              </span>
            )}
          </button>
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
              {status === 'partial' ? 'Indexing the full text; until it is done, only titles, organisations and topics are searched.' : 'Preparing search…'}
            </p>
          )}
          {response.total === 0 && status !== 'idle' && status !== 'indexing' ? (
            <div className="rounded-xl border border-dashed border-stone-300 p-6 text-stone-800 dark:border-stone-700 dark:text-stone-200">
              <p className="font-medium">{hasQuery ? `No results for “${draft.trim()}”.` : 'No entries match these filters.'}</p>
              {suggestionHref && response.suggestion && (
                <p className="mt-2">
                  Did you mean{' '}
                  <Link to={{ search: suggestionHref }} className={linkClass}>
                    {response.suggestion}
                  </Link>
                  ?
                </p>
              )}
              {filterCount > 0 && (
                <p className="mt-3">
                  <button type="button" onClick={clearFilters} className={buttonClass}>
                    Clear filters
                  </button>
                </p>
              )}
              {hasQuery && filterCount === 0 && !response.suggestion && (
                <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">Try fewer words, or check the search tips.</p>
              )}
            </div>
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
              <button type="button" onClick={() => setLimit((value) => value + PAGE_SIZE)} className={buttonClass}>
                Show more results
                <span className="text-stone-600 dark:text-stone-400">
                  ({response.hits.length} of {response.total.toLocaleString('en-US')})
                </span>
              </button>
            </p>
          )}
        </section>
      </div>
    </Page>
  );
}
