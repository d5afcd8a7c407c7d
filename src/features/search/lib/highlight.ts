/** Snippets and highlighting: which words of a text matched, as plain segments the UI renders with <mark>. */
import { foldText, isUnspacedScript, tokenize, tokenizeWithOffsets } from '@/shared/search-options';

/** A run of text, highlighted or not. Rendered as text, never as HTML. */
export interface TextSegment {
  text: string;
  mark: boolean;
}

/** What to highlight: matched index terms, words being typed and exact phrases, all folded. */
export interface HighlightTerms {
  /** Folded words to mark whole (including prefix and fuzzy expansions the index matched). */
  terms: ReadonlySet<string>;
  /** Folded word beginnings to mark where a word starts with them (the word being typed). */
  prefixes: readonly string[];
  /** Folded phrases, as word lists, to mark where their words follow one another. */
  phrases: readonly (readonly string[])[];
}

/** Nothing to highlight. */
export const NO_HIGHLIGHT: HighlightTerms = { terms: new Set(), prefixes: [], phrases: [] };

/** Length in `original` that folds to the first `foldedLength` characters, so a prefix mark ends at the right letter. */
function originalLength(original: string, foldedLength: number): number {
  let folded = 0;
  let index = 0;
  for (const char of original) {
    if (folded >= foldedLength) break;
    folded += foldText(char).length;
    index += char.length;
  }
  return index;
}

const ASCII_TEXT = /^[\t\n\r -~]*$/;

/** Character ranges of `text` to mark, sorted and merged. */
function markRanges(text: string, highlight: HighlightTerms): [number, number][] {
  const tokens = tokenizeWithOffsets(text);
  const ranges: [number, number][] = [];
  // Lowercasing plain-ASCII text once is the same as folding each word, and much faster.
  const lower = ASCII_TEXT.test(text) ? text.toLowerCase() : null;
  const folded = tokens.map((token) => (lower ? lower.slice(token.start, token.end) : foldText(token.word)));
  tokens.forEach((token, i) => {
    const word = folded[i]!;
    if (highlight.terms.has(word)) {
      ranges.push([token.start, token.end]);
      return;
    }
    for (const prefix of highlight.prefixes) {
      if (prefix && word.startsWith(prefix)) {
        // In scripts without spaces a "word" is a whole clause: mark only the part typed.
        const end = isUnspacedScript(word) ? token.start + originalLength(token.word, prefix.length) : token.end;
        ranges.push([token.start, end]);
        return;
      }
    }
  });
  for (const phrase of highlight.phrases) {
    if (phrase.length === 0) continue;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((word, k) => folded[i + k] === word)) {
        ranges.push([tokens[i]!.start, tokens[i + phrase.length - 1]!.end]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function toSegments(text: string, ranges: readonly [number, number][]): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const [start, end] of ranges) {
    if (start > position) segments.push({ text: text.slice(position, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    position = end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), mark: false });
  return segments;
}

/** The whole text split into marked and unmarked segments. */
export function highlightText(text: string, highlight: HighlightTerms): TextSegment[] {
  return toSegments(text, markRanges(text, highlight));
}

/** Splits a paragraph into sentences, keeping their punctuation. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Longest snippet shown, in characters. */
export const SNIPPET_LENGTH = 220;

/**
 * The passage of `passages` that best matches, cut to about {@link SNIPPET_LENGTH} characters around the
 * first match, with matches marked. Without matches, the first passage's beginning.
 */
export function bestSnippet(passages: readonly string[], highlight: HighlightTerms): TextSegment[] {
  let best: { text: string; ranges: [number, number][]; score: number } | null = null;
  // A cheap substring test skips the sentences that cannot match, before they are split into words.
  const needles =
    highlight.terms.size <= 64
      ? [...highlight.terms, ...highlight.prefixes, ...highlight.phrases.map((phrase) => phrase[0] ?? '')].filter(
          Boolean,
        )
      : null;
  for (const passage of passages) {
    for (const sentence of sentences(passage)) {
      if (needles && ASCII_TEXT.test(sentence)) {
        const lower = sentence.toLowerCase();
        if (!needles.some((needle) => lower.includes(needle))) continue;
      }
      const ranges = markRanges(sentence, highlight);
      if (ranges.length === 0) continue;
      const distinct = new Set(ranges.map(([start, end]) => foldText(sentence.slice(start, end)))).size;
      const score = distinct * 4 + ranges.length;
      if (!best || score > best.score) best = { text: sentence, ranges, score };
    }
  }
  if (!best) {
    const first = passages.find((passage) => passage.trim() !== '') ?? '';
    return first.length <= SNIPPET_LENGTH
      ? [{ text: first, mark: false }]
      : [{ text: `${cut(first, 0, SNIPPET_LENGTH)}…`, mark: false }];
  }
  const { text, ranges } = best;
  if (text.length <= SNIPPET_LENGTH) return toSegments(text, ranges);
  const firstMark = ranges[0]![0];
  let start = Math.max(0, firstMark - Math.floor(SNIPPET_LENGTH / 4));
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space === -1 ? start : space + 1;
  }
  const window = cut(text, start, start + SNIPPET_LENGTH);
  const end = start + window.length;
  const inside = ranges
    .filter(([rangeStart]) => rangeStart >= start && rangeStart < end)
    .map(([rangeStart, rangeEnd]): [number, number] => [rangeStart - start, Math.min(rangeEnd, end) - start]);
  const segments = toSegments(window, inside);
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < text.length) segments.push({ text: '…', mark: false });
  return segments;
}

/** `text.slice(start, end)` shortened to the last whole word. */
function cut(text: string, start: number, end: number): string {
  if (end >= text.length) return text.slice(start);
  const space = text.lastIndexOf(' ', end);
  return text.slice(start, space > start ? space : end);
}

/** The folded words of a phrase, as {@link HighlightTerms.phrases} wants them. */
export function phraseWords(phrase: string): string[] {
  return tokenize(foldText(phrase));
}
