/** Topic assignment from the curated taxonomy in data/topics.json, on each entry's own words. */

/** One topic of the taxonomy and the words that signal it. */
export interface TopicDefinition {
  name: string;
  keywords: string[];
}

/** The topic given to entries that match no other. */
export const OTHER_TOPIC = 'Other';
const MAX_TOPICS = 3;

interface CompiledKeyword {
  pattern: RegExp;
  /** The keyword as it must appear in the text, lower-cased unless the match is case-sensitive. */
  literal: string;
  caseSensitive: boolean;
  /** Non-ASCII keywords may match other letters case-insensitively (`ſ` for `s`), so they always run the pattern. */
  ascii: boolean;
  /** The {@link pairKey}s of the literal's adjacent characters: a text lacking one cannot contain the literal. */
  pairs: Uint16Array;
}

interface CompiledTopic {
  name: string;
  keywords: CompiledKeyword[];
}

/** Printable ASCII: lower-casing maps exactly its letters, as case-insensitive matching does. */
const ASCII = /^[ -~]*$/;

/** Two adjacent characters as one of 65,536 numbers; characters that differ only above their low byte collide. */
function pairKey(text: string, at: number): number {
  return ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff);
}

function pairKeys(text: string): Uint16Array {
  return Uint16Array.from({ length: Math.max(0, text.length - 1) }, (_, at) => pairKey(text, at));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Acronyms (MoE, RAG, GUI) match case-sensitively so they do not fire on ordinary words. */
function compileKeyword(keyword: string): CompiledKeyword {
  const caseSensitive = /[A-Z].*[A-Z]/.test(keyword);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(keyword)}(?![\\p{L}\\p{N}])`,
    caseSensitive ? 'gu' : 'giu',
  );
  const literal = caseSensitive ? keyword : keyword.toLowerCase();
  return { pattern, literal, caseSensitive, ascii: ASCII.test(keyword), pairs: pairKeys(literal) };
}

/** Which {@link pairKey}s a text has: those marked with its number. Reused from text to text, so never cleared. */
class PairTable {
  private readonly marks = new Int32Array(1 << 16);
  private number = 0;

  /** Marks the pairs of `text`, forgetting the previous text's. */
  fill(text: string): void {
    this.number += 1;
    let previous = text.charCodeAt(0) & 0xff;
    for (let at = 1; at < text.length; at++) {
      const next = text.charCodeAt(at) & 0xff;
      this.marks[(previous << 8) | next] = this.number;
      previous = next;
    }
  }

  /** False when some pair of the keyword is missing, so the text cannot contain it; true when it may. */
  mayContain(pairs: Uint16Array): boolean {
    for (let p = 0; p < pairs.length; p++) if (this.marks[pairs[p]!] !== this.number) return false;
    return true;
  }
}

/** A text to match, with what lets most keywords be ruled out without a regular expression. */
class MatchText {
  text = '';
  lower = '';
  /** Whether a case-insensitive match implies the lower-cased keyword is a substring: not when `ſ` matches `s`. */
  foldsByLowerCase = true;
  readonly textPairs = new PairTable();
  readonly lowerPairs = new PairTable();

  /** Makes `text` the one to match, reusing the tables of the text before. */
  set(text: string): this {
    this.text = text;
    this.lower = text.toLowerCase();
    this.foldsByLowerCase = !text.includes(LONG_S);
    this.textPairs.fill(this.text);
    this.lowerPairs.fill(this.lower);
    return this;
  }
}

/** The one character that matches an ASCII letter case-insensitively but does not lower-case to it. */
const LONG_S = '\u017f';

/**
 * How often a keyword occurs; the substring test only skips texts where it cannot occur, and the character pairs
 * skip, faster, only texts the substring test would.
 */
function occurrences(keyword: CompiledKeyword, text: MatchText): number {
  if (
    keyword.caseSensitive
      ? !text.textPairs.mayContain(keyword.pairs) || !text.text.includes(keyword.literal)
      : keyword.ascii &&
        text.foldsByLowerCase &&
        (!text.lowerPairs.mayContain(keyword.pairs) || !text.lower.includes(keyword.literal))
  )
    return 0;
  return text.text.match(keyword.pattern)?.length ?? 0;
}

/** Assigns up to three topics, strongest first, or "Other". */
export class TopicMatcher {
  private readonly topics: CompiledTopic[];
  private readonly titleText = new MatchText();
  private readonly summaryText = new MatchText();

  constructor(taxonomy: readonly TopicDefinition[]) {
    this.topics = taxonomy.map((topic) => ({ name: topic.name, keywords: topic.keywords.map(compileKeyword) }));
  }

  /** Names in display order, "Other" last. */
  get names(): string[] {
    return [...this.topics.map((topic) => topic.name), OTHER_TOPIC];
  }

  /** Title words weigh three times summary words; a topic needs a title word or two summary words, else the best single mention. */
  match(title: string, summary: string): string[] {
    const titleText = this.titleText.set(title);
    const summaryText = this.summaryText.set(summary);
    const scored = this.topics
      .map((topic, order) => {
        let score = 0;
        for (const keyword of topic.keywords) {
          score += 3 * occurrences(keyword, titleText) + occurrences(keyword, summaryText);
        }
        return { name: topic.name, score, order };
      })
      .filter((topic) => topic.score >= 1)
      .sort((a, b) => b.score - a.score || a.order - b.order);
    const strong = scored.filter((topic) => topic.score >= 2).slice(0, MAX_TOPICS);
    // A single summary mention is weak evidence, used only when nothing stronger exists.
    const chosen = strong.length > 0 ? strong : scored.slice(0, 1);
    return chosen.length > 0 ? chosen.map((topic) => topic.name) : [OTHER_TOPIC];
  }
}
