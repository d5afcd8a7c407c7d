import type { Bookmark } from '@/features/bookmarks/lib/bookmark-model';

/** What an import changed, by entry id. */
export interface ImportSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
}

/**
 * Merges imported bookmarks into the current ones: no duplicates, the copy with the newer `updatedAt` keeps its note and tags,
 * the earlier `addedAt` is kept, and a missing snapshot is filled from the other copy.
 */
export function mergeBookmarks(
  current: readonly Bookmark[],
  incoming: readonly Bookmark[],
): { items: Bookmark[]; summary: ImportSummary } {
  const byId = new Map(current.map((bookmark) => [bookmark.entryId, bookmark]));
  const order = current.map((bookmark) => bookmark.entryId);
  const summary: ImportSummary = { added: [], updated: [], unchanged: [] };
  for (const imported of incoming) {
    const existing = byId.get(imported.entryId);
    if (!existing) {
      if (summary.added.includes(imported.entryId)) continue;
      byId.set(imported.entryId, imported);
      order.push(imported.entryId);
      summary.added.push(imported.entryId);
      continue;
    }
    const importedIsNewer = Date.parse(imported.updatedAt) > Date.parse(existing.updatedAt);
    const merged: Bookmark = {
      ...(importedIsNewer ? imported : existing),
      addedAt: Date.parse(imported.addedAt) < Date.parse(existing.addedAt) ? imported.addedAt : existing.addedAt,
      snapshot: existing.snapshot ?? imported.snapshot,
    };
    if (sameBookmark(existing, merged)) {
      if (!summary.updated.includes(imported.entryId)) summary.unchanged.push(imported.entryId);
    } else {
      byId.set(imported.entryId, merged);
      summary.unchanged = summary.unchanged.filter((id) => id !== imported.entryId);
      if (!summary.updated.includes(imported.entryId)) summary.updated.push(imported.entryId);
    }
  }
  return { items: order.map((id) => byId.get(id)).filter((b): b is Bookmark => b !== undefined), summary };
}

function sameBookmark(a: Bookmark, b: Bookmark): boolean {
  return (
    a.note === b.note &&
    a.addedAt === b.addedAt &&
    a.updatedAt === b.updatedAt &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i]) &&
    a.snapshot === b.snapshot
  );
}
