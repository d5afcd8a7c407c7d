import { useSyncExternalStore } from 'react';
import { getBookmarkStore, type BookmarkState } from '@/features/bookmarks/lib/bookmark-store';

const store = () => getBookmarkStore();
const subscribe = (listener: () => void) => store().subscribe(listener);

/** The whole bookmark state; re-renders on any change, including notes and storage problems. */
export function useBookmarkState(): BookmarkState {
  return useSyncExternalStore(
    subscribe,
    () => store().getState(),
    () => store().getState(),
  );
}

/** Whether one entry is bookmarked; re-renders only when that answer changes. */
export function useIsBookmarked(entryId: string): boolean {
  const getSnapshot = () => store().getState().ids.has(entryId);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** How many entries are bookmarked. */
export function useBookmarkCount(): number {
  const getSnapshot = () => store().getState().ids.size;
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
