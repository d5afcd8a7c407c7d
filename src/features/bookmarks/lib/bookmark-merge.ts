import { sameBookmark, type Bookmark, type Tombstone } from '@/features/bookmarks/lib/bookmark-model';

/** What an import changed, by entry id. */
export interface ImportSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
}

/** Bookmarks and recent removals: what one tab holds, or what storage holds. */
export interface BookmarkList {
  items: readonly Bookmark[];
  removed: readonly Tombstone[];
}

/** An empty list. */
export const EMPTY_LIST: BookmarkList = { items: [], removed: [] };

/** Removals remembered, newest first; enough to cover tabs left open for weeks. */
export const TOMBSTONE_LIMIT = 500;
/** Removals older than this are forgotten. */
export const TOMBSTONE_MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

function time(timestamp: string): number {
  return Date.parse(timestamp);
}

/** Two copies of one bookmark: the newer `updatedAt` keeps its note and tags (ties go to `preferred`), the earlier `addedAt` is kept, and `preferred`'s snapshot unless it has none. */
function combine(preferred: Bookmark, other: Bookmark): Bookmark {
  const otherIsNewer = time(other.updatedAt) > time(preferred.updatedAt);
  const winner = otherIsNewer ? other : preferred;
  const loser = otherIsNewer ? preferred : other;
  return {
    ...winner,
    addedAt: time(loser.addedAt) < time(winner.addedAt) ? loser.addedAt : winner.addedAt,
    snapshot: preferred.snapshot ?? other.snapshot,
  };
}

/**
 * Merges imported bookmarks into the current ones in linear time: no duplicates, the copy with the newer `updatedAt` keeps
 * its note and tags, the earlier `addedAt` is kept, and a missing snapshot is filled from the other copy.
 */
export function mergeBookmarks(
  current: readonly Bookmark[],
  incoming: readonly Bookmark[],
): { items: Bookmark[]; summary: ImportSummary } {
  const byId = new Map(current.map((bookmark) => [bookmark.entryId, bookmark]));
  const order = current.map((bookmark) => bookmark.entryId);
  const added = new Set<string>();
  const updated = new Set<string>();
  const unchanged = new Set<string>();
  for (const imported of incoming) {
    const id = imported.entryId;
    const existing = byId.get(id);
    if (!existing) {
      byId.set(id, imported);
      order.push(id);
      added.add(id);
      continue;
    }
    if (added.has(id)) continue;
    const merged = combine(existing, imported);
    if (sameBookmark(existing, merged)) {
      if (!updated.has(id)) unchanged.add(id);
    } else {
      byId.set(id, merged);
      unchanged.delete(id);
      updated.add(id);
    }
  }
  return {
    items: order.map((id) => byId.get(id)).filter((b): b is Bookmark => b !== undefined),
    summary: { added: [...added], updated: [...updated], unchanged: [...unchanged] },
  };
}

function changed(before: Bookmark | undefined, after: Bookmark | undefined): boolean {
  if (before === undefined || after === undefined) return before !== after;
  return !sameBookmark(before, after);
}

/** Keeps the newest removals, forgetting old ones and those of bookmarks that exist again. */
export function pruneTombstones(removed: Iterable<Tombstone>, live: ReadonlySet<string>, now: Date): Tombstone[] {
  const oldest = now.getTime() - TOMBSTONE_MAX_AGE_MS;
  return [...removed]
    .filter((tombstone) => !live.has(tombstone.entryId) && time(tombstone.removedAt) >= oldest)
    .sort((a, b) => time(b.removedAt) - time(a.removedAt) || a.entryId.localeCompare(b.entryId))
    .slice(0, TOMBSTONE_LIMIT);
}

/**
 * Three-way merge of this tab's list with what storage holds now, from the version both started from (`base`).
 * A bookmark changed on one side only takes that side: a removal made elsewhere stays removed, an addition made here is kept.
 * Changed on both sides: two live copies are combined (newer note wins); an edit against a removal goes to whichever came later,
 * by `updatedAt` against the removal's time, and an edit is kept when no removal time is known.
 */
export function mergeLists(base: BookmarkList, local: BookmarkList, theirs: BookmarkList, now: Date): BookmarkList {
  const baseById = new Map(base.items.map((bookmark) => [bookmark.entryId, bookmark]));
  const localById = new Map(local.items.map((bookmark) => [bookmark.entryId, bookmark]));
  const theirsById = new Map(theirs.items.map((bookmark) => [bookmark.entryId, bookmark]));
  const removedAt = new Map<string, string>();
  for (const tombstone of [...base.removed, ...local.removed, ...theirs.removed]) {
    const known = removedAt.get(tombstone.entryId);
    if (known === undefined || time(tombstone.removedAt) > time(known))
      removedAt.set(tombstone.entryId, tombstone.removedAt);
  }
  const removedAfter = (id: string, bookmark: Bookmark): boolean => {
    const at = removedAt.get(id);
    return at !== undefined && time(at) >= time(bookmark.updatedAt);
  };

  const ids = [...theirsById.keys(), ...[...localById.keys()].filter((id) => !theirsById.has(id))];
  for (const id of baseById.keys()) if (!localById.has(id) && !theirsById.has(id)) ids.push(id);
  const items: Bookmark[] = [];
  for (const id of ids) {
    const before = baseById.get(id);
    const mine = localById.get(id);
    const other = theirsById.get(id);
    let result: Bookmark | undefined;
    if (!changed(before, mine)) result = other;
    else if (!changed(before, other)) result = mine;
    else if (mine && other) result = combine(mine, other);
    else if (mine) result = removedAfter(id, mine) ? undefined : mine;
    else if (other) result = removedAfter(id, other) ? undefined : other;
    if (result) items.push(result);
  }
  const live = new Set(items.map((bookmark) => bookmark.entryId));
  const tombstones = [...removedAt].map(([entryId, at]) => ({ entryId, removedAt: at }));
  return { items, removed: pruneTombstones(tombstones, live, now) };
}
