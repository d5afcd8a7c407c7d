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
  type SearchDocument,
} from '../../src/shared/search-options';
import {
  compactSearchShardsMeta,
  searchChunkPath,
  SEARCH_SHARDS_PATH,
  type SearchChunk,
  type SearchShardsMeta,
} from '../../src/shared/search-shards';
import type { ArchiveFile } from './archive-layout';
import { WordNumbers } from './word-numbers';

/** The shard files: the meta file and the chunks it names. */
export interface SearchShardFiles {
  meta: ArchiveFile;
  chunks: ArchiveFile[];
}

/** About how many characters of postings go in one chunk: a few tens of KB, like Pagefind's. */
export const CHUNK_TARGET_CHARS = 48_000;

/** The fields of each document, by number in {@link SEARCH_FIELDS}, in the order the engine adds them. */
const TITLE_FIELDS = (['headline', 'paperTitle', 'organizations', 'topics'] as const).map((field) =>
  SEARCH_FIELDS.indexOf(field),
);
const TEXT_FIELDS = (['summary', 'body'] as const).map((field) => SEARCH_FIELDS.indexOf(field));

const FIELD_COUNT = SEARCH_FIELDS.length;

/** An Int32Array of at least `size` numbers: `array` itself, or a copy at least twice as long. */
function grown(array: Int32Array, size: number): Int32Array {
  if (size <= array.length) return array;
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
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

/**
 * Splits a built bundle's index into the meta file and term-range chunks of about {@link CHUNK_TARGET_CHARS}.
 * `hashOfIssue` names each issue's file (the layout's), so the meta file can lead to each entry's own file.
 */
export function buildSearchShards(
  bundle: ArchiveBundle,
  hashOfIssue: Readonly<Record<string, string>>,
  targetChars = CHUNK_TARGET_CHARS,
): SearchShardFiles {
  if (!inIssueOrder(bundle)) return emptyShards(bundle);
  const entryCount = bundle.entries.length;
  const lengths = SEARCH_FIELDS.map(() => new Int32Array(entryCount));
  // Each distinct token is processed once: the number of the term it indexes as (-1 for none), by token number.
  const tokens = new WordNumbers();
  const tokenTerms: number[] = [];
  // When each token was last seen: the number of the field it was in, counting every field of every entry.
  const tokenSeen: number[] = [];
  const fieldTokens: number[] = [];
  const termNumbers = new Map<string, number>();
  const terms: string[] = [];
  const frequencies: number[] = [];
  // Postings as found, entry by entry: per field, its number, the entry, its length and its number of terms, then each
  // term's number and frequency. Written in one pass, then sorted into lists by a count per term and field.
  let records: Int32Array = new Int32Array(1 << 16);
  let recorded = 0;
  // Per term and field (term × FIELD_COUNT + field): how many postings its list has, and how many numbers.
  let listCounts: Int32Array = new Int32Array(1024 * FIELD_COUNT);
  let listSizes: Int32Array = new Int32Array(1024 * FIELD_COUNT);
  const fieldTerms: number[] = [];
  let fieldNumber = 0;

  const addField = (document: SearchDocument, f: number, entry: number) => {
    const field = SEARCH_FIELDS[f]!;
    const text = document[field];
    if (text === undefined) return;
    fieldNumber += 1;
    // As MiniSearch with tokenizeField and processIndexTerm: the length counts distinct words, body words count once.
    const once = field === 'body';
    let length = 0;
    tokens.scan(text, fieldTokens);
    for (const number of fieldTokens) {
      while (tokenTerms.length <= number) {
        const term = processIndexTerm(tokens.words[tokenTerms.length]!);
        let termNumber = term === null ? -1 : termNumbers.get(term);
        if (termNumber === undefined) {
          termNumber = terms.length;
          termNumbers.set(term!, termNumber);
          terms.push(term!);
          frequencies.push(0);
          listCounts = grown(listCounts, terms.length * FIELD_COUNT);
          listSizes = grown(listSizes, terms.length * FIELD_COUNT);
        }
        tokenTerms.push(termNumber);
        tokenSeen.push(0);
      }
      if (tokenSeen[number] !== fieldNumber) {
        tokenSeen[number] = fieldNumber;
        length += 1;
      } else if (once) continue;
      const term = tokenTerms[number]!;
      if (term < 0) continue;
      if (frequencies[term] === 0) fieldTerms.push(term);
      frequencies[term]! += 1;
    }
    lengths[f]![entry] = length;
    records = grown(records, recorded + 4 + 2 * fieldTerms.length);
    records[recorded++] = f;
    records[recorded++] = entry;
    records[recorded++] = length;
    records[recorded++] = fieldTerms.length;
    for (const term of fieldTerms) {
      const frequency = frequencies[term]!;
      frequencies[term] = 0;
      records[recorded++] = term;
      records[recorded++] = frequency;
      const list = term * FIELD_COUNT + f;
      listCounts[list]! += 1;
      listSizes[list]! += frequency === 1 ? 2 : 3;
    }
    fieldTerms.length = 0;
  };

  bundle.entries.forEach((entry, i) => {
    const titles = titleDocument(entry, i);
    for (const f of TITLE_FIELDS) addField(titles, f, i);
    const text = textDocument(entry, i);
    for (const f of TEXT_FIELDS) addField(text, f, i);
  });

  // Each term's lists back to back, its fields in order, each posting the gap from the entry before, the field's length,
  // and when the term occurs more than once the length negated and the frequency.
  const listCount = terms.length * FIELD_COUNT;
  const listStarts = new Int32Array(listCount + 1);
  for (let list = 0; list < listCount; list++) listStarts[list + 1] = listStarts[list]! + listSizes[list]!;
  const postings = new Int32Array(listStarts[listCount]!);
  const filled = listStarts.slice(0, listCount);
  const lastEntries = new Int32Array(listCount);
  for (let at = 0; at < recorded;) {
    const f = records[at]!;
    const entry = records[at + 1]!;
    const length = records[at + 2]!;
    const end = at + 4 + 2 * records[at + 3]!;
    for (at += 4; at < end; at += 2) {
      const list = records[at]! * FIELD_COUNT + f;
      const frequency = records[at + 1]!;
      let write = filled[list]!;
      postings[write++] = entry - lastEntries[list]!;
      lastEntries[list] = entry;
      if (frequency === 1) postings[write++] = length;
      else {
        postings[write++] = -length;
        postings[write++] = frequency;
      }
      filled[list] = write;
    }
  }

  const averageLengths = SEARCH_FIELDS.map((_, f) =>
    runningAverage(lengths[f]!, TEXT_FIELDS.includes(f) ? entryCount : 0),
  );

  // Code-unit order, as the worker compares terms, so every beginning's terms are one run of chunks.
  const order = Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  const chunks: ArchiveFile[] = [];
  const firstTerms: [string, string][] = [];
  let current: SearchChunk['terms'] = [];
  let currentChars = 0;
  const flush = () => {
    if (current.length === 0) return;
    const chunk: SearchChunk = { schemaVersion: bundle.schemaVersion, terms: current };
    const json = toJson(chunk);
    const path = searchChunkPath(chunks.length, contentHash(json));
    firstTerms.push([current[0]![0], path]);
    chunks.push({ path, json });
    current = [];
    currentChars = 0;
  };
  for (const number of order) {
    const term = terms[number]!;
    const encoded: number[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const list = number * FIELD_COUNT + f;
      if (listCounts[list] === 0) continue;
      encoded.push(f, listCounts[list]!);
      for (let at = listStarts[list]!; at < listStarts[list + 1]!; at++) encoded.push(postings[at]!);
    }
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
    issues: bundle.issues.map((issue): SearchShardsMeta['issues'][number] => [
      issue.id,
      issue.entryIds.length,
      issue.date,
      hashOfIssue[issue.id] ?? null,
    ]),
    chunks: firstTerms,
  };
  return { meta: { path: SEARCH_SHARDS_PATH, json: toJson(compactSearchShardsMeta(meta)) }, chunks };
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
  return { meta: { path: SEARCH_SHARDS_PATH, json: toJson(compactSearchShardsMeta(meta)) }, chunks: [] };
}
