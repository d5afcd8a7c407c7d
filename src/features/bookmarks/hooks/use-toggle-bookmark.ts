import { useCallback } from 'react';
import { snapshotOf } from '@/features/bookmarks/lib/bookmark-model';
import { getBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import { useLoadedEntry } from '@/lib/archive-query';

/** Toggles a bookmark, saving a snapshot of the entry as the archive shows it now; returns true when it is now bookmarked. */
export function useToggleBookmark(): (entryId: string) => boolean {
  const loadedEntry = useLoadedEntry();
  return useCallback(
    (entryId: string) => {
      const found = loadedEntry(entryId);
      return getBookmarkStore().toggle(entryId, found ? snapshotOf(found.entry, found.archive) : null);
    },
    [loadedEntry],
  );
}
