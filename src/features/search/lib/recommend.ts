/**
 * "For you": unread entries ranked by how alike their text is to the reader's bookmarks (and, if asked, to what they
 * have read), as arxiv-sanity ranks papers by a reader's tags, but on the device. Each entry becomes a TF-IDF vector
 * of its top terms once; a ranking sums the bookmarks' vectors into a profile and scores only the entries that share
 * one of its terms, through an inverted index, so it never compares every pair of entries.
 */
import { TimeSlicer } from '@/features/search/lib/time-slicer';
import type { Entry } from '@/shared/bundle';
import { entryBodyText, processIndexTerm, stemOf, tokenize } from '@/shared/search-options';

/** What the reader has marked: the profile is made of these, and none of them (nor their papers) is suggested. */
export interface RecommendRequest {
  bookmarkedIds: readonly string[];
  /** Entries the reader has read: never suggested; they shape the profile only with {@link includeRead}. */
  readIds: readonly string[];
  includeRead: boolean;
  /** How many suggestions to return at most. */
  limit: number;
}

/** A marked entry a suggestion is like. */
export interface RecommendationReason {
  entryId: string;
  headline: string;
  source: 'bookmark' | 'read';
}

/** One suggested entry, with the (at most two) marked entries it is most like. */
export interface Recommendation {
  entry: Entry;
  /** Cosine similarity to the profile, 0 to 1. */
  score: number;
  reasons: RecommendationReason[];
}

/** The answer to a {@link RecommendRequest}. */
export interface RecommendResponse {
  /** Best first, one entry per paper. */
  suggestions: Recommendation[];
  /** How many more suggestions there are beyond {@link suggestions}. */
  more: number;
  /** How many of the bookmarks and read entries are in the archive and shaped the profile. */
  bookmarks: number;
  read: number;
}

/** Terms kept per entry: enough to describe it, few enough that postings stay short. */
const TERMS_PER_ENTRY = 32;
/** Terms kept in the profile, its heaviest: bounds the postings a ranking walks however much was read. */
const PROFILE_TERMS = 256;
/** How much read entries count in the profile beside the bookmarks, which the reader chose deliberately. */
const READ_SHARE = 0.5;
/** Reasons shown per suggestion. */
const REASONS = 2;
/** Headlines and paper titles name the work: their words count this many times. */
const TITLE_WEIGHT = 2;

/** Words of the newsletter's own boilerplate ("Oct 24, … published a paper"), links and months: alike in every entry. */
const BOILERPLATE: ReadonlySet<string> = new Set(
  (
    'paper papers publish published study work propose proposes introduce introduces present presents new novel ' +
    'approach method methods result results show shows using use used based code available http https www com org ' +
    'github arxiv pdf html abs jan feb mar apr may jun jul aug sep sept oct nov dec uni university'
  ).split(' '),
);

/** The text that describes an entry, its titles repeated so they weigh more. */
function entryText(entry: Entry): string[] {
  const titles = [entry.headline, entry.paper?.title ?? ''];
  return [
    ...Array.from({ length: TITLE_WEIGHT }, () => titles).flat(),
    entry.summary,
    entryBodyText(entry),
    entry.topics.join(' '),
  ];
}

/** An entry's vector: term ids and weights, L2-normalised, heaviest first. */
interface EntryVector {
  terms: Int32Array;
  weights: Float32Array;
}

const EMPTY_VECTOR: EntryVector = { terms: new Int32Array(0), weights: new Float32Array(0) };

/** The Euclidean length of a vector's weights, or 1 for an empty vector (so dividing by it is safe). */
function lengthOf(weights: Iterable<number>): number {
  let sum = 0;
  for (const weight of weights) sum += weight * weight;
  return Math.sqrt(sum) || 1;
}

/** Builds a {@link Recommender} entry by entry: first counting words, then weighting them once all are counted. */
class RecommenderBuilder {
  /** Term id of each word as written, or -1 for words that say nothing about an entry; one look-up per word. */
  private readonly termOfWord = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly documentFrequency: number[] = [];
  /** Counts of the entry being counted, by term id, and the terms it has: reused, so counting allocates little. */
  private readonly scratch: number[] = [];
  private readonly seen: number[] = [];
  /** Per entry, term ids and their counts, until {@link weigh} replaces them with a vector. */
  private readonly counts: { terms: Int32Array; counts: Int32Array }[] = [];
  private readonly vectors: EntryVector[] = [];

  constructor(private readonly entries: readonly Entry[]) {}

  private termOf(word: string): number {
    let id = this.termOfWord.get(word);
    if (id === undefined) {
      const folded = processIndexTerm(word);
      const meaningful = folded !== null && folded.length >= 3 && !/^\d+$/.test(folded) && !BOILERPLATE.has(folded);
      const stem = meaningful ? stemOf(folded) : null;
      if (stem === null || BOILERPLATE.has(stem)) id = -1;
      else {
        id = this.termIds.get(stem);
        if (id === undefined) {
          id = this.termIds.size;
          this.termIds.set(stem, id);
          this.documentFrequency.push(0);
          this.scratch.push(0);
        }
      }
      this.termOfWord.set(word, id);
    }
    return id;
  }

  /** Counts the terms of entry `i`. */
  count(entry: Entry, i: number): void {
    const { scratch, seen } = this;
    for (const text of entryText(entry)) {
      for (const word of tokenize(text)) {
        const id = this.termOf(word);
        if (id < 0) continue;
        if (scratch[id] === 0) seen.push(id);
        scratch[id]!++;
      }
    }
    const terms = Int32Array.from(seen);
    const counts = Int32Array.from(seen, (id) => scratch[id]!);
    for (const id of seen) {
      this.documentFrequency[id]!++;
      scratch[id] = 0;
    }
    seen.length = 0;
    this.counts[i] = { terms, counts };
  }

  /** Turns entry `i`'s counts into its vector of top terms; call once every entry is counted. */
  weigh(i: number): void {
    const { terms, counts } = this.counts[i]!;
    const total = this.entries.length;
    const weighted: { term: number; weight: number }[] = [];
    for (let k = 0; k < terms.length; k++) {
      const frequency = this.documentFrequency[terms[k]!]!;
      // A term of one entry links it to nothing; a term of every entry tells none apart.
      if (frequency < 2) continue;
      const weight = (1 + Math.log(counts[k]!)) * Math.log(total / frequency);
      if (weight > 0) weighted.push({ term: terms[k]!, weight });
    }
    weighted.sort((a, b) => b.weight - a.weight || a.term - b.term);
    const top = weighted.slice(0, TERMS_PER_ENTRY);
    const norm = lengthOf(top.map((term) => term.weight));
    this.vectors[i] = {
      terms: Int32Array.from(top, (term) => term.term),
      weights: Float32Array.from(top, (term) => term.weight / norm),
    };
  }

  /** The recommender over the weighted entries. */
  finish(): Recommender {
    return new Recommender(this.entries, this.vectors, this.termIds.size);
  }
}

/** Ranks entries by similarity to a reader's marked entries. Make one per archive ({@link recommenderFor}). */
export class Recommender {
  private readonly indexOfId = new Map<string, number>();
  /** Each entry's paper as a number: entries of one {@link Entry.paperGroup} share it, others have their own. */
  private readonly paperOf: Int32Array;
  private readonly paperCount: number;
  /** The inverted index, compressed: term t's postings are `postingEntry`/`postingWeight` from `postingStart[t]`. */
  private readonly postingStart: Int32Array;
  private readonly postingEntry: Int32Array;
  private readonly postingWeight: Float32Array;

  /** @internal Built by {@link buildRecommender} or {@link recommenderFor}. */
  constructor(
    private readonly entries: readonly Entry[],
    private readonly vectors: readonly EntryVector[],
    termCount: number,
  ) {
    const paperOfGroup = new Map<string, number>();
    this.paperOf = new Int32Array(entries.length);
    let papers = 0;
    entries.forEach((entry, i) => {
      this.indexOfId.set(entry.id, i);
      let paper = entry.paperGroup === null ? undefined : paperOfGroup.get(entry.paperGroup);
      if (paper === undefined) {
        paper = papers++;
        if (entry.paperGroup !== null) paperOfGroup.set(entry.paperGroup, paper);
      }
      this.paperOf[i] = paper;
    });
    this.paperCount = papers;
    this.postingStart = new Int32Array(termCount + 1);
    for (const vector of vectors) for (const term of vector.terms) this.postingStart[term + 1]!++;
    for (let t = 0; t < termCount; t++) this.postingStart[t + 1]! += this.postingStart[t]!;
    const fill = this.postingStart.slice(0, termCount);
    this.postingEntry = new Int32Array(this.postingStart[termCount]!);
    this.postingWeight = new Float32Array(this.postingStart[termCount]!);
    vectors.forEach((vector, i) => {
      vector.terms.forEach((term, k) => {
        const at = fill[term]!++;
        this.postingEntry[at] = i;
        this.postingWeight[at] = vector.weights[k]!;
      });
    });
  }

  /** Indices of the entries with these ids that the archive has. */
  private indicesOf(ids: readonly string[]): number[] {
    const found = new Set<number>();
    for (const id of ids) {
      const i = this.indexOfId.get(id);
      if (i !== undefined) found.add(i);
    }
    return [...found];
  }

  /** Adds the sum of the entries' vectors, scaled to length `share`, into `profile`. */
  private addProfile(profile: Map<number, number>, indices: readonly number[], share: number) {
    const sum = new Map<number, number>();
    for (const i of indices) {
      const { terms, weights } = this.vectors[i] ?? EMPTY_VECTOR;
      for (let k = 0; k < terms.length; k++) sum.set(terms[k]!, (sum.get(terms[k]!) ?? 0) + weights[k]!);
    }
    const norm = lengthOf(sum.values());
    for (const [term, weight] of sum) profile.set(term, (profile.get(term) ?? 0) + (share * weight) / norm);
  }

  /** The unread, unbookmarked entries most like the marked ones, one per paper, each with why. */
  recommend(request: RecommendRequest): RecommendResponse {
    const bookmarked = this.indicesOf(request.bookmarkedIds);
    const read = this.indicesOf(request.readIds);
    const bookmarkedSet = new Set(bookmarked);
    const sources = request.includeRead ? read.filter((i) => !bookmarkedSet.has(i)) : [];
    const response: RecommendResponse = {
      suggestions: [],
      more: 0,
      bookmarks: bookmarked.length,
      read: sources.length,
    };
    if (bookmarked.length + sources.length === 0) return response;

    // A paper bookmarked or read is not news however another entry retells it.
    // Papers are marked 1 when left out, 2 once suggested.
    const papers = new Uint8Array(this.paperCount);
    for (const i of [...bookmarked, ...read]) papers[this.paperOf[i]!] = 1;
    const profile = new Map<number, number>();
    this.addProfile(profile, bookmarked, 1);
    this.addProfile(profile, sources, bookmarked.length > 0 ? READ_SHARE : 1);
    const terms = [...profile].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, PROFILE_TERMS);
    const profileNorm = lengthOf(terms.map(([, weight]) => weight));

    const scores = new Float32Array(this.entries.length);
    const touched: number[] = [];
    for (const [term, weight] of terms) {
      for (let at = this.postingStart[term]!; at < this.postingStart[term + 1]!; at++) {
        const i = this.postingEntry[at]!;
        if (scores[i] === 0) touched.push(i);
        scores[i]! += (weight / profileNorm) * this.postingWeight[at]!;
      }
    }

    // Ties go to bundle order: the newer issue first.
    const ranked = touched
      .filter((i) => papers[this.paperOf[i]!] === 0)
      .sort((a, b) => scores[b]! - scores[a]! || a - b);
    const chosen: number[] = [];
    let total = 0;
    for (const i of ranked) {
      const paper = this.paperOf[i]!;
      if (papers[paper] !== 0) continue;
      papers[paper] = 2;
      total++;
      if (chosen.length < request.limit) chosen.push(i);
    }
    const reasons = this.reasons(chosen, bookmarked, sources);
    response.suggestions = chosen.map((i, slot) => ({
      entry: this.entries[i]!,
      score: scores[i]!,
      reasons: reasons[slot]!,
    }));
    response.more = total - chosen.length;
    return response;
  }

  /**
   * For each chosen entry, the marked entries it is most like. The chosen entries' terms are inverted once, so each
   * marked entry's vector is read once, however many there are.
   */
  private reasons(
    chosen: readonly number[],
    bookmarked: readonly number[],
    read: readonly number[],
  ): RecommendationReason[][] {
    const slotsOfTerm = new Map<number, { slot: number; weight: number }[]>();
    chosen.forEach((i, slot) => {
      const { terms, weights } = this.vectors[i]!;
      terms.forEach((term, k) => {
        const slots = slotsOfTerm.get(term);
        const posting = { slot, weight: weights[k]! };
        if (slots) slots.push(posting);
        else slotsOfTerm.set(term, [posting]);
      });
    });
    const best = chosen.map(() => [] as { similarity: number; reason: RecommendationReason }[]);
    const consider = (indices: readonly number[], source: RecommendationReason['source'], share: number) => {
      const similarity = new Float32Array(chosen.length);
      for (const i of indices) {
        similarity.fill(0);
        const { terms, weights } = this.vectors[i]!;
        for (let k = 0; k < terms.length; k++) {
          for (const { slot, weight } of slotsOfTerm.get(terms[k]!) ?? []) similarity[slot]! += weight * weights[k]!;
        }
        const entry = this.entries[i]!;
        similarity.forEach((value, slot) => {
          if (value <= 0) return;
          const list = best[slot]!;
          const score = value * share;
          if (list.length === REASONS && score <= list[REASONS - 1]!.similarity) return;
          list.push({ similarity: score, reason: { entryId: entry.id, headline: entry.headline, source } });
          list.sort((a, b) => b.similarity - a.similarity);
          if (list.length > REASONS) list.pop();
        });
      }
    };
    consider(bookmarked, 'bookmark', 1);
    consider(read, 'read', READ_SHARE);
    return best.map((list) => list.map(({ reason }) => reason));
  }
}

/** Builds the recommender at once (tests, benchmarks). */
export function buildRecommender(entries: readonly Entry[]): Recommender {
  const builder = new RecommenderBuilder(entries);
  entries.forEach((entry, i) => builder.count(entry, i));
  entries.forEach((_entry, i) => builder.weigh(i));
  return builder.finish();
}

/** Builds the recommender in time slices, so searches (or input, on the main thread) are answered meanwhile. */
async function buildInSlices(entries: readonly Entry[], sliceMs?: number): Promise<Recommender> {
  const builder = new RecommenderBuilder(entries);
  const slicer = new TimeSlicer(sliceMs);
  await slicer.forEach(entries, (entry, i) => builder.count(entry, i));
  await slicer.forEach(entries, (_entry, i) => builder.weigh(i));
  await slicer.yield();
  return builder.finish();
}

const recommenders = new WeakMap<readonly Entry[], Promise<Recommender>>();

/** The one recommender for an archive's entries: vectors are built once, on the first request, never per ranking. */
export function recommenderFor(entries: readonly Entry[], options: { sliceMs?: number } = {}): Promise<Recommender> {
  let recommender = recommenders.get(entries);
  if (!recommender) {
    recommender = buildInSlices(entries, options.sliceMs);
    recommenders.set(entries, recommender);
  }
  return recommender;
}
