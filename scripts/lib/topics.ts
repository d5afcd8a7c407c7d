/** Topic assignment from the curated taxonomy in data/topics.json, on each entry's own words. */

/** One topic of the taxonomy and the words that signal it. */
export interface TopicDefinition {
  name: string;
  keywords: string[];
}

/** The topic given to entries that match no other. */
export const OTHER_TOPIC = 'Other';
const MAX_TOPICS = 3;

interface CompiledTopic {
  name: string;
  patterns: RegExp[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Acronyms (MoE, RAG, GUI) match case-sensitively so they do not fire on ordinary words. */
function compileKeyword(keyword: string): RegExp {
  const caseSensitive = /[A-Z].*[A-Z]/.test(keyword);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(keyword)}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
}

/** Assigns up to three topics, strongest first, or "Other". */
export class TopicMatcher {
  private readonly topics: CompiledTopic[];

  constructor(taxonomy: readonly TopicDefinition[]) {
    this.topics = taxonomy.map((topic) => ({ name: topic.name, patterns: topic.keywords.map(compileKeyword) }));
  }

  /** Names in display order, "Other" last. */
  get names(): string[] {
    return [...this.topics.map((topic) => topic.name), OTHER_TOPIC];
  }

  /** Title words weigh three times summary words; a topic needs a title word or two summary words, else the best single mention. */
  match(title: string, summary: string): string[] {
    const scored = this.topics
      .map((topic, order) => {
        let score = 0;
        for (const pattern of topic.patterns) {
          score += 3 * (title.match(pattern)?.length ?? 0) + (summary.match(pattern)?.length ?? 0);
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
