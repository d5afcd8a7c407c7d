import { useSyncExternalStore } from 'react';
import { getBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';

const subscribe = (listener: () => void) => getBookmarkStore().subscribe(listener);
const getIds = () => getBookmarkStore().getState().ids;

/** Ids of the bookmarked entries; stable between renders while bookmarks do not change. */
export function useBookmarkedIds(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, getIds, getIds);
}
