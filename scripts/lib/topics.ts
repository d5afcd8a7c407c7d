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
}

interface CompiledTopic {
  name: string;
  keywords: CompiledKeyword[];
}

/** Printable ASCII: lower-casing maps exactly its letters, as case-insensitive matching does. */
const ASCII = /^[ -~]*$/;

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
  return {
    pattern,
    literal: caseSensitive ? keyword : keyword.toLowerCase(),
    caseSensitive,
    ascii: ASCII.test(keyword),
  };
}

/** A text to match, with what lets most keywords be ruled out without a regular expression. */
interface MatchText {
  text: string;
  lower: string;
  /** Whether a case-insensitive match implies the lower-cased keyword is a substring: not when `ſ` matches `s`. */
  foldsByLowerCase: boolean;
}

/** The one character that matches an ASCII letter case-insensitively but does not lower-case to it. */
const LONG_S = '\u017f';

function matchText(text: string): MatchText {
  return { text, lower: text.toLowerCase(), foldsByLowerCase: !text.includes(LONG_S) };
}

/** How often a keyword occurs; the substring test only skips texts where it cannot occur. */
function occurrences(keyword: CompiledKeyword, text: MatchText): number {
  if (
    keyword.caseSensitive
      ? !text.text.includes(keyword.literal)
      : keyword.ascii && text.foldsByLowerCase && !text.lower.includes(keyword.literal)
  )
    return 0;
  return text.text.match(keyword.pattern)?.length ?? 0;
}

/** Assigns up to three topics, strongest first, or "Other". */
export class TopicMatcher {
  private readonly topics: CompiledTopic[];

  constructor(taxonomy: readonly TopicDefinition[]) {
    this.topics = taxonomy.map((topic) => ({ name: topic.name, keywords: topic.keywords.map(compileKeyword) }));
  }

  /** Names in display order, "Other" last. */
  get names(): string[] {
    return [...this.topics.map((topic) => topic.name), OTHER_TOPIC];
  }

  /** Title words weigh three times summary words; a topic needs a title word or two summary words, else the best single mention. */
  match(title: string, summary: string): string[] {
    const titleText = matchText(title);
    const summaryText = matchText(summary);
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
