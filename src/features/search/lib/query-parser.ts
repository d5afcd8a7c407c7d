/**
 * The search box's query language: words, `"exact phrases"`, `-exclusions`, `org:`/`topic:`/`issue:` filters and
 * paper identifiers (`arXiv:2410.21647`, a DOI, a link).
 */
import { isIdentifierLabel, parseIdentifier, type QueryIdentifier } from '@/features/search/lib/identifiers';
import { endsInWord, tokenize } from '@/shared/search-options';

const QUERY_FILTER_FIELDS = ['org', 'topic', 'issue'] as const;

/** Fields a query may filter on with `field:value`. */
export type QueryFilterField = (typeof QUERY_FILTER_FIELDS)[number];

/** A `field:value` filter written in the query; `-field:value` negates it. */
export interface QueryFilter {
  field: QueryFilterField;
  value: string;
  negated: boolean;
}

/** A parsed query. Words keep their spelling; folding happens in the index. */
export interface ParsedQuery {
  /** Free words that must all match, in order. */
  words: string[];
  /** Exact phrases that must appear; their words are also required. */
  phrases: string[];
  /** Words whose entries are left out. */
  excludedWords: string[];
  /** Phrases whose entries are left out. */
  excludedPhrases: string[];
  filters: QueryFilter[];
  /** Paper identifiers: entries about any of them are found, before entries matching the words. */
  identifiers: QueryIdentifier[];
  /** Identifiers whose entries are left out. */
  excludedIdentifiers: QueryIdentifier[];
  /** The last word when the query ends in it: the user may still be typing it, so it matches as a prefix. */
  partialWord: string | null;
}

const FILTER_PREFIX = new RegExp(`^(${QUERY_FILTER_FIELDS.join('|')}):`, 'i');

/** Reads a value that is either `"quoted"` or runs to the next space; returns it and the index after it. */
function readValue(input: string, start: number): { value: string; end: number; closed: boolean } {
  if (input[start] === '"') {
    const close = input.indexOf('"', start + 1);
    if (close === -1) return { value: input.slice(start + 1), end: input.length, closed: false };
    return { value: input.slice(start + 1, close), end: close + 1, closed: true };
  }
  let end = start;
  while (end < input.length && !/\s/.test(input[end] ?? '')) end++;
  return { value: input.slice(start, end), end, closed: true };
}

/** The index of the first non-space character at or after `start`. */
function skipSpaces(input: string, start: number): number {
  let i = start;
  while (i < input.length && /\s/.test(input[i] ?? '')) i++;
  return i;
}

/** True when a query has nothing that narrows the archive. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.words.length === 0 &&
    query.phrases.length === 0 &&
    query.excludedWords.length === 0 &&
    query.excludedPhrases.length === 0 &&
    query.filters.length === 0 &&
    query.identifiers.length === 0 &&
    query.excludedIdentifiers.length === 0
  );
}

/**
 * Parses what the user typed. Never throws: odd input (a lone quote, a lone `-`, `org:` with no value)
 * is ignored or read as plain words, so every keystroke gives a sensible query.
 */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = {
    words: [],
    phrases: [],
    excludedWords: [],
    excludedPhrases: [],
    filters: [],
    identifiers: [],
    excludedIdentifiers: [],
    partialWord: null,
  };
  let i = 0;
  let lastWordEndsInput = false;
  while (i < input.length) {
    i = skipSpaces(input, i);
    if (i >= input.length) break;
    lastWordEndsInput = false;
    let negated = false;
    if (input[i] === '-') {
      negated = true;
      i++;
    }
    const filter = FILTER_PREFIX.exec(input.slice(i));
    if (filter) {
      const { value, end } = readValue(input, i + filter[0].length);
      i = end;
      const trimmed = value.trim();
      if (trimmed) query.filters.push({ field: filter[1]!.toLowerCase() as QueryFilterField, value: trimmed, negated });
      continue;
    }
    if (input[i] === '"') {
      const { value, end, closed } = readValue(input, i);
      i = end;
      const phraseWords = tokenize(value);
      if (phraseWords.length === 0) continue;
      if (!closed) {
        // An unfinished phrase is searched as words until its closing quote is typed.
        if (!negated) {
          query.words.push(...phraseWords);
          lastWordEndsInput = endsInWord(value);
        }
        continue;
      }
      const phrase = phraseWords.join(' ');
      if (negated) query.excludedPhrases.push(phrase);
      else if (phraseWords.length === 1) query.words.push(phrase);
      else query.phrases.push(phrase);
      continue;
    }
    const { value, end } = readValue(input, i);
    i = end;
    const identifier = parseIdentifier(value);
    if (identifier) {
      (negated ? query.excludedIdentifiers : query.identifiers).push(identifier);
      continue;
    }
    // `arXiv: 2410.21647`: the label belongs to the identifier after it, and is no word to search for.
    if (!negated && isIdentifierLabel(value) && parseIdentifier(readValue(input, skipSpaces(input, end)).value))
      continue;
    const tokenWords = tokenize(value);
    if (negated) query.excludedWords.push(...tokenWords);
    else {
      query.words.push(...tokenWords);
      lastWordEndsInput = tokenWords.length > 0 && end === input.length && endsInWord(value);
    }
  }
  if (lastWordEndsInput) query.partialWord = query.words.at(-1) ?? null;
  return query;
}

function quoteIfNeeded(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

/** Writes a parsed query back as text; `parseQuery(formatQuery(q))` gives the same query. */
export function formatQuery(query: Omit<ParsedQuery, 'partialWord'>): string {
  return [
    ...query.words,
    ...query.phrases.map((phrase) => `"${phrase}"`),
    ...query.excludedWords.map((word) => `-${word}`),
    ...query.excludedPhrases.map((phrase) => `-"${phrase}"`),
    ...query.filters.map((filter) => `${filter.negated ? '-' : ''}${filter.field}:${quoteIfNeeded(filter.value)}`),
    ...query.identifiers.map((identifier) => identifier.text),
    ...query.excludedIdentifiers.map((identifier) => `-${identifier.text}`),
  ].join(' ');
}
