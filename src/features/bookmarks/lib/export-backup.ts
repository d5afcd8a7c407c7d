import {
  BOOKMARKS_VERSION,
  BookmarksFormatError,
  parseEnvelope,
  type Bookmark,
  type BookmarksEnvelope,
} from '@/features/bookmarks/lib/bookmark-model';

/** Marks a file as a Frontier Reader bookmark backup. */
export const BACKUP_FORMAT = 'frontier-reader-bookmarks';

/** The JSON backup: every bookmark with its note, tags and snapshot. */
export function toBackupJson(bookmarks: readonly Bookmark[], exportedAt: string): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BOOKMARKS_VERSION, exportedAt, items: bookmarks }, null, 2)}\n`;
}

/**
 * Reads a backup file (or a raw stored envelope), migrating older versions.
 * @throws {BookmarksFormatError} with a reason the reader can act on.
 */
export function parseBackup(text: string): BookmarksEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new BookmarksFormatError('The file is not JSON. Choose a bookmark backup exported from Frontier Reader (.json).');
  }
  if (typeof value === 'object' && value !== null && 'format' in value && (value as { format: unknown }).format !== BACKUP_FORMAT) {
    throw new BookmarksFormatError('The file is not a Frontier Reader bookmark backup.');
  }
  return parseEnvelope(value);
}
