/**
 * Splits text into words exactly as `tokenize` in src/shared/search-options.ts does, numbering each distinct word, for
 * build steps that read every word of the archive: most words were seen before, and need no string or hashing of one.
 */

/** Whether a code point is a letter, digit or combining mark: a word character of `tokenize` in src/shared/search-options.ts. */
const WORD_CODE_POINT = /^[\p{L}\p{N}\p{M}]$/u;

/** Per code point: 0 not yet known, 1 a word character, 2 a separator. */
const codePointClasses = new Uint8Array(0x110000);
/** Per ASCII character: its width as a word character, 0 for a separator. */
const ASCII_WORD_WIDTHS = Uint8Array.from({ length: 128 }, (_, c) =>
  WORD_CODE_POINT.test(String.fromCharCode(c)) ? 1 : 0,
);

/** The length in code units of the word character at `at`, or 0 when a separator is there. */
function wordWidth(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 128) return ASCII_WORD_WIDTHS[unit]!;
  const codePoint = text.codePointAt(at)!;
  let kind = codePointClasses[codePoint]!;
  if (kind === 0) {
    kind = WORD_CODE_POINT.test(String.fromCodePoint(codePoint)) ? 1 : 2;
    codePointClasses[codePoint] = kind;
  }
  return kind === 2 ? 0 : codePoint > 0xffff ? 2 : 1;
}

/**
 * Numbers the distinct words of texts, split exactly as `tokenize` splits them, without making a string for a
 * word it has seen before: the index's text is millions of words but only thousands of distinct ones.
 */
export class WordNumbers {
  /** Each word's spelling, by number. */
  readonly words: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing: slot → word number + 1, 0 for an empty slot. */
  private slots = new Int32Array(1 << 12);

  /** Replaces `out` with the numbers of the words of `text`, in order, repeats included. */
  scan(text: string, out: number[]): void {
    out.length = 0;
    const end = text.length;
    let at = 0;
    while (at < end) {
      let width = wordWidth(text, at);
      // A separator outside the Basic Multilingual Plane is skipped a half at a time: its second half separates too.
      if (width === 0) {
        at += 1;
        continue;
      }
      const start = at;
      let hash = 0x811c9dc5;
      do {
        hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
        if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(at + 1), 0x01000193);
        at += width;
      } while (at < end && (width = wordWidth(text, at)) !== 0);
      out.push(this.number(text, start, at, hash >>> 0));
    }
  }

  private number(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot]! - 1;
      if (found < 0) break;
      if (this.hashes[found] === hash && sameText(this.words[found]!, text, start, end)) return found;
    }
    const number = this.words.length;
    this.words.push(text.slice(start, end));
    this.hashes.push(hash);
    if (this.words.length * 2 > this.slots.length) this.rehash();
    else this.place(number);
    return number;
  }

  private place(number: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[number]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = number + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let number = 0; number < this.words.length; number++) this.place(number);
  }
}

/** Whether `word` is the text between `start` and `end`. */
function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
