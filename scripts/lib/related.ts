/**
 * Related entries by text similarity (TF-IDF cosine), computed once at build time. Only candidate pairs are scored:
 * documents that share one of their strongest words, through an inverted index with a bounded list per word, so the
 * time grows with the number of documents, not with the number of pairs.
 */
import { foldText, tokenize } from '../../src/shared/search-options';

const STOP_WORDS = new Set(
  'a an and are as at be by can for from has have in into is it its of on or that the their this to was were which with while we our these those than then using used via new study paper work model models llm llms language large method approach'.split(
    ' ',
  ),
);

/** How many of a document's strongest words find its candidates. */
const SIGNATURE_WORDS = 20;
/** How many documents each word's list keeps, those the word weighs most in: it bounds the candidates of a document. */
const POSTINGS_PER_WORD = 40;
/** How many of the best candidates by the cheap score get an exact cosine. */
const RESCORED = 50;

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

/** The related documents of each document, and how much work finding them took. */
export interface RelatedResult {
  related: Map<string, string[]>;
  /** Candidate pairs considered: at most a fixed number per document, so it grows linearly, never with the pairs. */
  candidatePairs: number;
  /** Pairs whose exact cosine was computed: at most a fixed number per document. */
  scoredPairs: number;
}

/** A document's TF-IDF vector, normalised to length 1: its words shared with another document, by number, and their weights. */
interface Vector {
  words: Int32Array;
  weights: Float64Array;
}

/** The dot product of two vectors, by merging their sorted words. */
function dot(a: Vector, b: Vector): number {
  let score = 0;
  let i = 0;
  let j = 0;
  while (i < a.words.length && j < b.words.length) {
    const wordA = a.words[i] ?? 0;
    const wordB = b.words[j] ?? 0;
    if (wordA === wordB) score += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (wordA < wordB) i += 1;
    else j += 1;
  }
  return score;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `limit` most similar documents of each, best first; ties broken by id so the result is deterministic.
 * Scores are exact cosines; only which pairs get scored is approximate.
 */
export function relatedEntries(documents: readonly RelatedInput[], limit = 5): RelatedResult {
  const wordNumbers = new Map<string, number>();
  const documentFrequency: number[] = [];
  const termCounts = documents.map((document) => {
    const counts = new Map<number, number>();
    for (const word of similarityWords(document.text)) {
      let number = wordNumbers.get(word);
      if (number === undefined) {
        number = wordNumbers.size;
        wordNumbers.set(word, number);
        documentFrequency.push(0);
      }
      counts.set(number, (counts.get(number) ?? 0) + 1);
    }
    for (const number of counts.keys()) documentFrequency[number] = (documentFrequency[number] ?? 0) + 1;
    return counts;
  });
  const total = documents.length;
  const vectors: Vector[] = termCounts.map((counts) => {
    let norm = 0;
    const kept: [number, number][] = [];
    for (const [word, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log(1 + total / (documentFrequency[word] ?? 1));
      norm += weight * weight;
      // A word of one document adds nothing to any pair: it counts for the length only.
      if ((documentFrequency[word] ?? 0) > 1) kept.push([word, weight]);
    }
    // Sorted by word number, so two vectors are multiplied in one merge, without a lookup table the size of the vocabulary.
    kept.sort((a, b) => a[0] - b[0]);
    const length = Math.sqrt(norm) || 1;
    return {
      words: Int32Array.from(kept, ([word]) => word),
      weights: Float64Array.from(kept, ([, weight]) => weight / length),
    };
  });

  // Each document is posted under its strongest words only; a word's list keeps the documents it weighs most in.
  const spelling = [...wordNumbers.keys()];
  const lists = new Map<number, { document: number; weight: number }[]>();
  const signatures = vectors.map((vector, document) => {
    const order = Array.from(vector.words.keys()).sort(
      (a, b) =>
        (vector.weights[b] ?? 0) - (vector.weights[a] ?? 0) ||
        compareText(spelling[vector.words[a] ?? 0] ?? '', spelling[vector.words[b] ?? 0] ?? ''),
    );
    const signature = order.slice(0, SIGNATURE_WORDS);
    for (const k of signature) {
      const word = vector.words[k] ?? 0;
      const posting = { document, weight: vector.weights[k] ?? 0 };
      const list = lists.get(word);
      if (list) list.push(posting);
      else lists.set(word, [posting]);
    }
    return {
      words: Int32Array.from(signature, (k) => vector.words[k] ?? 0),
      weights: Float64Array.from(signature, (k) => vector.weights[k] ?? 0),
    };
  });
  const postings = new Map<number, { documents: Int32Array; weights: Float64Array }>();
  for (const [word, list] of lists) {
    if (list.length > POSTINGS_PER_WORD) list.sort((a, b) => b.weight - a.weight || a.document - b.document);
    const kept = list.slice(0, POSTINGS_PER_WORD);
    postings.set(word, {
      documents: Int32Array.from(kept, (posting) => posting.document),
      weights: Float64Array.from(kept, (posting) => posting.weight),
    });
  }

  const partial = new Float64Array(total);
  const touched: number[] = [];
  const related = new Map<string, string[]>();
  let candidatePairs = 0;
  let scoredPairs = 0;
  documents.forEach((document, i) => {
    const mine = vectors[i];
    const signature = signatures[i];
    if (!mine || !signature) return;
    // A first, cheap score over the signature words picks a few candidates; only those get an exact cosine.
    for (let s = 0; s < signature.words.length; s += 1) {
      const posting = postings.get(signature.words[s] ?? 0);
      if (!posting) continue;
      const weight = signature.weights[s] ?? 0;
      for (let p = 0; p < posting.documents.length; p += 1) {
        const j = posting.documents[p] ?? 0;
        if (partial[j] === 0) touched.push(j);
        partial[j] = (partial[j] ?? 0) + weight * (posting.weights[p] ?? 0);
      }
    }
    candidatePairs += touched.length;
    const best: number[] = [];
    const ahead = (a: number, b: number) =>
      (partial[a] ?? 0) > (partial[b] ?? 0) || ((partial[a] ?? 0) === (partial[b] ?? 0) && a < b);
    for (const j of touched) {
      const other = documents[j];
      if (j === i || !other || (document.group !== null && other.group === document.group)) continue;
      if (best.length === RESCORED) {
        if (!ahead(j, best[RESCORED - 1] ?? 0)) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && ahead(j, best[at - 1] ?? 0)) at -= 1;
      best.splice(at, 0, j);
    }
    for (const j of touched) partial[j] = 0;
    touched.length = 0;

    const scores: { id: string; score: number }[] = [];
    for (const j of best) {
      const theirs = vectors[j];
      const other = documents[j];
      if (!theirs || !other) continue;
      scoredPairs += 1;
      const score = dot(mine, theirs);
      if (score > 0) scores.push({ id: other.id, score: Math.round(score * 1e9) / 1e9 });
    }
    scores.sort((a, b) => b.score - a.score || compareText(a.id, b.id));
    related.set(
      document.id,
      scores.slice(0, limit).map((entry) => entry.id),
    );
  });
  return { related, candidatePairs, scoredPairs };
}
