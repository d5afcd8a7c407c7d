import { z } from 'zod';
import type { Archive } from '@/lib/archive-query';
import type { Entry } from '@/shared/bundle';

/** The envelope version this code writes; older versions are migrated on read. */
export const BOOKMARKS_VERSION = 2;

/** What the reader saw when bookmarking, so a bookmark can be shown and exported without the archive. */
export interface BookmarkSnapshot {
  headline: string;
  issueId: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  /** 1-based order within the issue; null when unknown. */
  position: number | null;
  /** YYYY-MM-DD. */
  publishedOn: string;
  paper: { title: string; url: string; arxivId: string | null } | null;
  /** The best link to the item itself: the paper, else the first link of the entry. */
  url: string | null;
  organizations: string[];
}

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

/** The one value kept in localStorage. */
export interface BookmarksEnvelope {
  version: typeof BOOKMARKS_VERSION;
  items: Bookmark[];
}

/** Longest note kept, in characters. */
export const NOTE_MAX_LENGTH = 2000;
/** Longest tag kept, in characters. */
export const TAG_MAX_LENGTH = 40;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO timestamp');
const httpUrl = z.string().regex(/^https?:\/\//i, 'expected an http(s) URL');
const entryId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an entry id');

const snapshotSchema = z.object({
  headline: z.string(),
  issueId: z.string(),
  issueDate: isoDate,
  position: z.number().int().positive().nullable(),
  publishedOn: isoDate,
  paper: z.object({ title: z.string(), url: httpUrl, arxivId: z.string().nullable() }).nullable(),
  url: httpUrl.nullable(),
  organizations: z.array(z.string()),
});

/** Runtime shape of one current-version bookmark. */
export const bookmarkSchema = z.object({
  entryId,
  addedAt: timestamp,
  updatedAt: timestamp,
  note: z.string().max(NOTE_MAX_LENGTH),
  tags: z.array(z.string().min(1).max(TAG_MAX_LENGTH)),
  snapshot: snapshotSchema.nullable(),
});

const envelopeSchema = z.object({
  version: z.literal(BOOKMARKS_VERSION),
  items: z.array(bookmarkSchema),
});

/** Version 1 kept bare entry ids, or objects with an id, a date and sometimes a note; no tags, no snapshot. */
const v1Schema = z.object({
  version: z.literal(1),
  items: z.array(
    z.union([entryId, z.object({ entryId, addedAt: timestamp.optional(), note: z.string().optional() })]),
  ),
});

/** Raised when a stored or imported value is not a bookmark list this code can read. */
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

type Migration = (value: unknown, now: string) => unknown;

/** Migrations by the version they read; each returns the next version. */
const migrations: Record<number, Migration> = {
  1: (value, now) => {
    const v1 = v1Schema.parse(value);
    const items: Bookmark[] = [];
    const seen = new Set<string>();
    for (const item of v1.items) {
      const legacy = typeof item === 'string' ? { entryId: item } : item;
      if (seen.has(legacy.entryId)) continue;
      seen.add(legacy.entryId);
      const addedAt = legacy.addedAt ?? now;
      items.push({
        entryId: legacy.entryId,
        addedAt,
        updatedAt: addedAt,
        note: (legacy.note ?? '').slice(0, NOTE_MAX_LENGTH),
        tags: [],
        snapshot: null,
      });
    }
    return { version: 2, items };
  },
};

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads an envelope of any known version and returns the current one, migrating as needed.
 * @throws {BookmarksFormatError} saying what is wrong.
 */
export function parseEnvelope(value: unknown, now: string = new Date().toISOString()): BookmarksEnvelope {
  if (typeof value !== 'object' || value === null || !('version' in value)) {
    throw new BookmarksFormatError('It is not a bookmark list (no version).');
  }
  let current: unknown = value;
  let version = (value as { version: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BookmarksFormatError(`It has an unknown version (${JSON.stringify(version)}).`);
  }
  if (version > BOOKMARKS_VERSION) {
    throw new BookmarksFormatError(
      `It was saved by a newer version of Frontier Reader (format ${version}; this version reads up to ${BOOKMARKS_VERSION}).`,
      true,
    );
  }
  while (version < BOOKMARKS_VERSION) {
    const migrate = migrations[version];
    if (!migrate) throw new BookmarksFormatError(`No migration from format ${version}.`);
    try {
      current = migrate(current, now);
    } catch (error) {
      if (error instanceof z.ZodError) throw new BookmarksFormatError(`It is malformed: ${describeZodError(error)}.`);
      throw error;
    }
    version += 1;
  }
  const result = envelopeSchema.safeParse(current);
  if (!result.success) throw new BookmarksFormatError(`It is malformed: ${describeZodError(result.error)}.`);
  return { version: BOOKMARKS_VERSION, items: dedupe(result.data.items.map(normalizeBookmark)) };
}

/** Keeps the first bookmark of each entry. */
function dedupe(items: Bookmark[]): Bookmark[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.entryId)) return false;
    seen.add(item.entryId);
    return true;
  });
}

function normalizeBookmark(bookmark: Bookmark): Bookmark {
  return { ...bookmark, tags: normalizeTags(bookmark.tags) };
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
    paper: entry.paper ? { title: entry.paper.title, url: entry.paper.url, arxivId: entry.paper.arxivId } : null,
    url: entry.paper?.url ?? entry.links[0]?.url ?? null,
    organizations: [...entry.organizations],
  };
}
