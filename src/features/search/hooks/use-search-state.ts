import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readSearchParams, writeSearchParams, type SearchState } from '@/features/search/lib/search-params';

/** How a state change enters history: typing replaces the current entry, committed changes (facets, sort) push one. */
export type HistoryMode = 'replace' | 'push';

/** The search page's state from the URL, and a setter that writes it back. */
export function useSearchState(): [SearchState, (next: SearchState, mode: HistoryMode) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const state = useMemo(() => readSearchParams(new URLSearchParams(key)), [key]);
  const setState = useCallback(
    (next: SearchState, mode: HistoryMode) => {
      const nextParams = writeSearchParams(next);
      if (nextParams.toString() === key && mode === 'replace') return;
      setParams(nextParams, { replace: mode === 'replace', preventScrollReset: true });
    },
    [key, setParams],
  );
  return [state, setState];
}
