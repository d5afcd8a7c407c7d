import { z } from '@/shared/zod';
import type { Archive } from '@/lib/archive-query';
import type { Entry } from '@/shared/bundle';
import { yieldToMain } from '@/lib/yield-to-main';

/** The envelope version this code writes; older versions are migrated on read. */
export const BOOKMARKS_VERSION = 2;

/** One bookmarked entry with the reader's note and tags. */
export interface Bookmark {
  entryId: string;
  /** ISO timestamp. */
  addedAt: string;
  /** ISO timestamp of the last change to the note or tags; decides which copy wins on import. */
  updatedAt: string;
  note: string;
  tags: string[];
  /** Null only for bookmarks migrated from a version that kept no snapshot, until the archive fills it in. */
  snapshot: BookmarkSnapshot | null;
}

/** A bookmark removed at a known time, so that merging with another tab's older copy does not bring it back. */
export interface Tombstone {
  entryId: string;
  /** ISO timestamp. */
  removedAt: string;
}

/** The one value kept in localStorage. */
export interface BookmarksEnvelope {
  version: typeof BOOKMARKS_VERSION;
  items: Bookmark[];
  /** Recent removals; absent when there are none. Older readers ignore it, so it needs no new version. */
  removed?: Tombstone[];
}

/** Longest note kept, in characters. */
export const NOTE_MAX_LENGTH = 2000;
/** Longest tag kept, in characters. */
export const TAG_MAX_LENGTH = 40;

const ENTRY_ID = /^[a-z0-9][a-z0-9-]*$/;
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const httpUrl = z.string().check(z.regex(/^https?:\/\//i, 'expected an http(s) URL'));

const snapshotSchema = z.object({
  headline: z.string(),
  issueId: z.string(),
  /** YYYY-MM-DD. */
  issueDate: isoDate,
  /** 1-based order within the issue; null when unknown. */
  position: z.nullable(z.int().check(z.positive())),
  /** YYYY-MM-DD. */
  publishedOn: isoDate,
  paper: z.nullable(
    z.object({
      title: z.string(),
      url: httpUrl,
      arxivId: z.nullable(z.string()),
      /** Absent in snapshots saved before DOIs were known; read as null. */
      doi: z.optional(z.nullable(z.string())),
    }),
  ),
  /** The best link to the item itself: the paper, else the first link of the entry. */
  url: z.nullable(httpUrl),
  organizations: z.array(z.string()),
  /** Who published the paper or main link (`Nature`, `arXiv`); absent in older snapshots, read as unknown. */
  outlet: z.optional(z.nullable(z.string())),
  /** Entries the newsletter gives the same arXiv id under another title; absent in older snapshots, read as none. */
  paperConflicts: z.optional(z.array(z.string())),
});

/** What the reader saw when bookmarking, so a bookmark can be shown and exported without the archive; inferred from its validator. */
export type BookmarkSnapshot = z.output<typeof snapshotSchema>;

/** Raised when a stored or imported value is not a bookmark list this code can read at all. */
export class BookmarksFormatError extends Error {
  override name = 'BookmarksFormatError';
  constructor(
    message: string,
    /** True when the value was written by a newer version of the app. */
    readonly newerVersion = false,
  ) {
    super(message);
  }
}

/** One item of a list that could not be kept exactly as it was. */
export interface ItemProblem {
  /** 0-based position in the list that was read. */
  index: number;
  /** The entry id, when one could be read. */
  entryId: string | null;
  /** What was wrong and what was done, e.g. "note: 2001 characters, longer than 2000 (shortened)". */
  reason: string;
}

/** What reading a list item by item found; the originals of every item listed here must be kept elsewhere. */
export interface ReadReport {
  /** How many items the list held. */
  total: number;
  /** Kept, with a change: a note or tag shortened, an id lower-cased, an unreadable snapshot dropped. */
  repaired: ItemProblem[];
  /** Left out: nothing usable could be read, or a different copy of an entry already read. */
  setAside: ItemProblem[];
}

/** A list read item by item: every readable bookmark, and what happened to the others. */
export interface ReadEnvelope {
  envelope: BookmarksEnvelope;
  report: ReadReport;
}

/** Options for {@link readEnvelopeInChunks}. */
export interface ChunkOptions {
  /** Items validated between two yields to the event loop. */
  chunkSize?: number;
  /** Called after each chunk with the items read so far and the total. */
  onProgress?: (done: number, total: number) => void;
  now?: string;
}

/** Items validated between two yields, small enough to keep the page responsive. */
export const READ_CHUNK_SIZE = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function quote(text: string): string {
  return JSON.stringify(text.length > 48 ? `${text.slice(0, 47)}…` : text);
}

/** Version 1 kept bare entry ids, or objects with an id, a date and sometimes a note; no tags, no snapshot. */
function migrateV1Item(item: unknown, now: string): unknown {
  if (typeof item === 'string')
    return { entryId: item, addedAt: now, updatedAt: now, note: '', tags: [], snapshot: null };
  if (!isRecord(item)) return item;
  const addedAt = item.addedAt ?? now;
  return { entryId: item.entryId, addedAt, updatedAt: addedAt, note: item.note ?? '', tags: [], snapshot: null };
}

/** Item migrations by the version they read; each returns the item in the next version. */
const itemMigrations: Record<number, (item: unknown, now: string) => unknown> = { 1: migrateV1Item };

type ItemResult = { bookmark: Bookmark; fixes: string[] } | { problem: string; entryId: string | null };

/** Reads one current-version item, repairing what can be repaired without losing meaning. */
function readItem(raw: unknown): ItemResult {
  if (!isRecord(raw)) return { problem: 'not a bookmark (expected an object)', entryId: null };
  const fixes: string[] = [];
  const rawId = raw.entryId;
  if (typeof rawId !== 'string') return { problem: 'entryId: missing', entryId: null };
  let entryId: string = rawId;
  if (!ENTRY_ID.test(rawId)) {
    const lowered = rawId.trim().toLowerCase();
    if (!ENTRY_ID.test(lowered)) return { problem: `entryId: ${quote(rawId)} is not an entry id`, entryId: null };
    fixes.push(`entryId: ${quote(rawId)} lower-cased`);
    entryId = lowered;
  }
  const addedAt = raw.addedAt;
  if (!isTimestamp(addedAt)) return { problem: 'addedAt: expected an ISO timestamp', entryId };
  const rawUpdatedAt = raw.updatedAt;
  if (rawUpdatedAt !== undefined && !isTimestamp(rawUpdatedAt))
    return { problem: 'updatedAt: expected an ISO timestamp', entryId };
  const updatedAt: string = rawUpdatedAt ?? addedAt;
  const rawNote = raw.note ?? '';
  if (typeof rawNote !== 'string') return { problem: 'note: expected text', entryId };
  let note: string = rawNote;
  if (note.length > NOTE_MAX_LENGTH) {
    fixes.push(`note: ${note.length} characters, longer than ${NOTE_MAX_LENGTH} (shortened)`);
    note = note.slice(0, NOTE_MAX_LENGTH);
  }
  const rawTags = raw.tags ?? [];
  if (!Array.isArray(rawTags)) return { problem: 'tags: expected a list', entryId };
  const textTags = rawTags.filter((tag): tag is string => typeof tag === 'string');
  if (textTags.length < rawTags.length) fixes.push('tags: entries that were not text dropped');
  for (const tag of textTags) {
    const cleaned = tag.trim().replace(/\s+/g, ' ');
    if (cleaned.length > TAG_MAX_LENGTH)
      fixes.push(`tags: ${quote(cleaned)} longer than ${TAG_MAX_LENGTH} characters (shortened)`);
  }
  let snapshot: BookmarkSnapshot | null = null;
  if (raw.snapshot !== undefined && raw.snapshot !== null) {
    const parsed = snapshotSchema.safeParse(raw.snapshot);
    if (parsed.success) snapshot = parsed.data;
    else
      fixes.push(
        `snapshot: unreadable (${parsed.error.issues[0]?.path.join('.') || 'shape'}), dropped until the archive fills it in`,
      );
  }
  return { bookmark: { entryId, addedAt, updatedAt, note, tags: normalizeTags(textTags), snapshot }, fixes };
}

function readTombstones(value: unknown): Tombstone[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (item): item is Tombstone =>
        isRecord(item) &&
        typeof item.entryId === 'string' &&
        ENTRY_ID.test(item.entryId) &&
        isTimestamp(item.removedAt),
    )
    .map(({ entryId, removedAt }) => ({ entryId, removedAt }));
}

/** Checks the envelope itself; only a failure here makes a whole value unreadable. */
function openEnvelope(value: unknown): { version: number; items: unknown[]; removed: unknown } {
  if (!isRecord(value) || !('version' in value))
    throw new BookmarksFormatError('It is not a bookmark list (no version).');
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BookmarksFormatError(`It has an unknown version (${JSON.stringify(version)}).`);
  }
  if (version > BOOKMARKS_VERSION) {
    throw new BookmarksFormatError(
      `It was saved by a newer version of Frontier Reader (format ${version}; this version reads up to ${BOOKMARKS_VERSION}).`,
      true,
    );
  }
  for (let from = version; from < BOOKMARKS_VERSION; from += 1) {
    if (!itemMigrations[from]) throw new BookmarksFormatError(`No migration from format ${from}.`);
  }
  if (!Array.isArray(value.items)) throw new BookmarksFormatError('It is malformed: items: expected a list.');
  return { version, items: value.items, removed: value.removed };
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** True when two copies of a bookmark hold the same data. */
export function sameBookmark(a: Bookmark, b: Bookmark): boolean {
  return (
    a.entryId === b.entryId &&
    a.note === b.note &&
    a.addedAt === b.addedAt &&
    a.updatedAt === b.updatedAt &&
    sameTags(a.tags, b.tags) &&
    (a.snapshot === b.snapshot || JSON.stringify(a.snapshot) === JSON.stringify(b.snapshot))
  );
}

/** Reads a list item by item, yielding the count read after each chunk; the return value is the result. */
function* readSteps(value: unknown, now: string, chunkSize: number): Generator<number, ReadEnvelope, void> {
  const { version, items, removed } = openEnvelope(value);
  const report: ReadReport = { total: items.length, repaired: [], setAside: [] };
  const kept: Bookmark[] = [];
  const byId = new Map<string, Bookmark>();
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0 && index % chunkSize === 0) yield index;
    let item = items[index];
    for (let from = version; from < BOOKMARKS_VERSION; from += 1) item = itemMigrations[from]!(item, now);
    const result = readItem(item);
    if ('problem' in result) {
      report.setAside.push({ index, entryId: result.entryId, reason: result.problem });
      continue;
    }
    const earlier = byId.get(result.bookmark.entryId);
    if (earlier) {
      // An exact repeat loses nothing; a different copy is kept in the backup rather than guessed at.
      if (!sameBookmark(earlier, result.bookmark)) {
        report.setAside.push({
          index,
          entryId: result.bookmark.entryId,
          reason: 'a second, different copy of a bookmark read earlier',
        });
      }
      continue;
    }
    byId.set(result.bookmark.entryId, result.bookmark);
    kept.push(result.bookmark);
    if (result.fixes.length > 0)
      report.repaired.push({ index, entryId: result.bookmark.entryId, reason: result.fixes.join('; ') });
  }
  const tombstones = readTombstones(removed).filter((tombstone) => !byId.has(tombstone.entryId));
  const envelope: BookmarksEnvelope = { version: BOOKMARKS_VERSION, items: kept };
  if (tombstones.length > 0) envelope.removed = tombstones;
  return { envelope, report };
}

/**
 * Reads an envelope of any known version item by item: every readable bookmark is kept (repaired where possible),
 * the others are listed in the report.
 * @throws {BookmarksFormatError} when the value as a whole is not a bookmark list.
 */
export function readEnvelope(value: unknown, now: string = new Date().toISOString()): ReadEnvelope {
  const steps = readSteps(value, now, Number.MAX_SAFE_INTEGER);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** {@link readEnvelope} for long lists: yields to the event loop between chunks and reports progress. */
export async function readEnvelopeInChunks(value: unknown, options: ChunkOptions = {}): Promise<ReadEnvelope> {
  const steps = readSteps(value, options.now ?? new Date().toISOString(), options.chunkSize ?? READ_CHUNK_SIZE);
  const total = isRecord(value) && Array.isArray(value.items) ? value.items.length : 0;
  let step = steps.next();
  while (!step.done) {
    options.onProgress?.(step.value, total);
    await yieldToMain();
    step = steps.next();
  }
  options.onProgress?.(total, total);
  return step.value;
}

/**
 * Reads an envelope of any known version and returns the current one: the readable bookmarks, repaired where possible.
 * @throws {BookmarksFormatError} saying what is wrong, when the value as a whole is not a bookmark list.
 */
export function parseEnvelope(value: unknown, now: string = new Date().toISOString()): BookmarksEnvelope {
  return readEnvelope(value, now).envelope;
}

/** "1 bookmark could not be read and was set aside", "2 bookmarks were repaired", joined; empty when all was well. */
export function describeReport(report: ReadReport): string {
  const parts: string[] = [];
  const { setAside, repaired } = report;
  if (setAside.length > 0) {
    parts.push(
      setAside.length === 1
        ? '1 bookmark could not be read and was set aside'
        : `${setAside.length} bookmarks could not be read and were set aside`,
    );
  }
  if (repaired.length > 0)
    parts.push(repaired.length === 1 ? '1 bookmark was repaired' : `${repaired.length} bookmarks were repaired`);
  return parts.join('; ');
}

/** {@link describeReport} as a sentence after `prefix`, e.g. " 1 bookmark was repaired."; empty when all was well. */
export function reportSentence(report: ReadReport, prefix = ''): string {
  const text = describeReport(report);
  return text ? `${prefix}${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}

/** Trims, drops empties and duplicates (case-insensitive), keeps the reader's order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, TAG_MAX_LENGTH);
    const folded = tag.toLocaleLowerCase();
    if (!tag || seen.has(folded)) continue;
    seen.add(folded);
    result.push(tag);
  }
  return result;
}

/** Splits what the reader typed ("llm, agents") into tags. */
export function parseTagInput(input: string): string[] {
  return normalizeTags(input.split(','));
}

/** The snapshot of an entry as the archive shows it now. */
export function snapshotOf(entry: Entry, archive?: Pick<Archive, 'issueById'>): BookmarkSnapshot {
  const issue = archive?.issueById.get(entry.issueId);
  return {
    headline: entry.headline,
    issueId: entry.issueId,
    issueDate: issue?.date ?? (/^\d{4}-\d{2}-\d{2}$/.test(entry.issueId) ? entry.issueId : entry.publishedOn),
    position: entry.position,
    publishedOn: entry.publishedOn,
    paper: entry.paper
      ? { title: entry.paper.title, url: entry.paper.url, arxivId: entry.paper.arxivId, doi: entry.paper.doi }
      : null,
    url: entry.paper?.url ?? entry.links[0]?.url ?? null,
    organizations: [...entry.organizations],
    outlet: entry.outlet,
    paperConflicts: [...entry.paperConflicts],
  };
}
