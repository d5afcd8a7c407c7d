/**
 * The prebuilt search shards: the archive's index terms split by term range into small files, so the search worker can
 * answer a plain query from a few of them before the whole archive has downloaded (as Pagefind does).
 *
 * - `data/search/index.json` ({@link SEARCH_SHARDS_PATH}): the shards' {@link SearchShardsMeta}: how many documents the
 *   full index holds, each field's average length as MiniSearch computes it, each issue's entry count, date and file
 *   in archive order (entry index → issue → the entry's own file, without the catalogue), and the first term of every
 *   chunk with its file.
 * - `data/search/terms-<n>.<content hash>.json`: one {@link SearchChunk}, the postings of a range of terms, sorted.
 *
 * A term's postings are one flat list of numbers, field by field in {@link SEARCH_FIELDS} order: the field's index, how
 * many entries have the term in it, then for each entry (ascending) the gap from the previous entry's index (the first:
 * the index itself) and the field's length in that entry, negated when the term occurs more than once there, in which
 * case the number of occurrences follows. That is everything MiniSearch's BM25+ needs, so a score worked out from a
 * shard is the full index's score. Relative imports only: scripts/ loads this under plain tsx.
 */
import { z } from './zod';
import { ISSUE_FILE_HASH } from './archive-layout';
import { parseVersioned, SCHEMA_VERSION } from './bundle';

/** Where the worker finds the shards' meta file, relative to the site root. */
export const SEARCH_SHARDS_PATH = 'data/search/index.json';

/** The folder of the shard files, relative to the site root. */
export const SEARCH_SHARD_FOLDER = 'data/search';

/** A chunk file's name in {@link SEARCH_SHARD_FOLDER}: `terms-<n>.<ten hex digits>.json`. */
export const SEARCH_CHUNK_NAME = /^terms-\d+\.[0-9a-f]{10}\.json$/;

/** Where chunk number `index` is, relative to the site root, named by its content's hash. */
export function searchChunkPath(index: number, hash: string): string {
  return `${SEARCH_SHARD_FOLDER}/terms-${index}.${hash}.json`;
}

const contentHash = () => z.string().check(z.regex(/^[0-9a-f]{10}$/));

/**
 * Runtime shape check of the meta file as it is written: compact, since it is the first file every first answer
 * waits for (120 KB at 50,000 entries with whole paths and dates, 75 KB without).
 */
const searchShardsFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Documents in the full index: two per entry (titles, text). */
  documentCount: z.number(),
  /** Each field's average length, in {@link SEARCH_FIELDS} order, exactly as MiniSearch computes it. */
  averageLengths: z.array(z.number()),
  /**
   * Each issue in archive order (newest first): its id, number of entries, its file's content hash
   * (issueFilePath() in archive-layout.ts; null for the newest issue, whose entries are in the catalogue), and its
   * date only where that is not its id.
   */
  issues: z.array(
    z.tuple([z.string(), z.number(), z.nullable(z.string().check(z.regex(ISSUE_FILE_HASH))), z.optional(z.string())]),
  ),
  /** Each chunk's first term and its content hash ({@link searchChunkPath}), in term order. */
  chunks: z.array(z.tuple([z.string(), contentHash()])),
});

/** What the worker reads first: how to find a term's chunk and an entry's issue, with every path and date spelt out. */
export interface SearchShardsMeta {
  schemaVersion: typeof SCHEMA_VERSION;
  documentCount: number;
  averageLengths: number[];
  /** Each issue in archive order (newest first): id, number of entries, date, file hash (null for the newest). */
  issues: [id: string, entryCount: number, date: string, hash: string | null][];
  /** Each chunk's first term and its file (relative to the site root), in term order. */
  chunks: [firstTerm: string, path: string][];
}

/** The meta file as the build writes it: {@link SearchShardsMeta} without what can be worked out. */
export function compactSearchShardsMeta(meta: SearchShardsMeta): z.output<typeof searchShardsFileSchema> {
  return {
    ...meta,
    issues: meta.issues.map(([id, entryCount, date, hash]) =>
      date === id ? [id, entryCount, hash] : [id, entryCount, hash, date],
    ),
    chunks: meta.chunks.map(([term, path]) => [term, /\.([0-9a-f]{10})\.json$/.exec(path)?.[1] ?? '']),
  };
}

/** Runtime shape check of a chunk file. */
export const searchChunkSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Terms in order, each with its postings (see the module comment). */
  terms: z.array(z.tuple([z.string(), z.array(z.number())])),
});

/** The postings of a range of terms. */
export type SearchChunk = z.output<typeof searchChunkSchema>;

/**
 * Validates unknown JSON as the shards' meta file.
 * @throws {BundleError} naming the first problems found.
 */
export function parseSearchShardsMeta(value: unknown): SearchShardsMeta {
  const file = isSearchShardsFile(value) ? value : parseVersioned(searchShardsFileSchema, value, 'search index');
  return {
    ...file,
    issues: file.issues.map(([id, entryCount, hash, date = id]) => [id, entryCount, date, hash]),
    chunks: file.chunks.map(([term, hash], index) => [term, searchChunkPath(index, hash)]),
  };
}

/**
 * Validates unknown JSON as a chunk file.
 * @throws {BundleError} naming the first problems found.
 */
export function parseSearchChunk(value: unknown): SearchChunk {
  if (isSearchChunk(value)) return value;
  return parseVersioned(searchChunkSchema, value, 'search index chunk');
}

/**
 * The chunk schema's check by hand, in one loop: a chunk holds tens of thousands of numbers, and zod took 11 ms over one
 * of 36,000 (cold, in Node) on the first answer's path. A chunk that fails it goes through zod, which names the problem.
 */
function isSearchChunk(value: unknown): value is SearchChunk {
  if (typeof value !== 'object' || value === null) return false;
  const { schemaVersion, terms } = value as Record<string, unknown>;
  if (schemaVersion !== SCHEMA_VERSION || !Array.isArray(terms)) return false;
  for (const pair of terms as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || !Array.isArray(pair[1]))
      return false;
    for (const number of pair[1] as unknown[]) if (typeof number !== 'number') return false;
  }
  return true;
}

/**
 * The meta file's schema checked by hand, as {@link isSearchChunk} checks a chunk: zod took 10 ms of the search
 * worker's first answer over the meta file of 10,000 entries. A file that fails goes through zod, which names the problem.
 */
function isSearchShardsFile(value: unknown): value is z.output<typeof searchShardsFileSchema> {
  if (typeof value !== 'object' || value === null) return false;
  const { schemaVersion, documentCount, averageLengths, issues, chunks } = value as Record<string, unknown>;
  const isNumber = (item: unknown) => typeof item === 'number';
  const isString = (item: unknown) => typeof item === 'string';
  const isHash = (item: unknown) => typeof item === 'string' && ISSUE_FILE_HASH.test(item);
  return (
    schemaVersion === SCHEMA_VERSION &&
    typeof documentCount === 'number' &&
    Array.isArray(averageLengths) &&
    averageLengths.every(isNumber) &&
    Array.isArray(issues) &&
    issues.every(
      (issue: unknown) =>
        Array.isArray(issue) &&
        (issue.length === 3 || issue.length === 4) &&
        isString(issue[0]) &&
        isNumber(issue[1]) &&
        (issue[2] === null || isHash(issue[2])) &&
        (issue.length === 3 || isString(issue[3])),
    ) &&
    Array.isArray(chunks) &&
    chunks.every(
      (chunk: unknown) => Array.isArray(chunk) && chunk.length === 2 && isString(chunk[0]) && isHash(chunk[1]),
    )
  );
}

/** The index of the chunk that would hold `term`: the last whose first term is not after it (0 if none). */
export function chunkOfTerm(chunks: SearchShardsMeta['chunks'], term: string): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (chunks[middle]![0] <= term) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The indices of the chunks that hold every term beginning with `prefix` (the term itself included). */
export function chunksOfPrefix(chunks: SearchShardsMeta['chunks'], prefix: string): number[] {
  if (chunks.length === 0) return [];
  const found = [chunkOfTerm(chunks, prefix)];
  for (let next = found[0]! + 1; next < chunks.length && chunks[next]![0].startsWith(prefix); next++) found.push(next);
  return found;
}

/** One entry's occurrence of a term in one field. */
export interface ShardPosting {
  /** Index of the field in {@link SEARCH_FIELDS}. */
  field: number;
  /** How many entries have the term in this field. */
  matching: number;
  entry: number;
  /** The field's length in the entry (distinct words, as MiniSearch counts them). */
  length: number;
  frequency: number;
}

/** Calls `visit` for each posting of a term's encoded postings, field by field, entries ascending. */
export function visitShardPostings(postings: readonly number[], visit: (posting: ShardPosting) => void): void {
  let at = 0;
  while (at < postings.length) {
    const field = postings[at++]!;
    const matching = postings[at++]!;
    let entry = 0;
    for (let k = 0; k < matching; k++) {
      entry += postings[at++]!;
      const stored = postings[at++]!;
      const frequency = stored < 0 ? postings[at++]! : 1;
      visit({ field, matching, entry, length: Math.abs(stored), frequency });
    }
  }
}
