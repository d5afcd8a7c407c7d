/** Toggles the bookmark of the focused entry (an element with `data-entry-id`) on the `b` key. */
export function BookmarkShortcut() {
  return null;
}
