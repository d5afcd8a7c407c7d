/**
 * How the built archive is split into files, so a page never waits for more of the archive than it shows.
 *
 * - `data/catalogue.json`: the publication, the topics, every issue (its entry count and most used topics) and the
 *   newest issue's entries in full, plus the file of every other issue. The home page and the newest issue need
 *   nothing else. It grows with the number of issues, not entries: an issue's entry ids are in its own file.
 * - `data/issues/<issue id>.<content hash>.json`: one issue's entries. The hash changes only when the issue does, so a
 *   new issue adds one file and leaves every other file, and the reader's cached copy of it, as it was.
 * - `data/issues/<issue id>.<content hash>/<position>.json`: one entry of that issue file, at its 0-based position in
 *   the file's `entries` ({@link entryFragmentPath}), so search's first answer fetches only the results it shows, as
 *   Pagefind does. Named after the issue file, so as immutable as it; never precached (offline search has the files).
 * - `data/archive.json`: the whole archive in one file ({@link BUNDLE_PATH}), for search and the bookmarks page.
 *
 * The build writes them all from one bundle; `npm run -s archive:dump` prints the whole archive whatever the layout.
 */
import { z } from './zod';
import {
  BundleError,
  entrySchema,
  issueSchema,
  lazySchema,
  parsePart,
  parseVersioned,
  publicationSchema,
  SCHEMA_VERSION,
  type Entry,
  type Issue,
} from './bundle';

/** Where the app fetches the catalogue from, relative to the site root. */
export const CATALOGUE_PATH = 'data/catalogue.json';

/** The folder of the per-issue files, relative to the site root. */
export const ISSUE_FILE_FOLDER = 'data/issues';

/** An issue file's content hash, as its name carries it: ten hex digits. */
export const ISSUE_FILE_HASH = /^[0-9a-f]{10}$/;

/** Where the file of issue `issueId` is, relative to the site root, named by its content's hash: `data/issues/2024-10-27.1a2b3c4d5e.json`. */
export function issueFilePath(issueId: string, hash: string): string {
  return `${ISSUE_FILE_FOLDER}/${issueId}.${hash}.json`;
}

/** How many of an issue's most used topics the catalogue keeps: what an issue card on the home page shows. */
export const CATALOGUE_TOPICS = 3;

const catalogueIssueSchema = lazySchema(() =>
  z.extend(z.omit(issueSchema(), { entryIds: true }), {
    /** How many entries the issue has; its file (or `latestEntries`) holds exactly that many. */
    entryCount: z.int().check(z.nonnegative()),
    /** The issue's most used topics, most frequent first; see {@link issueTopics}. */
    topics: z.array(z.string()),
  }),
);

/** Runtime shape check of the catalogue; cross-references are checked in {@link parseCatalogue}. */
export const catalogueSchema = lazySchema(() =>
  z.object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    publication: publicationSchema(),
    /** The topic taxonomy, in display order. */
    topics: z.array(z.string()),
    /** Newest first, as in the bundle. */
    issues: z.array(catalogueIssueSchema()),
    /** The newest issue's entries, in reading order. */
    latestEntries: z.array(entrySchema()),
    /** The file holding each issue's entries, relative to the site root, by issue id; every issue but the newest. */
    issueFiles: z.record(z.string(), z.string().check(z.regex(/^data\/issues\/[a-z0-9.-]+\.json$/))),
  }),
);

/** Runtime shape check of one issue's file. */
export const issueFileSchema = lazySchema(() =>
  z.object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    issueId: z.string(),
    /** The issue's entries, in reading order. */
    entries: z.array(entrySchema()),
  }),
);

/** Runtime shape check of one entry's fragment: the entry exactly as its issue file holds it. */
export const entryFragmentSchema = lazySchema(() =>
  z.object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    entry: entrySchema(),
  }),
);

/** The small first file of the archive. */
export type Catalogue = z.output<ReturnType<typeof catalogueSchema>>;
/** One issue as the catalogue lists it: its entry count rather than its entry ids. */
export type CatalogueIssue = z.output<ReturnType<typeof catalogueIssueSchema>>;
/** One issue's entries. */
export type IssueFile = z.output<ReturnType<typeof issueFileSchema>>;
/** One entry of an issue file, on its own. */
export type EntryFragment = z.output<ReturnType<typeof entryFragmentSchema>>;

/**
 * Where the entry at `position` (0-based, in the file's `entries`) of the issue file `issueFile` has its own file:
 * `data/issues/2024-10-27.1a2b3c4d5e.json`, 3 → `data/issues/2024-10-27.1a2b3c4d5e/3.json`.
 */
export function entryFragmentPath(issueFile: string, position: number): string {
  return `${issueFile.replace(/\.json$/, '')}/${position}.json`;
}

/** The topics used most in `entries`, most frequent first; ties follow the taxonomy order; "Other" is left out. */
export function issueTopics(
  entries: readonly Entry[],
  taxonomy: readonly string[],
  limit = CATALOGUE_TOPICS,
): string[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const topic of entry.topics) {
      if (topic === 'Other') continue;
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
  }
  const order = new Map(taxonomy.map((topic, index) => [topic, index]));
  return [...counts.entries()]
    .sort(
      ([a, countA], [b, countB]) =>
        countB - countA || (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b),
    )
    .slice(0, limit)
    .map(([topic]) => topic);
}

/**
 * The catalogue's issues as the bundle has them, each listing the ids of its entries in `entriesByIssue` (validated by
 * {@link parseIssueFile}); an issue whose entries are not given lists none.
 */
export function bundleIssues(catalogue: Catalogue, entriesByIssue: ReadonlyMap<string, readonly Entry[]>): Issue[] {
  return catalogue.issues.map(({ id, date, title }) => ({
    id,
    date,
    title,
    entryIds: (entriesByIssue.get(id) ?? []).map((entry) => entry.id),
  }));
}

/** The issue an entry belongs to, read from its id (`2024-11-02-…` is in the issue of 2024-11-02); null if malformed. */
export function issueIdOfEntry(entryId: string): string | null {
  return /^\d{4}-\d{2}-\d{2}(?=-)/.exec(entryId)?.[0] ?? null;
}

/** Checks that `entries` are as many as `issue` counts and all belong to it. */
function checkIssueEntries(
  issue: Pick<CatalogueIssue, 'id' | 'entryCount'>,
  entries: readonly Entry[],
  what: string,
): void {
  if (entries.length !== issue.entryCount) {
    throw new BundleError(
      `The ${what} is malformed: it holds ${entries.length} entries, but issue ${issue.id} has ${issue.entryCount}`,
    );
  }
  const stray = entries.find((entry) => entry.issueId !== issue.id);
  if (stray) throw new BundleError(`The ${what} is malformed: entry ${stray.id} is not in issue ${issue.id}`);
}

/**
 * Validates unknown JSON as the catalogue.
 * @throws {BundleError} naming the first problems found.
 */
export function parseCatalogue(value: unknown): Catalogue {
  return checkCatalogue(parseVersioned(catalogueSchema(), value, 'archive'));
}

/** How many of the catalogue's issues, or of its newest entries, are validated between two pauses. */
const CATALOGUE_SLICE = { issues: 250, latestEntries: 10 } as const;

/**
 * Validates unknown JSON as the catalogue as {@link parseCatalogue} does, with the same result and the same problems
 * named, but a slice of its issues and entries at a time with `pause()` between: at 50,000 entries the catalogue lists
 * some 1,700 issues, and checking them at once holds the page's main thread for longer than a frame.
 * @throws {BundleError} naming the first problems found.
 */
export async function parseCatalogueInSlices(value: unknown, pause: () => Promise<void>): Promise<Catalogue> {
  if (
    typeof value !== 'object' ||
    value === null ||
    !('issues' in value) ||
    !('latestEntries' in value) ||
    !Array.isArray(value.issues) ||
    !Array.isArray(value.latestEntries)
  ) {
    return parseCatalogue(value);
  }
  const { issues, latestEntries, ...rest } = value;
  const head = parseVersioned(catalogueSchema(), { ...rest, issues: [], latestEntries: [] }, 'archive');
  const checkedIssues = await parseSlices(issues, catalogueIssueSchema(), 'issues', pause);
  const checkedEntries = await parseSlices(latestEntries, entrySchema(), 'latestEntries', pause);
  return checkCatalogue({ ...head, issues: checkedIssues, latestEntries: checkedEntries });
}

/** Validates the catalogue's list `key`, a slice at a time with `pause()` before each. */
async function parseSlices<T>(
  items: readonly unknown[],
  schema: z.ZodMiniType<T>,
  key: keyof typeof CATALOGUE_SLICE,
  pause: () => Promise<void>,
): Promise<T[]> {
  const parsed: T[] = [];
  for (let start = 0; start < items.length; start += CATALOGUE_SLICE[key]) {
    await pause();
    const slice = items.slice(start, start + CATALOGUE_SLICE[key]);
    // Each item's problems carry its place in the whole file, as a check of the whole file would name them.
    parsed.push(...slice.map((item, index) => parsePart(schema, item, 'archive', [key, start + index])));
  }
  return parsed;
}

/** Checks what the schema cannot: the newest issue's entries are its own, and every other issue has a file. */
function checkCatalogue(catalogue: Catalogue): Catalogue {
  const [latest, ...older] = catalogue.issues;
  if (latest) checkIssueEntries(latest, catalogue.latestEntries, 'archive');
  for (const issue of older) {
    if (!catalogue.issueFiles[issue.id])
      throw new BundleError(`The archive is malformed: issue ${issue.id} has no file`);
  }
  return catalogue;
}

/**
 * Validates unknown JSON as the file of `issue`: its entries, as many as the catalogue counts, all in that issue.
 * @throws {BundleError} naming the first problems found.
 */
export function parseIssueFile(value: unknown, issue: Pick<CatalogueIssue, 'id' | 'date' | 'entryCount'>): Entry[] {
  const what = `file of the issue of ${issue.date}`;
  const file = parseVersioned(issueFileSchema(), value, what);
  if (file.issueId !== issue.id) throw new BundleError(`The ${what} holds issue ${file.issueId}`);
  checkIssueEntries(issue, file.entries, what);
  return file.entries;
}

/**
 * Validates unknown JSON as the fragment of one entry; the caller checks it is the entry it asked for.
 * @throws {BundleError} naming the first problems found.
 */
export function parseEntryFragment(value: unknown): Entry {
  return parseVersioned(entryFragmentSchema(), value, 'entry file').entry;
}
