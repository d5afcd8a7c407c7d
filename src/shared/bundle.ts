/**
 * The archive bundle: the one contract between the Node build (scripts/) and the app (src/).
 * Field names here are read by other tools; add beside them, never rename.
 */
import { z } from './zod';

/**
 * The bundle format this code reads and writes. Version 2 replaced each entry's `sameAs` list with `paperGroup`;
 * version 3 added `paper.doi` and `paperConflicts`.
 */
export const SCHEMA_VERSION = 3;

/**
 * Where the build writes the whole bundle, relative to the site root: for tools and `archive:dump`. The app reads the
 * same archive split into files (src/shared/archive-layout.ts), so no page downloads more than it shows.
 */
export const BUNDLE_PATH = 'data/archive.json';

/** Every kind of link, in display order. */
export const LINK_KINDS = ['paper', 'code', 'model', 'dataset', 'project', 'article'] as const;
/** What a link points at. */
export type LinkKind = (typeof LINK_KINDS)[number];

/** Every kind of entry, in facet order. */
export const ENTRY_KINDS = ['paper', 'news', 'blog', 'report', 'release'] as const;
/** What kind of item an entry reports on. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/*
 * The schemas below are the contract's one definition: the TypeScript types are inferred from them, so a field cannot
 * be added to a type without the validator keeping it (zod drops keys its schema does not name).
 */

/**
 * A schema built on first use, not when the module loads: building every schema up front is a noticeable share of the
 * first page's start-up on a slow phone, and most pages validate only the catalogue.
 */
export function lazySchema<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

const isoDate = lazySchema(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')));
const httpUrl = lazySchema(() => z.string().check(z.regex(/^https?:\/\//i, 'expected an http(s) URL')));
const urlSafeId = lazySchema(() => z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a URL-safe id')));
const nonEmpty = lazySchema(() => z.string().check(z.minLength(1)));

const textNodeSchema = lazySchema(() => z.object({ type: z.literal('text'), text: z.string() }));

const linkNodeSchema = lazySchema(() =>
  z.object({
    type: z.literal('link'),
    text: z.string(),
    /** Always http(s) and free of tracking parameters. */
    url: httpUrl(),
  }),
);

const paperSchema = lazySchema(() =>
  z.object({
    title: z.string(),
    /** arXiv identifier without version suffix, such as `2410.21647`; null when not on arXiv. */
    arxivId: z.nullable(z.string()),
    /** DOI such as `10.1038/s41586-024-08025-4`, when the link or a correction gives one; null otherwise. */
    doi: z.nullable(z.string()),
    url: httpUrl(),
  }),
);

const entryLinkSchema = lazySchema(() => z.object({ url: httpUrl(), label: z.string(), kind: z.enum(LINK_KINDS) }));

const sourceLocationSchema = lazySchema(() => z.object({ file: z.string(), line: z.int().check(z.positive()) }));

/** @internal Shared with src/shared/archive-layout.ts, which splits the bundle into files. */
export const entrySchema = lazySchema(() =>
  z.object({
    /**
     * URL-safe and unique; readers' bookmarks depend on it. `${issueDate}-${slug(headline)}`, such as
     * `2024-11-02-relaxed-recursive-transformers`, from the headline as the source gives it, so a correction in
     * `data/corrections.json` never moves an id. When entries of one issue share that slug, the one from the issue's
     * main document (most of the issue's entries, then the largest document, then the first file name; earliest line
     * within it) keeps it; every other one gets `--${slug(file name without extension)}-${number}` from itself, such as
     * `…-transformers--extra-notes-3` (with `-line-N` added only if two repeats would still meet). Document order never
     * matters; an id moves only when a document that outranks the entry's own and repeats its slug in its issue is added,
     * or the last such competitor is removed. A plain slug never contains `--`, so the two forms cannot clash.
     */
    id: urlSafeId(),
    issueId: nonEmpty(),
    /** 1-based order within its issue. */
    position: z.int().check(z.positive()),
    /** The number as printed in the source. */
    number: z.int().check(z.nonnegative()),
    headline: nonEmpty(),
    /** Plain text. */
    summary: z.string(),
    /** YYYY-MM-DD. */
    publishedOn: isoDate(),
    /** Canonical organisation names. */
    organizations: z.array(z.string()),
    kind: z.enum(ENTRY_KINDS),
    /** The paper the entry is about. */
    paper: z.nullable(paperSchema()),
    links: z.array(entryLinkSchema()),
    body: z.array(z.array(z.discriminatedUnion('type', [textNodeSchema(), linkNodeSchema()]))),
    topics: z.array(z.string()),
    /**
     * Entries with the same non-null key are about the same paper (same arXiv id and title); null when no other entry is.
     * The key is the id of the group's first entry in bundle order and means nothing else. Stored once per entry so
     * the bundle grows linearly however often a paper is covered.
     */
    paperGroup: z.nullable(nonEmpty()),
    /**
     * Ids of entries that the newsletter links to this entry's arXiv id under a different paper title, a source error
     * that `data/corrections.json` does not resolve; empty when there is none. Exports leave out the id of such a paper.
     */
    paperConflicts: z.array(z.string()),
    /** Ids of up to five entries most similar in text, best first. */
    related: z.array(z.string()),
    /** Where the entry is in the source documents. */
    source: sourceLocationSchema(),
    /**
     * Who published the entry's paper (else its main link) as readers know them, such as `arXiv` or `OpenAI`, or the
     * bare host (`dl.acm.org`) when `data/sources.json` has no name for it; null when the entry has no link.
     */
    outlet: z.nullable(nonEmpty()),
  }),
);

/** @internal Shared with src/shared/archive-layout.ts, which splits the bundle into files. */
export const issueSchema = lazySchema(() =>
  z.object({
    /** URL-safe, the issue date: `2024-11-02`. */
    id: urlSafeId(),
    /** YYYY-MM-DD. */
    date: isoDate(),
    title: z.string(),
    /** Entry ids in reading order. */
    entryIds: z.array(z.string()),
  }),
);

/** @internal Shared with src/shared/archive-layout.ts, which splits the bundle into files. */
export const publicationSchema = lazySchema(() =>
  z.object({
    /** The newsletter's name as references cite it, such as `Neural Frontier`. */
    name: nonEmpty(),
  }),
);

/** Runtime shape check of a bundle; cross-references are checked in {@link parseBundle}. */
export const archiveBundleSchema = lazySchema(() =>
  z.object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    /** The newsletter the archive is made from, from `data/publication.json`. */
    publication: publicationSchema(),
    /** Newest first. */
    issues: z.array(issueSchema()),
    entries: z.array(entrySchema()),
    /** The topic taxonomy, in display order ("Other" last). */
    topics: z.array(z.string()),
  }),
);

/** A run of plain text inside a paragraph. */
export type TextNode = z.output<ReturnType<typeof textNodeSchema>>;
/** A link inside a paragraph; `url` is always http(s) and free of tracking parameters. */
export type LinkNode = z.output<ReturnType<typeof linkNodeSchema>>;
/** One inline node of an entry body: never raw HTML. */
export type InlineNode = TextNode | LinkNode;
/** A paragraph of an entry body. */
export type Paragraph = InlineNode[];
/** The paper an entry is about. */
export type Paper = z.output<ReturnType<typeof paperSchema>>;
/** A link found in an entry, classified. */
export type EntryLink = z.output<ReturnType<typeof entryLinkSchema>>;
/** One numbered item of an issue. */
export type Entry = z.output<ReturnType<typeof entrySchema>>;
/** One weekly issue of the newsletter. */
export type Issue = z.output<ReturnType<typeof issueSchema>>;
/** The newsletter the archive is made from. */
export type Publication = z.output<ReturnType<typeof publicationSchema>>;
/** The whole archive as the app loads it. */
export type ArchiveBundle = z.output<ReturnType<typeof archiveBundleSchema>>;

/** Entries about the same paper, keyed by {@link Entry.paperGroup}, in the order given; ungrouped entries are left out. */
export function groupByPaper<T extends { paperGroup: string | null }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    if (entry.paperGroup === null) continue;
    const group = groups.get(entry.paperGroup);
    if (group) group.push(entry);
    else groups.set(entry.paperGroup, [entry]);
  }
  return groups;
}

/** Raised when a bundle is not one this code can read. */
export class BundleError extends Error {
  override name = 'BundleError';
}

/**
 * Validates unknown JSON against `schema`, naming a schema version other than this code's first, then up to five
 * problems with their paths; `what` names the file for the reader ("archive", "file of the issue of …").
 * @throws {BundleError}
 */
export function parseVersioned<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value) {
    const version = value.schemaVersion;
    if (version !== SCHEMA_VERSION) {
      throw new BundleError(
        `The ${what} has schema version ${String(version)}, but this app reads version ${SCHEMA_VERSION}.`,
      );
    }
  }
  return parsePart(schema, value, what, []);
}

/**
 * Validates one part of a file against `schema`; `at` is the part's path within the file, so each problem names its
 * place in the whole file (`issues.212.date: …`), as if the file had been validated at once.
 * @throws {BundleError}
 */
export function parsePart<T>(schema: z.ZodMiniType<T>, value: unknown, what: string, at: readonly PropertyKey[]): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${[...at, ...issue.path].map(String).join('.') || '(root)'}: ${issue.message}`);
    throw new BundleError(`The ${what} is malformed: ${problems.join('; ')}`);
  }
  return result.data;
}

/**
 * Validates unknown JSON as an archive bundle: shape, schema version and references between records.
 * @throws {BundleError} naming the first problems found.
 */
export function parseBundle(value: unknown): ArchiveBundle {
  const bundle: ArchiveBundle = parseVersioned(archiveBundleSchema(), value, 'archive');
  checkBundleReferences(bundle);
  return bundle;
}

/**
 * Checks the references between a bundle's records: unique entry ids, issues listing known entries, entries in known
 * issues and paper groups naming known entries.
 * @throws {BundleError} naming the first broken reference.
 */
export function checkBundleReferences(bundle: ArchiveBundle): void {
  const entryIds = new Set<string>();
  for (const entry of bundle.entries) {
    if (entryIds.has(entry.id)) throw new BundleError(`The archive is malformed: duplicate entry id ${entry.id}`);
    entryIds.add(entry.id);
  }
  const issueIds = new Set(bundle.issues.map((issue) => issue.id));
  for (const issue of bundle.issues) {
    for (const id of issue.entryIds) {
      if (!entryIds.has(id))
        throw new BundleError(`The archive is malformed: issue ${issue.id} lists unknown entry ${id}`);
    }
  }
  for (const entry of bundle.entries) {
    if (!issueIds.has(entry.issueId)) {
      throw new BundleError(`The archive is malformed: entry ${entry.id} belongs to unknown issue ${entry.issueId}`);
    }
    if (entry.paperGroup !== null && !entryIds.has(entry.paperGroup)) {
      throw new BundleError(
        `The archive is malformed: entry ${entry.id} names unknown paper group ${entry.paperGroup}`,
      );
    }
  }
}
