/**
 * Writes the archive's search index as term-range shards (src/shared/search-shards.ts), tokenized with the same shared
 * functions as the app's MiniSearch index, so the worker can score a query from a few shards exactly as the full index
 * would. Pure and deterministic; linear in the archive's text.
 */
import { createHash } from 'node:crypto';
import type { ArchiveBundle } from '../../src/shared/bundle';
import {
  SEARCH_FIELDS,
  processIndexTerm,
  textDocument,
  titleDocument,
  tokenizeField,
  type SearchDocument,
} from '../../src/shared/search-options';
import {
  SEARCH_SHARD_FOLDER,
  SEARCH_SHARDS_PATH,
  type SearchChunk,
  type SearchShardsMeta,
} from '../../src/shared/search-shards';
import type { ArchiveFile } from './archive-layout';

/** The shard files: the meta file and the chunks it names. */
export interface SearchShardFiles {
  meta: ArchiveFile;
  chunks: ArchiveFile[];
}

/** About how many characters of postings go in one chunk: a few tens of KB, like Pagefind's. */
export const CHUNK_TARGET_CHARS = 48_000;

const TITLE_FIELDS = ['headline', 'paperTitle', 'organizations', 'topics'] as const;
const TEXT_FIELDS = ['summary', 'body'] as const;

/** Postings being collected for one term: per field, the encoded list and the last entry added. */
interface TermPostings {
  lists: (number[] | undefined)[];
  last: number[];
}

const toJson = (value: unknown) => `${JSON.stringify(value)}\n`;

/** Ten hex digits of SHA-256, as the issue files are named. */
function contentHash(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 10);
}

/**
 * MiniSearch's running average of a field's length: it adds each document's length to the average over every document
 * added before it (whether or not that one had the field), in the order the engine adds them: titles, then texts.
 */
function runningAverage(lengths: Int32Array, documentsBefore: number): number {
  let average = 0;
  for (let i = 0; i < lengths.length; i++) {
    const count = documentsBefore + i;
    average = (average * count + lengths[i]!) / (count + 1);
  }
  return average;
}

/** Splits a built bundle's index into the meta file and term-range chunks of about {@link CHUNK_TARGET_CHARS}. */
export function buildSearchShards(bundle: ArchiveBundle, targetChars = CHUNK_TARGET_CHARS): SearchShardFiles {
  if (!inIssueOrder(bundle)) return emptyShards(bundle);
  const entryCount = bundle.entries.length;
  const fieldIndex = new Map<string, number>(SEARCH_FIELDS.map((field, i) => [field, i]));
  const lengths = SEARCH_FIELDS.map(() => new Int32Array(entryCount));
  const postings = new Map<string, TermPostings>();
  const frequencies = new Map<string, number>();

  const addField = (document: SearchDocument, field: (typeof SEARCH_FIELDS)[number], entry: number) => {
    const text = document[field];
    if (text === undefined) return;
    const f = fieldIndex.get(field)!;
    const tokens = tokenizeField(text, field);
    const length = new Set(tokens).size;
    lengths[f]![entry] = length;
    frequencies.clear();
    for (const token of tokens) {
      const term = processIndexTerm(token);
      if (term) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    }
    for (const [term, frequency] of frequencies) {
      let termPostings = postings.get(term);
      if (!termPostings) {
        termPostings = { lists: [], last: new Array<number>(SEARCH_FIELDS.length).fill(0) };
        postings.set(term, termPostings);
      }
      const list = (termPostings.lists[f] ??= []);
      list.push(entry - termPostings.last[f]!);
      termPostings.last[f] = entry;
      if (frequency === 1) list.push(length);
      else list.push(-length, frequency);
    }
  };

  bundle.entries.forEach((entry, i) => {
    const titles = titleDocument(entry, i);
    for (const field of TITLE_FIELDS) addField(titles, field, i);
    const text = textDocument(entry, i);
    for (const field of TEXT_FIELDS) addField(text, field, i);
  });

  const averageLengths = SEARCH_FIELDS.map((field, f) =>
    runningAverage(lengths[f]!, (TEXT_FIELDS as readonly string[]).includes(field) ? entryCount : 0),
  );

  // Code-unit order, as the worker compares terms, so every beginning's terms are one run of chunks.
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: ArchiveFile[] = [];
  const firstTerms: [string, string][] = [];
  let current: SearchChunk['terms'] = [];
  let currentChars = 0;
  const flush = () => {
    if (current.length === 0) return;
    const chunk: SearchChunk = { schemaVersion: bundle.schemaVersion, terms: current };
    const json = toJson(chunk);
    const path = `${SEARCH_SHARD_FOLDER}/terms-${chunks.length}.${contentHash(json)}.json`;
    firstTerms.push([current[0]![0], path]);
    chunks.push({ path, json });
    current = [];
    currentChars = 0;
  };
  for (const term of terms) {
    const { lists } = postings.get(term)!;
    const encoded: number[] = [];
    lists.forEach((list, f) => {
      if (!list) return;
      encoded.push(f, countPostings(list));
      for (const value of list) encoded.push(value);
    });
    current.push([term, encoded]);
    // Digits and separators: a close enough measure of the JSON's size without writing it twice.
    currentChars += term.length + encoded.length * 3;
    if (currentChars >= targetChars) flush();
  }
  flush();

  const meta: SearchShardsMeta = {
    schemaVersion: bundle.schemaVersion,
    documentCount: entryCount * 2,
    averageLengths,
    issues: bundle.issues.map((issue): [string, number] => [issue.id, issue.entryIds.length]),
    chunks: firstTerms,
  };
  return { meta: { path: SEARCH_SHARDS_PATH, json: toJson(meta) }, chunks };
}

/** The number of entries in one field's encoded list (gaps, lengths negated when a frequency follows). */
function countPostings(list: readonly number[]): number {
  let count = 0;
  for (let at = 0; at < list.length; count++) at += list[at + 1]! < 0 ? 3 : 2;
  return count;
}

/** Whether the entries run issue by issue, each in its issue's order: then entry index → issue is the meta's counts. */
function inIssueOrder(bundle: ArchiveBundle): boolean {
  let i = 0;
  for (const issue of bundle.issues) {
    for (const id of issue.entryIds) if (bundle.entries[i++]?.id !== id) return false;
  }
  return i === bundle.entries.length;
}

/** Shards that answer nothing (the worker then waits for the full index): for a bundle not in issue order. */
function emptyShards(bundle: ArchiveBundle): SearchShardFiles {
  const meta: SearchShardsMeta = {
    schemaVersion: bundle.schemaVersion,
    documentCount: bundle.entries.length * 2,
    averageLengths: [],
    issues: [],
    chunks: [],
  };
  return { meta: { path: SEARCH_SHARDS_PATH, json: toJson(meta) }, chunks: [] };
}
