/**
 * The archive bundle: the one contract between the Node build (scripts/) and the app (src/).
 * Field names here are read by other tools; add beside them, never rename.
 */
import { z } from './zod';

/** The bundle format this code reads and writes. Version 2 replaced each entry's `sameAs` list with `paperGroup`. */
export const SCHEMA_VERSION = 2;

/** Where the app fetches the bundle from, relative to the site root. */
export const BUNDLE_PATH = 'data/archive.json';

/** What a link points at. */
export type LinkKind = 'paper' | 'code' | 'model' | 'dataset' | 'project' | 'article';
export const LINK_KINDS = ['paper', 'code', 'model', 'dataset', 'project', 'article'] as const satisfies readonly LinkKind[];

/** What kind of item an entry reports on. */
export type EntryKind = 'paper' | 'news' | 'blog' | 'report' | 'release';
export const ENTRY_KINDS = ['paper', 'news', 'blog', 'report', 'release'] as const satisfies readonly EntryKind[];

/** A run of plain text inside a paragraph. */
export interface TextNode {
  type: 'text';
  text: string;
}

/** A link inside a paragraph; `url` is always http(s) and free of tracking parameters. */
export interface LinkNode {
  type: 'link';
  text: string;
  url: string;
}

/** One inline node of an entry body: never raw HTML. */
export type InlineNode = TextNode | LinkNode;

/** A paragraph of an entry body. */
export type Paragraph = InlineNode[];

/** The paper an entry is about. */
export interface Paper {
  title: string;
  /** arXiv identifier without version suffix, such as `2410.21647`; null when not on arXiv. */
  arxivId: string | null;
  url: string;
}

/** A link found in an entry, classified. */
export interface EntryLink {
  url: string;
  label: string;
  kind: LinkKind;
}

/** One weekly issue of the newsletter. */
export interface Issue {
  /** URL-safe, the issue date: `2024-11-02`. */
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  title: string;
  /** Entry ids in reading order. */
  entryIds: string[];
}

/** Where a record came from in the source documents. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** One numbered item of an issue. */
export interface Entry {
  /**
   * URL-safe and unique; readers' bookmarks depend on it. `${issueDate}-${slug(headline)}`, such as
   * `2024-11-02-relaxed-recursive-transformers`. When entries of one issue share that slug, the one from the issue's
   * main document (most of the issue's entries, then the largest document, then the first file name; earliest line
   * within it) keeps it; every other one gets `--${slug(file name without extension)}-${number}` from itself, such as
   * `…-transformers--extra-notes-3` (with `-line-N` added only if two repeats would still meet). Document order never
   * matters; an id moves only when a document that outranks the entry's own and repeats its slug in its issue is added,
   * or the last such competitor is removed. A plain slug never contains `--`, so the two forms cannot clash.
   */
  id: string;
  issueId: string;
  /** 1-based order within its issue. */
  position: number;
  /** The number as printed in the source. */
  number: number;
  headline: string;
  /** Plain text. */
  summary: string;
  /** YYYY-MM-DD. */
  publishedOn: string;
  /** Canonical organisation names. */
  organizations: string[];
  kind: EntryKind;
  paper: Paper | null;
  links: EntryLink[];
  body: Paragraph[];
  topics: string[];
  /**
   * Entries with the same non-null key are about the same paper (same arXiv id and title); null when no other entry is.
   * The key is the id of the group's first entry in bundle order and means nothing else. Stored once per entry so
   * the bundle grows linearly however often a paper is covered.
   */
  paperGroup: string | null;
  /** Ids of up to five entries most similar in text, best first. */
  related: string[];
  source: SourceLocation;
}

/** The whole archive as the app loads it. */
export interface ArchiveBundle {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Newest first. */
  issues: Issue[];
  entries: Entry[];
  /** The topic taxonomy, in display order ("Other" last). */
  topics: string[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const httpUrl = z.string().regex(/^https?:\/\//i, 'expected an http(s) URL');

const inlineNodeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('link'), text: z.string(), url: httpUrl }),
]);

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a URL-safe id'),
  issueId: z.string().min(1),
  position: z.number().int().positive(),
  number: z.number().int().nonnegative(),
  headline: z.string().min(1),
  summary: z.string(),
  publishedOn: isoDate,
  organizations: z.array(z.string()),
  kind: z.enum(ENTRY_KINDS),
  paper: z.object({ title: z.string(), arxivId: z.string().nullable(), url: httpUrl }).nullable(),
  links: z.array(z.object({ url: httpUrl, label: z.string(), kind: z.enum(LINK_KINDS) })),
  body: z.array(z.array(inlineNodeSchema)),
  topics: z.array(z.string()),
  paperGroup: z.string().min(1).nullable(),
  related: z.array(z.string()),
  source: z.object({ file: z.string(), line: z.number().int().positive() }),
});

const issueSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a URL-safe id'),
  date: isoDate,
  title: z.string(),
  entryIds: z.array(z.string()),
});

/** Runtime shape check of a bundle; cross-references are checked in {@link parseBundle}. */
export const archiveBundleSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  issues: z.array(issueSchema),
  entries: z.array(entrySchema),
  topics: z.array(z.string()),
});

/** Raised when a bundle is not one this code can read. */
export class BundleError extends Error {
  override name = 'BundleError';
}

/**
 * Validates unknown JSON as an archive bundle: shape, schema version and references between records.
 * @throws {BundleError} naming the first problems found.
 */
export function parseBundle(value: unknown): ArchiveBundle {
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value) {
    const version = value.schemaVersion;
    if (version !== SCHEMA_VERSION) {
      throw new BundleError(
        `The archive has schema version ${String(version)}, but this app reads version ${SCHEMA_VERSION}.`,
      );
    }
  }
  const result = archiveBundleSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new BundleError(`The archive is malformed: ${problems.join('; ')}`);
  }
  const bundle: ArchiveBundle = result.data;
  const entryIds = new Set<string>();
  for (const entry of bundle.entries) {
    if (entryIds.has(entry.id)) throw new BundleError(`The archive is malformed: duplicate entry id ${entry.id}`);
    entryIds.add(entry.id);
  }
  const issueIds = new Set(bundle.issues.map((issue) => issue.id));
  for (const issue of bundle.issues) {
    for (const id of issue.entryIds) {
      if (!entryIds.has(id)) throw new BundleError(`The archive is malformed: issue ${issue.id} lists unknown entry ${id}`);
    }
  }
  for (const entry of bundle.entries) {
    if (!issueIds.has(entry.issueId)) {
      throw new BundleError(`The archive is malformed: entry ${entry.id} belongs to unknown issue ${entry.issueId}`);
    }
    if (entry.paperGroup !== null && !entryIds.has(entry.paperGroup)) {
      throw new BundleError(`The archive is malformed: entry ${entry.id} names unknown paper group ${entry.paperGroup}`);
    }
  }
  return bundle;
}
