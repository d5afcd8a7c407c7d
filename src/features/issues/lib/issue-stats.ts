import type { Entry } from '@/shared/bundle';

/** The topics used most in `entries`, most frequent first; ties follow the taxonomy order; "Other" is left out. */
export function topTopics(entries: readonly Entry[], taxonomy: readonly string[], limit = 3): string[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const topic of entry.topics) {
      if (topic === 'Other') continue;
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
  }
  const order = new Map(taxonomy.map((topic, index) => [topic, index]));
  return [...counts.entries()]
    .sort(
      ([a, countA], [b, countB]) =>
        countB - countA || (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b),
    )
    .slice(0, limit)
    .map(([topic]) => topic);
}

/** How many entries are about an arXiv paper. */
export function countArxivPapers(entries: readonly Entry[]): number {
  return entries.filter((entry) => entry.paper?.arxivId).length;
}
