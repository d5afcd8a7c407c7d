import type { Bookmark, BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';

/** A bookmark saved at a fixed time with no note or tags, unless `extra` says otherwise. */
export function makeBookmark(
  entryId: string,
  snapshot: BookmarkSnapshot | null,
  extra: Partial<Bookmark> = {},
): Bookmark {
  return {
    entryId,
    addedAt: '2025-01-15T10:00:00.000Z',
    updatedAt: '2025-01-15T10:00:00.000Z',
    note: '',
    tags: [],
    snapshot,
    ...extra,
  };
}
