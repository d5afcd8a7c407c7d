import {
  BOOKMARKS_VERSION,
  BookmarksFormatError,
  readEnvelope,
  readEnvelopeInChunks,
  type Bookmark,
  type BookmarksEnvelope,
  type ChunkOptions,
  type ReadEnvelope,
} from '@/features/bookmarks/lib/bookmark-model';
import type { ReadStateEnvelope, ReadStateReport } from '@/lib/read-state/read-model';

/** Marks a file as a Frontier Reader bookmark backup. */
export const BACKUP_FORMAT = 'frontier-reader-bookmarks';

/**
 * The JSON backup: every bookmark with its note, tags and snapshot, and, when given, the read marks and last visit
 * (`reading`, which older versions ignore).
 */
export function toBackupJson(
  bookmarks: readonly Bookmark[],
  exportedAt: string,
  reading: ReadStateEnvelope | null = null,
): string {
  const backup = { format: BACKUP_FORMAT, version: BOOKMARKS_VERSION, exportedAt, items: bookmarks };
  return `${JSON.stringify(reading ? { ...backup, reading } : backup, null, 2)}\n`;
}

/**
 * The read marks and last visit a backup holds, read item by item; null when it holds none (older backups).
 * The validator loads on demand, so the first page, which can export bookmarks, does not carry it.
 * @throws {BookmarksFormatError} when the file is not a backup, or its read state cannot be read at all.
 */
export async function readReadingBackup(
  text: string,
): Promise<{ envelope: ReadStateEnvelope; report: ReadStateReport } | null> {
  const value = openBackup(text);
  if (typeof value !== 'object' || value === null || !('reading' in value) || value.reading == null) return null;
  const { readReadState } = await import('@/lib/read-state/read-model');
  try {
    return readReadState(value.reading);
  } catch (error) {
    throw new BookmarksFormatError(`Its read marks cannot be read. ${error instanceof Error ? error.message : ''}`);
  }
}

function openBackup(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BookmarksFormatError(
      'The file is not JSON. Choose a bookmark backup exported from Frontier Reader (.json).',
    );
  }
  if (typeof value === 'object' && value !== null && 'format' in value && value.format !== BACKUP_FORMAT) {
    throw new BookmarksFormatError('The file is not a Frontier Reader bookmark backup.');
  }
  return value;
}

/** A file whose every item is unreadable offers nothing to import, so it is refused as a whole. */
function requireSomething(read: ReadEnvelope): ReadEnvelope {
  const first = read.report.setAside[0];
  if (read.envelope.items.length === 0 && first) {
    throw new BookmarksFormatError(`It is malformed: item ${first.index + 1}: ${first.reason}.`);
  }
  return read;
}

/**
 * Reads a backup file, a raw stored envelope or data set aside by the app, item by item as storage is read:
 * readable bookmarks are kept (repaired where possible) and the others listed in the report.
 * @throws {BookmarksFormatError} with a reason the reader can act on, when nothing in it can be imported.
 */
export function readBackupSync(text: string): ReadEnvelope {
  return requireSomething(readEnvelope(openBackup(text)));
}

/** {@link readBackupSync} for long files: validates in chunks, yielding to the event loop and reporting progress. */
export async function readBackup(text: string, options?: ChunkOptions): Promise<ReadEnvelope> {
  return requireSomething(await readEnvelopeInChunks(openBackup(text), options));
}

/**
 * The bookmarks a backup file holds, migrating older versions.
 * @throws {BookmarksFormatError} with a reason the reader can act on.
 */
export function parseBackup(text: string): BookmarksEnvelope {
  return readBackupSync(text).envelope;
}
