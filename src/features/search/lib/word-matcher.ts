/** The text step of a search: entries that match every query word, with their scores and the fields that matched. */
import type { ArchiveIndex } from '@/features/search/lib/archive-index';
import type { QueryWord } from '@/features/search/lib/query-plan';
import { entryOfDocument, fuzzinessFor, prefixMatches, processIndexTerm } from '@/shared/search-options';

/** Entries matching every word, and the index terms that matched (for highlighting). */
export interface WordMatches {
  entries: number[];
  matchedTerms: Set<string>;
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

  /** Entries matching every word: the last word being typed as a prefix, finished words also with a typo. */
  match(words: readonly QueryWord[]): WordMatches {
    this.reset();
    const matchedTerms = new Set<string>();
    words.forEach((word, k) => {
      const match = {
        prefix: word.isLast && prefixMatches(word.term),
        fuzzy: word.exact ? false : fuzzinessFor(word.term),
      };
      const terms = this.index.visitPostings(word.term, match, (documentId, score, fieldBit) =>
        this.record(entryOfDocument(documentId), k, score, fieldBit),
      );
      for (const term of terms) matchedTerms.add(term);
    });
    return { entries: this.touched.filter((i) => this.wordHits[i] === words.length), matchedTerms };
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
    for (const i of this.touched) {
      this.scoreOf[i] = 0;
      this.fieldMask[i] = 0;
      this.wordHits[i] = 0;
      this.lastWord[i] = -1;
    }
    this.touched.length = 0;
  }
}
