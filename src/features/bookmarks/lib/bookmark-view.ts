import { snapshotOf, type Bookmark, type BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';
import type { Archive } from '@/lib/archive-query';

/** How the bookmarks page can be ordered. */
export const BOOKMARK_SORTS = {
  'added-desc': 'Date added, newest first',
  'added-asc': 'Date added, oldest first',
  'published-desc': 'Date published, newest first',
  'published-asc': 'Date published, oldest first',
  'issue-desc': 'Issue, newest first',
  'issue-asc': 'Issue, oldest first',
} as const;

/** One of {@link BOOKMARK_SORTS}. */
export type BookmarkSort = keyof typeof BOOKMARK_SORTS;

/** Reads a sort from the URL, falling back to newest added. */
export function parseSort(value: string | null): BookmarkSort {
  return value !== null && value in BOOKMARK_SORTS ? (value as BookmarkSort) : 'added-desc';
}

/** A bookmark with what the page shows about it. */
export interface BookmarkView {
  bookmark: Bookmark;
  /** The archive's current data, else the saved snapshot, else null. */
  snapshot: BookmarkSnapshot | null;
  /** False once the archive is loaded and no longer has the entry. */
  inArchive: boolean;
}

/**
 * Joins bookmarks with the archive; bookmarks whose entry is gone are kept and marked. The archive's current data wins
 * over the saved snapshot, so a corrected arXiv id or a newly found dispute reaches the page and the exports.
 */
export function viewBookmarks(bookmarks: readonly Bookmark[], archive: Archive | undefined): BookmarkView[] {
  return bookmarks.map((bookmark) => {
    const entry = archive?.entryById.get(bookmark.entryId);
    return {
      bookmark,
      snapshot: entry ? snapshotOf(entry, archive) : bookmark.snapshot,
      inArchive: archive === undefined || entry !== undefined,
    };
  });
}

/** Lower case without accents or compatibility forms ("Café ﬁne" → "cafe fine"), for matching what a reader types. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A view with the folded text a query is matched against: headline, note and tags. */
export interface SearchableBookmark {
  view: BookmarkView;
  text: string;
}

/** Folds each view's headline, note and tags once, so each keystroke of a query only scans strings. */
export function searchableBookmarks(views: readonly BookmarkView[]): SearchableBookmark[] {
  return views.map((view) => ({
    view,
    text: foldText(
      [view.snapshot?.headline ?? view.bookmark.entryId, view.bookmark.note, ...view.bookmark.tags].join('\n'),
    ),
  }));
}

/** The words of a query, folded; empty when it has none. */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** The views whose headline, note or tags contain every word of the query (in any case, with or without accents), in order. */
export function filterBookmarks(items: readonly SearchableBookmark[], query: string): BookmarkView[] {
  const words = queryWords(query);
  if (words.length === 0) return items.map((item) => item.view);
  return items.filter((item) => words.every((word) => item.text.includes(word))).map((item) => item.view);
}

function compareOptional(a: string | undefined, b: string | undefined, descending: boolean): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return descending ? b.localeCompare(a) : a.localeCompare(b);
}

/** Sorts a copy; unknown dates go last, ties keep the order of adding. */
export function sortBookmarks(views: readonly BookmarkView[], sort: BookmarkSort): BookmarkView[] {
  const descending = sort.endsWith('-desc');
  const added = (view: BookmarkView) => view.bookmark.addedAt;
  const compare = (a: BookmarkView, b: BookmarkView): number => {
    if (sort.startsWith('added')) return compareOptional(added(a), added(b), descending);
    if (sort.startsWith('published')) {
      return (
        compareOptional(a.snapshot?.publishedOn, b.snapshot?.publishedOn, descending) ||
        compareOptional(added(a), added(b), true)
      );
    }
    return (
      compareOptional(a.snapshot?.issueDate, b.snapshot?.issueDate, descending) ||
      (a.snapshot?.position ?? Number.MAX_SAFE_INTEGER) - (b.snapshot?.position ?? Number.MAX_SAFE_INTEGER)
    );
  };
  return [...views].sort(compare);
}

/** Every tag in use with how many bookmarks carry it, most used first. */
export function tagCounts(bookmarks: readonly Bookmark[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const bookmark of bookmarks) for (const tag of bookmark.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
