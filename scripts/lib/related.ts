/**
 * Related entries by text similarity (TF-IDF cosine), computed once at build time. Only candidate pairs are scored:
 * documents that share one of their strongest words, through an inverted index with a bounded list per word, so the
 * time grows with the number of documents, not with the number of pairs.
 */
import { foldText } from '../../src/shared/search-options';
import { WordNumbers } from './word-numbers';

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

/** The table itself, or a copy twice as long when `size` does not fit: for tables indexed by word number. */
function grown(table: Int32Array, size: number): Int32Array {
  if (size <= table.length) return table;
  const bigger = new Int32Array(Math.max(size, table.length * 2));
  bigger.set(table);
  return bigger;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `limit` most similar documents of each, best first; ties broken by id so the result is deterministic.
 * Scores are exact cosines; only which pairs get scored is approximate.
 */
export function relatedEntries(documents: readonly RelatedInput[], limit = 5): RelatedResult {
  const total = documents.length;
  // Words are numbered in the order they first occur, which also fixes the order every sum below adds in.
  const wordNumbers = new Map<string, number>();
  // Each distinct token is folded and filtered once: its word number, by token number, or -1 for no similarity word.
  const tokens = new WordNumbers();
  const tokenWords: number[] = [];
  const documentTokens: number[] = [];
  let documentFrequency: Int32Array = new Int32Array(1024);
  let counts: Int32Array = new Int32Array(1024);
  // Each document's distinct words in first-occurrence order, and their counts, back to back.
  const documentWords: number[] = [];
  const documentCounts: number[] = [];
  const documentStarts = new Int32Array(total + 1);
  const seen: number[] = [];
  documents.forEach((document, i) => {
    tokens.scan(document.text, documentTokens);
    for (const token of documentTokens) {
      // Tokens are numbered as they first occur, so words are too, exactly as a pass over the words in order would.
      while (tokenWords.length <= token) {
        // Split and folded as the search index does, so `Montréal` is one word.
        const folded = foldText(tokens.words[tokenWords.length]!);
        let word = -1;
        if (folded.length > 2 && !STOP_WORDS.has(folded)) {
          word = wordNumbers.get(folded) ?? wordNumbers.size;
          if (word === wordNumbers.size) {
            wordNumbers.set(folded, word);
            documentFrequency = grown(documentFrequency, word + 1);
            counts = grown(counts, word + 1);
          }
        }
        tokenWords.push(word);
      }
      const word = tokenWords[token]!;
      if (word < 0) continue;
      if (counts[word] === 0) seen.push(word);
      counts[word]! += 1;
    }
    for (const word of seen) {
      documentWords.push(word);
      documentCounts.push(counts[word]!);
      documentFrequency[word]! += 1;
      counts[word] = 0;
    }
    seen.length = 0;
    documentStarts[i + 1] = documentWords.length;
  });
  const vocabulary = wordNumbers.size;
  const inverseFrequency = new Float64Array(vocabulary);
  for (let word = 0; word < vocabulary; word++) inverseFrequency[word] = Math.log(1 + total / documentFrequency[word]!);

  // Each document's TF-IDF vector, normalised to length 1: its words shared with another document and their weights,
  // back to back in one pair of arrays, so scoring a pair reads two short runs of memory.
  const vectorStarts = new Int32Array(total + 1);
  const vectorWords = new Int32Array(documentWords.length);
  const vectorWeights = new Float64Array(documentWords.length);
  const scratch = new Float64Array(vocabulary);
  const kept: number[] = [];
  for (let i = 0; i < total; i++) {
    let norm = 0;
    for (let at = documentStarts[i]!; at < documentStarts[i + 1]!; at++) {
      const word = documentWords[at]!;
      const weight = (1 + Math.log(documentCounts[at]!)) * inverseFrequency[word]!;
      norm += weight * weight;
      // A word of one document adds nothing to any pair: it counts for the length only.
      if (documentFrequency[word]! > 1) {
        kept.push(word);
        scratch[word] = weight;
      }
    }
    // Sorted by word number, so a pair's dot product adds its shared words in one fixed order.
    const words = Int32Array.from(kept).sort();
    kept.length = 0;
    const length = Math.sqrt(norm) || 1;
    const start = vectorStarts[i]!;
    vectorWords.set(words, start);
    for (let k = 0; k < words.length; k++) vectorWeights[start + k] = scratch[words[k]!]! / length;
    vectorStarts[i + 1] = start + words.length;
  }

  // Each document is posted under its strongest words only; a word's list keeps the documents it weighs most in.
  // Words ranked by spelling once, so ties between equal weights compare two numbers instead of two strings.
  const spelling = [...wordNumbers.keys()];
  const bySpelling = Int32Array.from(spelling.keys()).sort((a, b) => compareText(spelling[a]!, spelling[b]!));
  const spellingRank = new Int32Array(vocabulary);
  bySpelling.forEach((word, rank) => (spellingRank[word] = rank));
  const signatureStarts = new Int32Array(total + 1);
  const signatureWords: number[] = [];
  const signatureWeights: number[] = [];
  const listLengths = new Int32Array(vocabulary);
  const order: number[] = [];
  for (let i = 0; i < total; i++) {
    const start = vectorStarts[i]!;
    for (let at = start; at < vectorStarts[i + 1]!; at++) order.push(at);
    order.sort(
      (a, b) =>
        vectorWeights[b]! - vectorWeights[a]! || spellingRank[vectorWords[a]!]! - spellingRank[vectorWords[b]!]!,
    );
    for (let s = 0; s < Math.min(SIGNATURE_WORDS, order.length); s++) {
      const word = vectorWords[order[s]!]!;
      signatureWords.push(word);
      signatureWeights.push(vectorWeights[order[s]!]!);
      listLengths[word]! += 1;
    }
    order.length = 0;
    signatureStarts[i + 1] = signatureWords.length;
  }
  // Every word's list, back to back, in document order; then the long ones cut to their strongest documents.
  const listStarts = new Int32Array(vocabulary + 1);
  for (let word = 0; word < vocabulary; word++) listStarts[word + 1] = listStarts[word]! + listLengths[word]!;
  const postedDocuments = new Int32Array(signatureWords.length);
  const postedWeights = new Float64Array(signatureWords.length);
  const filled = listStarts.slice(0, vocabulary);
  for (let i = 0; i < total; i++) {
    for (let s = signatureStarts[i]!; s < signatureStarts[i + 1]!; s++) {
      const at = filled[signatureWords[s]!]!++;
      postedDocuments[at] = i;
      postedWeights[at] = signatureWeights[s]!;
    }
  }
  for (let word = 0; word < vocabulary; word++) {
    if (listLengths[word]! <= POSTINGS_PER_WORD) continue;
    const start = listStarts[word]!;
    const list = Array.from({ length: listLengths[word]! }, (_, p) => start + p).sort(
      (a, b) => postedWeights[b]! - postedWeights[a]! || postedDocuments[a]! - postedDocuments[b]!,
    );
    const documentsKept = Int32Array.from(list.slice(0, POSTINGS_PER_WORD), (at) => postedDocuments[at]!);
    const weightsKept = Float64Array.from(list.slice(0, POSTINGS_PER_WORD), (at) => postedWeights[at]!);
    postedDocuments.set(documentsKept, start);
    postedWeights.set(weightsKept, start);
    listLengths[word] = POSTINGS_PER_WORD;
  }

  const partial = new Float64Array(total);
  const touched: number[] = [];
  const best = new Int32Array(RESCORED);
  // The current document's weights by word number: a pair's dot product is then one pass over the other's words.
  const mine = new Float64Array(vocabulary);
  const related = new Map<string, string[]>();
  let candidatePairs = 0;
  let scoredPairs = 0;
  for (let i = 0; i < total; i++) {
    const document = documents[i]!;
    // A first, cheap score over the signature words picks a few candidates; only those get an exact cosine.
    for (let s = signatureStarts[i]!; s < signatureStarts[i + 1]!; s++) {
      const word = signatureWords[s]!;
      const weight = signatureWeights[s]!;
      const end = listStarts[word]! + listLengths[word]!;
      for (let p = listStarts[word]!; p < end; p++) {
        const j = postedDocuments[p]!;
        if (partial[j] === 0) touched.push(j);
        partial[j] = partial[j]! + weight * postedWeights[p]!;
      }
    }
    candidatePairs += touched.length;
    // The best candidates so far in a heap whose root is the weakest of them; ties go to the lower document number.
    let size = 0;
    for (const j of touched) {
      if (j === i || (document.group !== null && documents[j]!.group === document.group)) continue;
      const score = partial[j]!;
      let at: number;
      if (size < RESCORED) {
        at = size++;
        while (at > 0) {
          const up = (at - 1) >> 1;
          const parent = best[up]!;
          if (!(partial[parent]! > score || (partial[parent] === score && parent < j))) break;
          best[at] = parent;
          at = up;
        }
      } else {
        const weakest = best[0]!;
        if (!(score > partial[weakest]! || (score === partial[weakest] && j < weakest))) continue;
        at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= size) break;
          const right = child + 1;
          if (right < size && weaker(best[right]!, best[child]!, partial)) child = right;
          if (!weaker(best[child]!, j, partial)) break;
          best[at] = best[child]!;
          at = child;
        }
      }
      best[at] = j;
    }
    for (const j of touched) partial[j] = 0;
    touched.length = 0;

    const mineStart = vectorStarts[i]!;
    const mineEnd = vectorStarts[i + 1]!;
    for (let k = mineStart; k < mineEnd; k++) mine[vectorWords[k]!] = vectorWeights[k]!;
    const scores: { id: string; score: number }[] = [];
    for (let b = 0; b < size; b++) {
      const j = best[b]!;
      scoredPairs += 1;
      // Words this document lacks add 0 × weight = +0, so the sum is the one a merge of the two word lists makes.
      let score = 0;
      for (let k = vectorStarts[j]!; k < vectorStarts[j + 1]!; k++) score += mine[vectorWords[k]!]! * vectorWeights[k]!;
      if (score > 0) scores.push({ id: documents[j]!.id, score: Math.round(score * 1e9) / 1e9 });
    }
    for (let k = mineStart; k < mineEnd; k++) mine[vectorWords[k]!] = 0;
    scores.sort((a, b) => b.score - a.score || compareText(a.id, b.id));
    related.set(
      document.id,
      scores.slice(0, limit).map((entry) => entry.id),
    );
  }
  return { related, candidatePairs, scoredPairs };
}

/** Whether candidate `a` ranks below `b`: a lower partial score, or the same and a higher document number. */
function weaker(a: number, b: number, partial: Float64Array): boolean {
  return partial[a]! < partial[b]! || (partial[a] === partial[b] && a > b);
}
