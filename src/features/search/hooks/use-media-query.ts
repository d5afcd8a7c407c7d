import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, following changes; `fallback` where `matchMedia` is missing (jsdom). */
export function useMediaQuery(query: string, fallback = false): boolean {
  // One list per query: matchMedia builds a new one on every call, and the store reads it on every render, keystrokes
  // included.
  const list = useMemo(() => (typeof window.matchMedia === 'function' ? window.matchMedia(query) : null), [query]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!list) return () => {};
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [list],
  );
  const matches = () => list?.matches ?? fallback;
  return useSyncExternalStore(subscribe, matches, matches);
}
