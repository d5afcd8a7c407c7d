/** The first step of a search: which words to ask the index for, and what to highlight in the results. */
import type { HighlightTerms } from '@/features/search/lib/highlight';
import { phraseWords } from '@/features/search/lib/highlight';
import type { ParsedQuery } from '@/features/search/lib/query-parser';
import { foldText, prefixMatches, STOP_WORDS } from '@/shared/search-options';

/** A word of the query as the index is asked for it. */
export interface QueryWord {
  /** Folded. */
  term: string;
  /** The word being typed: matched as a prefix. */
  isLast: boolean;
  /** Part of a phrase: no typo tolerance. */
  exact: boolean;
}

/** The words of a parsed query, ready for the index. */
export interface QueryPlan {
  /** Words every result must match, without stop words or repeats. */
  words: QueryWord[];
  /** The folded word being typed, when it is long enough to narrow anything. */
  prefixes: string[];
  /** Each required phrase as folded words. */
  phrases: string[][];
}

/** Plans a query: folds its words, drops stop words and repeats, and adds the words of its phrases as exact words. */
export function planQuery(parsed: ParsedQuery): QueryPlan {
  const words: QueryWord[] = [];
  const prefixes: string[] = [];
  const lastIndex = parsed.words.length - 1;
  parsed.words.forEach((word, k) => {
    const term = foldText(word);
    const isLast = k === lastIndex && parsed.partialWord !== null;
    if (isLast) {
      // A single letter being typed narrows nothing yet; wait for the next one.
      if (!prefixMatches(term)) return;
      prefixes.push(term);
    } else if (STOP_WORDS.has(term)) return;
    if (!words.some((existing) => existing.term === term && !existing.isLast))
      words.push({ term, isLast, exact: false });
  });
  const phrases = parsed.phrases.map(phraseWords).filter((phrase) => phrase.length > 0);
  for (const term of phrases.flat()) {
    if (!STOP_WORDS.has(term) && !words.some((existing) => existing.term === term))
      words.push({ term, isLast: false, exact: true });
  }
  return { words, prefixes, phrases };
}

/**
 * What to mark in results: the index terms that matched (other forms and respellings included), the finished words,
 * the word being typed (as respelt, if it was) and the phrases.
 */
export function highlightTermsFor(
  plan: QueryPlan,
  matchedTerms: Iterable<string>,
  corrections: ReadonlyMap<string, string> = new Map(),
): HighlightTerms {
  const finished = plan.words.filter((word) => !word.isLast).map((word) => word.term);
  return {
    terms: new Set([...matchedTerms, ...finished]),
    prefixes: plan.prefixes.map((prefix) => corrections.get(prefix) ?? prefix),
    phrases: plan.phrases,
  };
}
