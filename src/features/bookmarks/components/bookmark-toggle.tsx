/** Props of the bookmark toggle shown on entry cards, entry pages and search results. */
export interface BookmarkToggleProps {
  entryId: string;
  /** Used in the accessible name: "Bookmark <headline>". */
  headline: string;
}

export function BookmarkToggle(_props: BookmarkToggleProps) {
  return null;
}
