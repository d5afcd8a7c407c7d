/** Related entries by text similarity (TF-IDF cosine), computed once at build time. */
import { foldText, tokenize } from '../../src/shared/search-options';

const STOP_WORDS = new Set(
  'a an and are as at be by can for from has have in into is it its of on or that the their this to was were which with while we our these those than then using used via new study paper work model models llm llms language large method approach'.split(' '),
);

/** The words that count for similarity, split and folded as the search index does, so `Montréal` is one word. */
function similarityWords(text: string): string[] {
  return tokenize(text)
    .map(foldText)
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word));
}

/** A document to compare: an id and its text. */
export interface RelatedInput {
  id: string;
  text: string;
  /** Documents of the same non-null group (entries about one paper) are never offered for each other. */
  group: string | null;
}

/** The `limit` most similar documents of each, best first; ties broken by id so the result is deterministic. */
export function relatedEntries(documents: readonly RelatedInput[], limit = 5): Map<string, string[]> {
  const documentFrequency = new Map<string, number>();
  const termCounts = documents.map((document) => {
    const counts = new Map<string, number>();
    for (const word of similarityWords(document.text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const word of counts.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    return counts;
  });
  const total = documents.length;
  const vectors = termCounts.map((counts) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [word, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log(1 + total / (documentFrequency.get(word) ?? 1));
      vector.set(word, weight);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm) || 1;
    for (const [word, weight] of vector) vector.set(word, weight / length);
    return vector;
  });
  const result = new Map<string, string[]>();
  documents.forEach((document, i) => {
    const mine = vectors[i] ?? new Map<string, number>();
    const scores: { id: string; score: number }[] = [];
    documents.forEach((other, j) => {
      if (other.id === document.id || (document.group !== null && other.group === document.group)) return;
      const theirs = vectors[j] ?? new Map<string, number>();
      let score = 0;
      for (const [word, weight] of mine) score += weight * (theirs.get(word) ?? 0);
      if (score > 0) scores.push({ id: other.id, score: Math.round(score * 1e9) / 1e9 });
    });
    scores.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    result.set(document.id, scores.slice(0, limit).map((entry) => entry.id));
  });
  return result;
}
