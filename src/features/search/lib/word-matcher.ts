/**
 * The text step of a search: entries that match every query word, with their scores and the fields that matched.
 * A word matches its own form, its other forms (same stem) and, while it is being typed, the words it begins. Only a
 * word the archive does not have at all is respelt, to the spelling it most likely is, so a real word ("mixtral") is
 * never fuzzed into another ("pixtral"), and the page can say what it searched for instead.
 */
import type { ArchiveIndex, Expansion } from '@/features/search/lib/archive-index';
import type { QueryWord } from '@/features/search/lib/query-plan';
import { correctionDistance, entryOfDocument, prefixMatches, processIndexTerm } from '@/shared/search-options';

/** Entries matching every word, and the index terms that matched (for highlighting). */
export interface WordMatches {
  entries: number[];
  matchedTerms: Set<string>;
  /** Each query word (folded) that the archive lacks, with the spelling searched instead. */
  corrections: Map<string, string>;
}

/** How {@link WordMatcher.match} may treat words. */
export interface MatchOptions {
  /** Respell words the archive lacks; off while only titles are indexed, since the word may be in a body. */
  respell: boolean;
}

/**
 * Matches query words against an index of `size` entries. Scores and field masks live in typed arrays reused by every
 * search and reset only where the last search wrote, so a keystroke allocates little.
 */
export class WordMatcher {
  private readonly scoreOf: Float64Array;
  private readonly fieldMask: Uint8Array;
  /** How many of the words, in order, each entry has matched so far. */
  private readonly wordHits: Uint8Array;
  /** The last word each entry matched, so several postings of one word count once. */
  private readonly lastWord: Int16Array;
  private touched: number[] = [];
  /** Entries given a score outside {@link match} ({@link boost}). */
  private boosted: number[] = [];

  constructor(
    private readonly index: ArchiveIndex,
    size: number,
  ) {
    this.scoreOf = new Float64Array(size);
    this.fieldMask = new Uint8Array(size);
    this.wordHits = new Uint8Array(size);
    this.lastWord = new Int16Array(size).fill(-1);
  }

  /** Scores of the last {@link match}, by entry. */
  get scores(): Float64Array {
    return this.scoreOf;
  }

  /** Bits ({@link FIELD_BIT}) of the fields where entry `i` matched in the last {@link match}. */
  fieldsOf(i: number): number {
    return this.fieldMask[i]!;
  }

  /** The index terms a word stands for, and the spelling searched instead when the archive lacks it. */
  expand(word: QueryWord, { respell }: MatchOptions): { expansions: Expansion[]; correction: string | null } {
    const prefix = word.isLast && prefixMatches(word.term);
    // Words of a phrase are matched exactly: the phrase test reads the text as written.
    const forms = { prefix: prefix && !word.exact, stems: !word.exact };
    const expansions = this.index.expandWord(word.term, forms);
    const maxDistance = correctionDistance(word.term);
    if (expansions.length > 0 || word.exact || !respell || maxDistance === 0) return { expansions, correction: null };
    const [correction] = this.index.respell(word.term, maxDistance, forms.prefix);
    if (correction === undefined) return { expansions, correction: null };
    return {
      expansions: this.index.expandWord(correction, { ...forms, scale: this.index.respeltWeight }),
      correction,
    };
  }

  /** Entries matching every word: as written, in another form, as a beginning while typed, or respelt. */
  match(words: readonly QueryWord[], options: MatchOptions): WordMatches {
    this.reset();
    const matchedTerms = new Set<string>();
    const corrections = new Map<string, string>();
    words.forEach((word, k) => {
      const { expansions, correction } = this.expand(word, options);
      if (correction !== null) corrections.set(word.term, correction);
      this.index.visitExpansions(expansions, (documentId, score, fieldBit) =>
        this.record(entryOfDocument(documentId), k, score, fieldBit),
      );
      for (const expansion of expansions) matchedTerms.add(expansion.term);
    });
    return { entries: this.touched.filter((i) => this.wordHits[i] === words.length), matchedTerms, corrections };
  }

  /** Whether some entry matches every word (with the same rules as {@link match}), without disturbing its scores. */
  anyMatch(words: readonly QueryWord[], options: MatchOptions): boolean {
    let candidates: Set<number> | null = null;
    for (const word of words) {
      const next = new Set<number>();
      this.index.visitExpansions(this.expand(word, options).expansions, (documentId) => {
        const i = entryOfDocument(documentId);
        if (!candidates || candidates.has(i)) next.add(i);
      });
      if (next.size === 0) return false;
      candidates = next;
    }
    return candidates !== null;
  }

  /** Adds `amount` to entry `i`'s score in the last {@link match}, for a match found outside the text (an identifier). */
  boost(i: number, amount: number): void {
    this.boosted.push(i);
    this.scoreOf[i]! += amount;
  }

  /** Entries that contain any of the excluded words, exactly. */
  excluded(words: readonly string[]): Set<number> {
    const excluded = new Set<number>();
    for (const word of words) {
      const term = processIndexTerm(word);
      if (term)
        this.index.visitPostings(term, { prefix: false, fuzzy: false }, (documentId) =>
          excluded.add(entryOfDocument(documentId)),
        );
    }
    return excluded;
  }

  /** Counts a posting of word `k` for entry `i`, unless the entry already missed an earlier word. */
  private record(i: number, k: number, score: number, fieldBit: number) {
    if (this.lastWord[i] !== k) {
      if (k === 0) {
        if (this.wordHits[i] === 0) this.touched.push(i);
        this.wordHits[i] = 1;
      } else if (this.wordHits[i] === k) {
        this.wordHits[i] = k + 1;
      } else {
        return;
      }
      this.lastWord[i] = k;
    }
    this.scoreOf[i]! += score;
    this.fieldMask[i]! |= fieldBit;
  }

  private reset() {
    for (const written of [this.touched, this.boosted]) {
      for (const i of written) {
        this.scoreOf[i] = 0;
        this.fieldMask[i] = 0;
        this.wordHits[i] = 0;
        this.lastWord[i] = -1;
      }
      written.length = 0;
    }
  }
}
