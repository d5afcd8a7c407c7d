import { formatCount } from '@/lib/format-count';

/** "12 results for “moe”", or what the index is doing while it cannot answer yet. */
export function countText(total: number, status: string, groupByPaper: boolean, query: string): string {
  if (status === 'idle' || status === 'indexing') return 'Preparing search…';
  const [one, many] = groupByPaper ? ['paper', 'papers'] : ['result', 'results'];
  return `${formatCount(total)} ${total === 1 ? one : many}${query ? ` for “${query}”` : ''}`;
}
