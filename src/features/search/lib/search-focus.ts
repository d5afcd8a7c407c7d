/** The search page's query box; the `/` and Ctrl-K shortcut focuses it when it is on screen. */
export const SEARCH_INPUT_ID = 'search-query';

/** The header's query box, focused by the shortcut on every other page. */
export const HEADER_SEARCH_INPUT_ID = 'header-search-query';

/** Navigation state the search feature sets on its own navigations. */
export interface SearchNavigationState {
  /** The navigation only mirrors what is being typed into the box. */
  typing?: boolean;
  /** Focus the search box on arrival. */
  focusSearch?: boolean;
}

/** True while the user is typing into a field, where `/` is a character and not a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null
  );
}

/**
 * Whether the search page's box is on screen. Until it is (the page waits for the whole archive), the header box stays
 * on the search page and keeps taking keystrokes, so nothing typed on the way is lost.
 */
let searchBoxShown = false;
const searchBoxListeners = new Set<() => void>();

/** Records that the search page's box appeared or went; for the header box. */
export function setSearchBoxShown(shown: boolean): void {
  if (shown === searchBoxShown) return;
  searchBoxShown = shown;
  for (const listener of searchBoxListeners) listener();
}

/** {@link setSearchBoxShown}'s value, for `useSyncExternalStore`. */
export const isSearchBoxShown = (): boolean => searchBoxShown;

/** Calls `listener` whenever the search page's box appears or goes. */
export function subscribeSearchBox(listener: () => void): () => void {
  searchBoxListeners.add(listener);
  return () => searchBoxListeners.delete(listener);
}
