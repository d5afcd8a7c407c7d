/** The filter step of a search: exclusions, exact phrases and `org:`/`topic:`/`issue:` filters written in the query. */
import type { FacetTable } from '@/features/search/lib/facets';
import { phraseWords } from '@/features/search/lib/highlight';
import type { QueryFilter } from '@/features/search/lib/query-parser';
import { foldText, tokenize } from '@/shared/search-options';

/** Whether entry `i` (an index into the bundle's entries) passes. */
export type EntryTest = (i: number) => boolean;

/** Folded words joined by single spaces, with a space before, so `includes(' ' + word)` finds word beginnings. */
const foldedWords = (text: string) => ` ${tokenize(foldText(text)).join(' ')}`;

/** Whether any value of `table` that entry `i` has is marked in `accepted`. */
function hasAcceptedValue(table: FacetTable, accepted: Uint8Array, i: number): boolean {
  for (let k = table.offsets[i]!; k < table.offsets[i + 1]!; k++) {
    if (accepted[table.valueIds[k]!]) return true;
  }
  return false;
}

/** One query filter as a test. It matches whole words or word beginnings: `org:maryland` finds "University of Maryland", `issue:2024-10` every October issue. */
function queryFilterTest(tables: readonly FacetTable[], filter: QueryFilter): EntryTest {
  const wanted = foldedWords(filter.value);
  const table = tables.find((candidate) => candidate.key === filter.field)!;
  const accepted = new Uint8Array(table.values.length);
  table.values.forEach((value, id) => {
    const names = filter.field === 'issue' ? [value, table.labels[id] ?? ''] : [value];
    if (names.some((name) => foldedWords(name).includes(wanted))) accepted[id] = 1;
  });
  return (i) => hasAcceptedValue(table, accepted, i) !== filter.negated;
}

/**
 * A test for required and excluded phrases against each entry's folded text (`textOf`, words joined by single spaces
 * and wrapped in spaces), or null when there are none.
 */
function phraseTest(
  required: readonly (readonly string[])[],
  excluded: readonly string[],
  textOf: (i: number) => string,
): EntryTest | null {
  if (required.length === 0 && excluded.length === 0) return null;
  const requiredText = required.map((phrase) => ` ${phrase.join(' ')} `);
  const excludedText = excluded.map((phrase) => ` ${phraseWords(phrase).join(' ')} `);
  return (i) => {
    const text = textOf(i);
    return (
      requiredText.every((phrase) => text.includes(phrase)) && !excludedText.some((phrase) => text.includes(phrase))
    );
  };
}

/** What the filter step needs to know. */
export interface CandidateFilters {
  /** Entries holding an excluded word. */
  excluded: ReadonlySet<number>;
  filters: readonly QueryFilter[];
  /** Required phrases as folded words. */
  phrases: readonly (readonly string[])[];
  excludedPhrases: readonly string[];
}

/** Keeps the candidates that pass every exclusion, query filter and phrase, in their order. */
export function filterCandidates(
  candidates: number[],
  { excluded, filters, phrases, excludedPhrases }: CandidateFilters,
  tables: readonly FacetTable[],
  textOf: (i: number) => string,
): number[] {
  const tests: EntryTest[] = filters.map((filter) => queryFilterTest(tables, filter));
  const phrasesPass = phraseTest(phrases, excludedPhrases, textOf);
  // The phrase test reads the full text, so it runs last, on the few entries that passed everything else.
  if (phrasesPass) tests.push(phrasesPass);
  if (excluded.size === 0 && tests.length === 0) return candidates;
  return candidates.filter((i) => !excluded.has(i) && tests.every((test) => test(i)));
}
