import type { Entry } from '@/shared/bundle';

/** How many entries are about an arXiv paper. */
export function countArxivPapers(entries: readonly Entry[]): number {
  return entries.filter((entry) => entry.paper?.arxivId).length;
}
