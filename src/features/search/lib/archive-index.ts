/**
 * The archive's MiniSearch index, with a fast path for search-as-you-type.
 *
 * MiniSearch's `search()` builds a result object per matching document and sorts them; for a common word in a
 * 10,000-entry archive that alone takes tens of milliseconds. This subclass reads the index through the `protected`
 * members MiniSearch declares for subclasses (their layout is internal, hence minisearch pinned to 7.2.0) and hands
 * each posting to a visitor, scored with MiniSearch's own BM25+ formula, field boosts and prefix/fuzzy weights, so
 * ranking matches `search()`.
 */
import MiniSearch, { type BM25Params } from 'minisearch';
import {
  FIELD_BOOSTS,
  MAX_FUZZY,
  SEARCH_FIELDS,
  searchIndexOptions,
  type SearchDocument,
  type SearchField,
} from '@/shared/search-options';

/** How a query word is matched. */
export interface WordMatch {
  prefix: boolean;
  /** Fraction of the word's length allowed as edits, or false. */
  fuzzy: number | false;
}

/** Called for each (document, field) posting of a matched term, with its weighted BM25+ score and the field's bit ({@link FIELD_BIT}). */
export type PostingVisitor = (documentId: number, score: number, fieldBit: number) => void;

type FieldTermData = Map<number, Map<number, number>>;

/** Bit of each field, for compact "where it matched" masks. */
export const FIELD_BIT: Readonly<Record<SearchField, number>> = Object.fromEntries(
  SEARCH_FIELDS.map((field, i) => [field, 1 << i]),
) as Record<SearchField, number>;

/** A MiniSearch index over {@link SearchDocument}s, configured by the shared search options. */
export class ArchiveIndex extends MiniSearch<SearchDocument> {
  /** Document id of each MiniSearch short id. */
  private documentOfShortId: Int32Array;
  /** Field lengths by short id × field, mirrored from `_fieldLength` to avoid a map look-up per posting. */
  private lengths: Float32Array;
  private readonly fieldCount = SEARCH_FIELDS.length;
  /** Prefix and fuzzy match weights and BM25+ parameters, read from the options `search()` itself uses. */
  private readonly weights: { prefix: number; fuzzy: number };
  private readonly bm25: BM25Params;

  /** `capacity`: how many documents will be added (grows if exceeded). */
  constructor(capacity: number) {
    super(searchIndexOptions);
    this.weights = this._options.searchOptions.weights;
    this.bm25 = this._options.searchOptions.bm25;
    this.documentOfShortId = new Int32Array(Math.max(1, capacity));
    this.lengths = new Float32Array(Math.max(1, capacity) * this.fieldCount);
  }

  /** Adds a document and records what the fast path needs about it. */
  addDocument(document: SearchDocument): void {
    this.add(document);
    const shortId = this._idToShortId.get(document.id)!;
    if (shortId >= this.documentOfShortId.length) {
      const grownIds = new Int32Array(shortId * 2 + 1);
      grownIds.set(this.documentOfShortId);
      this.documentOfShortId = grownIds;
      const grownLengths = new Float32Array(grownIds.length * this.fieldCount);
      grownLengths.set(this.lengths);
      this.lengths = grownLengths;
    }
    this.documentOfShortId[shortId] = document.id;
    const lengths = this._fieldLength.get(shortId) ?? [];
    SEARCH_FIELDS.forEach((field) => {
      const fieldId = this._fieldIds[field]!;
      this.lengths[shortId * this.fieldCount + fieldId] = lengths[fieldId] ?? 0;
    });
  }

  /** The index terms a query word stands for, each with its weight (1 exact, less for prefix and fuzzy matches). */
  expand(term: string, match: WordMatch): { term: string; weight: number; data: FieldTermData }[] {
    const expansions: { term: string; weight: number; data: FieldTermData }[] = [];
    const exact = this._index.get(term);
    if (exact) expansions.push({ term, weight: 1, data: exact });
    const seen = new Set<string>([term]);
    if (match.prefix) {
      for (const [candidate, data] of this._index.atPrefix(term)) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const distance = candidate.length - term.length;
        expansions.push({
          term: candidate,
          weight: (this.weights.prefix * candidate.length) / (candidate.length + 0.3 * distance),
          data,
        });
      }
    }
    if (match.fuzzy) {
      const maxDistance = Math.min(MAX_FUZZY, Math.round(term.length * match.fuzzy));
      if (maxDistance > 0) {
        for (const [candidate, [data, distance]] of this._index.fuzzyGet(term, maxDistance)) {
          if (seen.has(candidate) || distance === 0) continue;
          seen.add(candidate);
          expansions.push({
            term: candidate,
            weight: (this.weights.fuzzy * candidate.length) / (candidate.length + distance),
            data,
          });
        }
      }
    }
    return expansions;
  }

  /**
   * Visits every posting of the index terms matching `term`, scored as MiniSearch scores them.
   * Returns the index terms that matched, for highlighting.
   */
  visitPostings(term: string, match: WordMatch, visit: PostingVisitor): string[] {
    const expansions = this.expand(term, match);
    const documentCount = this._documentCount;
    const { k, b, d } = this.bm25;
    for (const { weight, data } of expansions) {
      for (const field of SEARCH_FIELDS) {
        const fieldId = this._fieldIds[field]!;
        const postings = data.get(fieldId);
        if (!postings) continue;
        const matching = postings.size;
        const inverseDocumentFrequency = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        const averageLength = this._avgFieldLength[fieldId] || 1;
        const boost = weight * FIELD_BOOSTS[field];
        const bit = FIELD_BIT[field];
        for (const [shortId, frequency] of postings) {
          const length = this.lengths[shortId * this.fieldCount + fieldId]!;
          const bm25 =
            inverseDocumentFrequency *
            (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength)));
          visit(this.documentOfShortId[shortId]!, boost * bm25, bit);
        }
      }
    }
    return expansions.map((expansion) => expansion.term);
  }
}
