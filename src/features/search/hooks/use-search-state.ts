import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FacetSelection } from '@/features/search/lib/facets';
import type { SearchNavigationState } from '@/features/search/lib/search-focus';
import { readSearchParams, writeSearchParams, type SearchState } from '@/features/search/lib/search-params';

/** How a state change enters history: typing replaces the current entry, committed changes (facets, sort) push one. */
export type HistoryMode = 'replace' | 'push';

/**
 * The search page's state from the URL, and a setter that writes it back. Parts that did not change keep their
 * identity across URL changes (typing, "Show more"), so memoised requests and components do not run again.
 */
export function useSearchState(): [SearchState, (next: SearchState, mode: HistoryMode) => void] {
  const [params, setParams] = useSearchParams();
  const parsed = readSearchParams(params);
  const selectionKey = JSON.stringify(parsed.selection);
  const selection = useMemo(() => JSON.parse(selectionKey) as FacetSelection, [selectionKey]);
  const { query, sort, groupByPaper } = parsed;
  const state = useMemo(() => ({ query, selection, sort, groupByPaper }), [query, selection, sort, groupByPaper]);
  const key = writeSearchParams(state).toString();
  const setState = useCallback(
    (next: SearchState, mode: HistoryMode) => {
      const nextParams = writeSearchParams(next);
      if (nextParams.toString() === key && mode === 'replace') return;
      // Marked as typing, so the box does not take back an older value when the URL catches up with it.
      const navigationState: SearchNavigationState | undefined = mode === 'replace' ? { typing: true } : undefined;
      setParams(nextParams, { replace: mode === 'replace', preventScrollReset: true, state: navigationState });
    },
    [key, setParams],
  );
  return [state, setState];
}
