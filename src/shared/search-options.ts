/**
 * The full-text index settings, defined once: the app's search engine and the benchmark both use these.
 * Relative imports only: scripts/build-data.ts loads src/shared under plain tsx, without the `@/` alias.
 */
import type { Options } from 'minisearch';
import { stemmer } from 'stemmer';
import type { Entry } from './bundle';

/** The indexed fields of a search document. */
export type SearchField = 'headline' | 'paperTitle' | 'summary' | 'organizations' | 'topics' | 'body';

/** Every indexed field, in the order badges list them. */
export const SEARCH_FIELDS = [
  'headline',
  'paperTitle',
  'summary',
  'organizations',
  'topics',
  'body',
] as const satisfies readonly SearchField[];

/** How much a match in each field counts: the headline and the paper title name the work, the body only mentions it. */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  headline: 4,
  paperTitle: 4,
  organizations: 2.5,
  topics: 2,
  summary: 1.5,
  body: 1,
};

/**
 * One indexed document. Each entry is indexed as two documents, so the index can answer from titles
 * before the long text is in: id `2n` holds entry n's headline, paper title, organisations and topics;
 * id `2n + 1` its summary and body.
 */
export interface SearchDocument {
  id: number;
  headline?: string;
  paperTitle?: string;
  summary?: string;
  organizations?: string;
  topics?: string;
  body?: string;
}

/** The document ids of entry `entryIndex`; `entryOfDocument` inverts them. */
export const titleDocumentId = (entryIndex: number): number => entryIndex * 2;
export const textDocumentId = (entryIndex: number): number => entryIndex * 2 + 1;
export const entryOfDocument = (documentId: number): number => documentId >> 1;

/** The plain text of an entry's body, paragraphs separated by blank lines. */
export function entryBodyText(entry: Entry): string {
  return entry.body.map((paragraph) => paragraph.map((node) => node.text).join('')).join('\n\n');
}

/** The titles document of an entry: small, indexed first. */
export function titleDocument(entry: Entry, entryIndex: number): SearchDocument {
  return {
    id: titleDocumentId(entryIndex),
    headline: entry.headline,
    paperTitle: entry.paper?.title ?? '',
    organizations: entry.organizations.join(' · '),
    topics: entry.topics.join(' · '),
  };
}

/** The text document of an entry: summary and body. */
export function textDocument(entry: Entry, entryIndex: number): SearchDocument {
  return { id: textDocumentId(entryIndex), summary: entry.summary, body: entryBodyText(entry) };
}

/** Letters, digits and combining marks make words; everything else separates them. */
const WORD_CHARACTER = String.raw`[\p{L}\p{N}\p{M}]`;
const WORD = new RegExp(`${WORD_CHARACTER}+`, 'gu');
const ENDS_IN_WORD = new RegExp(`${WORD_CHARACTER}$`, 'u');

/** True when text ends in a word character, i.e. its last word may still be being typed. */
export function endsInWord(text: string): boolean {
  return ENDS_IN_WORD.test(text);
}

/** Splits text into words. Scripts written without spaces (Japanese, Chinese) yield one word per run, findable by its beginning. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * The index's tokenizer. Body words are indexed once per entry (term frequency dropped): it halves the
 * work of indexing long text, and BM25 saturates on repeats anyway. Other fields keep every word.
 */
export function tokenizeField(text: string, field?: string): string[] {
  const words = tokenize(text);
  return field === 'body' ? [...new Set(words)] : words;
}

/** Like {@link tokenize}, with each word's start and end offsets in `text`, for highlighting. */
export function tokenizeWithOffsets(text: string): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD)) {
    words.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** Latin combining accents, removed so `Montreal` finds `Montréal`; other scripts' marks (Japanese dakuten) are kept. */
const LATIN_ACCENTS = /[\u0300-\u036f]/g;

/** Letters that do not decompose but that people type without their stroke. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSABLE_PATTERN = /[ßæœøłđðþı]/g;

const ASCII = /^[ -~]*$/;

/** Case- and accent-folds text (also full-width and ligature forms), the same way for documents and queries. */
export function foldText(text: string): string {
  // Most words are plain ASCII: lowercasing is all they need, and Unicode normalisation is slow.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(LATIN_ACCENTS, '')
    .toLowerCase()
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}

/** Words too common to help find an entry; skipping them keeps the index small and queries fast. Phrases are still checked against the full text. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can for from had has have he her his how if in into is it its of on or ' +
    'our s she so such t than that the their them then there these they this those to was we were what when ' +
    'which while who will with would you also more most other some only over very'
  ).split(' '),
);

/** The index's term processing: fold, then drop stop words. */
export function processIndexTerm(term: string): string | null {
  const folded = foldText(term);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

/** Query terms are folded but stop words kept: a half-typed last word such as `a` may be the start of `agents`. */
export function processQueryTerm(term: string): string {
  return foldText(term);
}

/** Respelling only for words of five or more letters: short words have too many neighbours to be worth it, and it stays fast. */
export const MIN_FUZZY_LENGTH = 5;
/** At most two typos, whatever the word's length. */
export const MAX_FUZZY = 2;
/** Fraction of a word's length that may be typos. */
export const FUZZINESS = 0.2;

/** True for words in scripts written without spaces, where one character already narrows the search. */
export function isUnspacedScript(term: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(term);
}

/** Prefix matching for a query word: words of two or more letters (one CJK character is enough). */
export function prefixMatches(term: string): boolean {
  return term.length >= 2 || isUnspacedScript(term);
}

/**
 * Typos a query word that the archive does not have may be respelt from, to search for what it most likely is: none
 * for short words, one for five to seven letters, two from eight.
 */
export function correctionDistance(term: string): number {
  if (term.length < MIN_FUZZY_LENGTH || isUnspacedScript(term)) return 0;
  return Math.min(MAX_FUZZY, Math.round(term.length * FUZZINESS));
}

/** Typos a "Did you mean …" suggestion may fix in a word, when nothing matched: further than {@link correctionDistance}. */
export function suggestionDistance(term: string): number {
  if (term.length < 3 || isUnspacedScript(term)) return 0;
  return term.length < 6 ? 1 : MAX_FUZZY;
}

/** How much another form of a word counts ("transformers" for "transformer"): less than the form typed. */
export const STEM_WEIGHT = 0.6;

/**
 * A word's stem (Porter, for English): words with the same stem are searched as forms of one word. Words with digits
 * (`gpt4o`, `2410`) and scripts written without spaces are their own stem.
 */
export function stemOf(term: string): string {
  return /\d/.test(term) || isUnspacedScript(term) ? term : stemmer(term);
}

/** Options of the MiniSearch index over {@link SearchDocument}s. */
export const searchIndexOptions: Options<SearchDocument> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize: tokenizeField,
  processTerm: processIndexTerm,
  searchOptions: {
    boost: { ...FIELD_BOOSTS },
    maxFuzzy: MAX_FUZZY,
    processTerm: processQueryTerm,
    tokenize,
  },
};
