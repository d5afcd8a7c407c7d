/**
 * The archive's MiniSearch index, with a fast path for search-as-you-type.
 *
 * MiniSearch's `search()` builds a result object per matching document and sorts them; for a common word in a
 * 10,000-entry archive that alone takes tens of milliseconds. This subclass reads the index through the `protected`
 * members MiniSearch declares for subclasses (their layout is internal, hence minisearch pinned to 7.2.0) and hands
 * each posting to a visitor, scored with MiniSearch's own BM25+ formula, field boosts and prefix/fuzzy weights, so
 * ranking matches `search()`. It also finds a query word's other forms (same stem) and respells a word the archive
 * lacks ({@link ArchiveIndex.respell}), both from the index's own vocabulary.
 */
import MiniSearch, { type BM25Params } from 'minisearch';
import { closeTerms, typoDistance } from '@/features/search/lib/close-terms';
import {
  FIELD_BOOSTS,
  MAX_FUZZY,
  SEARCH_FIELDS,
  searchIndexOptions,
  STEM_WEIGHT,
  stemOf,
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

/**
 * Shortest word being typed whose other forms are looked up, and shortest stem whose beginnings it also matches:
 * shorter ones ("new" for "news") begin too many words.
 */
export const MIN_STEM_PREFIX = 4;

/** The first letters all forms of a stem begin with: the stemmer only changes a word's last letters. */
export const stemBeginning = (stem: string): string => (stem.length > 2 ? stem.slice(0, -1) : stem);

/** MiniSearch's weight for `candidate` matched as a beginning of `term`, from its prefix weight. */
export function prefixMatchWeight(prefixWeight: number, candidate: string, term: string): number {
  const distance = Math.abs(candidate.length - term.length);
  return (prefixWeight * candidate.length) / (candidate.length + 0.3 * distance);
}

/** An index term a query word stands for, with its weight (1 exact, less for other forms, beginnings and typos). */
export interface Expansion {
  term: string;
  weight: number;
  data: FieldTermData;
}

/** How a query word is expanded into index terms by {@link ArchiveIndex.expandWord}. */
export interface WordForms {
  /** Also every term that begins with the word (it is being typed). */
  prefix: boolean;
  /** Also every term with the same stem ("transformers" for "transformer"). */
  stems: boolean;
  /** Multiplies every weight; below 1 for a respelt word. */
  scale?: number;
}

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
  /** Stem families and respellings already worked out, valid while the document count is {@link cachedAt}. */
  private families = new Map<string, readonly string[]>();
  private corrections = new Map<string, readonly string[]>();
  private cachedAt = -1;

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
  expand(term: string, match: WordMatch): Expansion[] {
    const expansions: Expansion[] = [];
    const exact = this._index.get(term);
    if (exact) expansions.push({ term, weight: 1, data: exact });
    const seen = new Set<string>([term]);
    if (match.prefix) {
      for (const [candidate, data] of this._index.atPrefix(term)) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        expansions.push({ term: candidate, weight: prefixMatchWeight(this.weights.prefix, candidate, term), data });
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
   * The index terms a query word stands for: the word itself, its other forms (same stem), and the terms it begins when
   * it is being typed; each term once, at its best weight. Empty when the archive has no such word.
   */
  expandWord(term: string, forms: WordForms): Expansion[] {
    const scale = forms.scale ?? 1;
    const weights = new Map<string, number>();
    const offer = (candidate: string, weight: number) => {
      if (weight > (weights.get(candidate) ?? 0)) weights.set(candidate, weight);
    };
    // A short word being typed is matched by its beginning alone: its forms begin with it or are not worth the look-up.
    const stems = forms.stems && !(forms.prefix && term.length < MIN_STEM_PREFIX);
    const stem = stems ? stemOf(term) : term;
    if (this._index.has(term)) offer(term, 1);
    for (const form of stems ? this.stemFamily(stem) : []) offer(form, form === term ? 1 : STEM_WEIGHT);
    if (forms.prefix) {
      const prefixWeight = (candidate: string) => prefixMatchWeight(this.weights.prefix, candidate, term);
      for (const candidate of this._index.atPrefix(term).keys()) offer(candidate, prefixWeight(candidate));
      // A word being typed begins what its other forms begin too, so "transformers" finds what "transformer" does.
      if (stem !== term && stem.length >= MIN_STEM_PREFIX && term.startsWith(stem)) {
        for (const candidate of this._index.atPrefix(stem).keys())
          offer(candidate, prefixWeight(candidate) * STEM_WEIGHT);
      }
    }
    const expansions: Expansion[] = [];
    for (const [candidate, weight] of weights) {
      const data = this._index.get(candidate);
      if (data) expansions.push({ term: candidate, weight: weight * scale, data });
    }
    return expansions;
  }

  /** Forgets what was worked out from the vocabulary when documents have been added since. */
  private cache(): { families: Map<string, readonly string[]>; corrections: Map<string, readonly string[]> } {
    if (this.cachedAt !== this._documentCount) {
      this.families = new Map();
      this.corrections = new Map();
      this.cachedAt = this._documentCount;
    }
    return { families: this.families, corrections: this.corrections };
  }

  /**
   * The indexed terms whose stem is `stem`: the forms of one word. Stems are worked out at query time, for the few
   * terms that can have this one, so indexing pays nothing for them: the stemmer only ever changes a word's last
   * letters, so every form begins with the stem less its last letter (`happ…` for `happi`, from `happy`).
   */
  private stemFamily(stem: string): readonly string[] {
    const { families } = this.cache();
    let family = families.get(stem);
    if (!family) {
      // Words of two letters are never stemmed, so a stem of two letters has both of its words' first letters.
      const beginning = stemBeginning(stem);
      family = [...this._index.atPrefix(beginning).keys()].filter((term) => stemOf(term) === stem);
      families.set(stem, family);
    }
    return family;
  }

  /** Whether the archive has the word, one of its forms, or (when it is being typed) a word it begins. */
  knows(term: string, forms: Omit<WordForms, 'scale'>): boolean {
    return this.expandWord(term, forms).length > 0;
  }

  /** In how many documents (counting each field) a term occurs: how common a spelling is. */
  documentFrequency(term: string): number {
    let count = 0;
    for (const postings of this._index.get(term)?.values() ?? []) count += postings.size;
    return count;
  }

  /** The weight of a respelt word's terms, relative to the word typed: MiniSearch's own fuzzy weight. */
  get respeltWeight(): number {
    return this.weights.fuzzy;
  }

  /**
   * The archive's spellings within `maxDistance` typos of `term`, most likely first: fewest typos, then the same first
   * letter (typos rarely hit it), then the most common, then alphabetical. With `prefix`, each is the beginning of an
   * indexed term that comes closest to the word being typed ("transfor" for "transfro"), so it is searched as a
   * beginning again. At most `limit`; each answer is kept until the index grows.
   */
  respell(term: string, maxDistance: number, prefix: boolean, limit = 1): readonly string[] {
    const key = `${maxDistance}${prefix ? 'p' : 'w'}${limit}:${term}`;
    const { corrections } = this.cache();
    const cached = corrections.get(key);
    if (cached) return cached;
    const close = closeTerms(this._index._tree, term, maxDistance, prefix);
    const ranked = [...close]
      .map(([candidate, distance]) => ({
        candidate,
        distance,
        sameStart: candidate[0] === term[0] ? 0 : 1,
        frequency: this.documentFrequency(candidate),
      }))
      .sort(
        (a, b) =>
          a.distance - b.distance ||
          a.sameStart - b.sameStart ||
          b.frequency - a.frequency ||
          (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0),
      );
    const spellings: string[] = [];
    for (const { candidate, distance } of ranked) {
      const spelling = prefix ? closestBeginning(term, candidate, distance) : candidate;
      if (!spellings.includes(spelling)) spellings.push(spelling);
      if (spellings.length >= limit) break;
    }
    corrections.set(key, spellings);
    return spellings;
  }

  /** Visits every posting of the given index terms, scored as MiniSearch scores them. */
  visitExpansions(expansions: readonly Expansion[], visit: PostingVisitor): void {
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
  }

  /**
   * Visits every posting of the index terms matching `term`, scored as MiniSearch scores them.
   * Returns the index terms that matched, for highlighting.
   */
  visitPostings(term: string, match: WordMatch, visit: PostingVisitor): string[] {
    const expansions = this.expand(term, match);
    this.visitExpansions(expansions, visit);
    return expansions.map((expansion) => expansion.term);
  }
}

/** The longest beginning of `candidate` that is `distance` typos from `typed`: what a half-typed word most likely is. */
function closestBeginning(typed: string, candidate: string, distance: number): string {
  for (let length = candidate.length; length > 0; length--) {
    const beginning = candidate.slice(0, length);
    if (typoDistance(typed, beginning) === distance) return beginning;
  }
  return candidate;
}
