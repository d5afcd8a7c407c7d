import { useCallback } from 'react';
import { snapshotOf } from '@/features/bookmarks/lib/bookmark-model';
import { getBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import { useArchive } from '@/lib/archive-query';

/** Toggles a bookmark, saving a snapshot of the entry as the archive shows it now; returns true when it is now bookmarked. */
export function useToggleBookmark(): (entryId: string) => boolean {
  const { data: archive } = useArchive();
  return useCallback(
    (entryId: string) => {
      const entry = archive?.entryById.get(entryId);
      return getBookmarkStore().toggle(entryId, entry ? snapshotOf(entry, archive) : null);
    },
    [archive],
  );
}
