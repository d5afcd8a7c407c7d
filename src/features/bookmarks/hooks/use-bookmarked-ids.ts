/** Ids of the bookmarked entries; stable between renders while bookmarks do not change. */
export function useBookmarkedIds(): ReadonlySet<string> {
  return EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
