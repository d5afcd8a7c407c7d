import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  HEADER_SEARCH_INPUT_ID,
  isSearchBoxShown,
  isTypingTarget,
  SEARCH_INPUT_ID,
  subscribeSearchBox,
  type SearchNavigationState,
} from '@/features/search/lib/search-focus';
import { SearchIcon } from '@/components/ui/icons';
import { prewarmSearchWorker } from '@/features/search/lib/search-worker-start';

/**
 * The search box in the header. Typing goes straight to /search?q=…, whose own box takes over once it is on screen
 * (until then this box stays, and keeps taking keystrokes). `/` or Ctrl-K focuses the search box from any page, except
 * while typing in a field.
 */
export function HeaderSearch() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const searchBoxShown = useSyncExternalStore(subscribeSearchBox, isSearchBoxShown, isSearchBoxShown);
  const onSearchPage = pathname === '/search';
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [navigated, setNavigated] = useState(false);

  /** Starts the search worker loading and indexing as soon as the reader heads for search, so results are ready on arrival. */
  const prepareIndex = () => prewarmSearchWorker();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
      const controlK = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
      if ((!slash && !controlK) || event.defaultPrevented) return;
      if (isTypingTarget(event.target) || isTypingTarget(document.activeElement)) return;
      const input = document.getElementById(SEARCH_INPUT_ID) ?? document.getElementById(HEADER_SEARCH_INPUT_ID);
      if (!(input instanceof HTMLInputElement)) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // Leaving the search page (or arriving at it other than by typing here) starts the header box afresh.
  const [lastPath, setLastPath] = useState(pathname);
  if (pathname !== lastPath) {
    setLastPath(pathname);
    if (!(onSearchPage && navigated)) {
      setValue('');
      setNavigated(false);
    }
  }

  if (onSearchPage && (searchBoxShown || !navigated)) return null;

  const onChange = (next: string) => {
    setValue(next);
    const state: SearchNavigationState = { typing: true, focusSearch: true };
    const params = new URLSearchParams();
    if (next) params.set('q', next);
    // The first keystroke opens the search page (a new history entry); the next ones only update it.
    void navigate(`/search${params.size ? `?${params.toString()}` : ''}`, { state, replace: navigated });
    setNavigated(true);
  };

  return (
    <form
      role="search"
      aria-label="Site"
      className="relative"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(value);
      }}
    >
      <label htmlFor={HEADER_SEARCH_INPUT_ID} className="sr-only">
        Search the archive
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-stone-500 dark:text-stone-400" />
      <input
        ref={inputRef}
        id={HEADER_SEARCH_INPUT_ID}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onFocus={prepareIndex}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setValue('');
        }}
        placeholder="Search"
        autoComplete="off"
        aria-keyshortcuts="/ Control+K"
        className="h-9 w-32 rounded-md border border-stone-300 bg-stone-50 pr-8 pl-8 text-sm text-stone-900 placeholder:text-stone-500 focus-visible:w-44 focus-visible:bg-white focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600 motion-safe:transition-[width] sm:w-48 sm:focus-visible:w-60 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-50 dark:placeholder:text-stone-400 dark:focus-visible:outline-indigo-400"
      />
      <kbd
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-stone-300 px-1 font-mono text-xs text-stone-500 sm:block dark:border-stone-600 dark:text-stone-400"
      >
        /
      </kbd>
    </form>
  );
}
