/** Ordering results: by score or date, and one result per paper. Dates and paper groups are worked out once per archive. */
import type { Entry, Issue } from '@/shared/bundle';

/** Result orders. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** The archive's entries by date and by paper, as entry indices. */
export interface ArchiveOrder {
  /** Entry indices newest first. */
  dateOrder: Int32Array;
  /** Position of each entry in {@link dateOrder}. */
  dateRank: Int32Array;
  /** Entries about the same paper (one paperGroup) share a group, named by its first entry in bundle order. */
  groupOf: Int32Array;
  /** Each group's entries, newest first. */
  groupMembers: ReadonlyMap<number, readonly number[]>;
}

/** Indices `0 … n - 1` sorted newest first (then issue order, then position in the issue). */
function newestFirst(entries: readonly Entry[], issues: readonly Issue[]): number[] {
  const issueRank = new Map(issues.map((issue, i) => [issue.id, i]));
  // Numeric keys sort far faster than comparing strings.
  const keys = Float64Array.from(entries, (entry) => {
    const date = Number(entry.publishedOn.replaceAll('-', '')) || 0;
    return -date * 1e7 + (issueRank.get(entry.issueId) ?? 0) * 1000 + Math.min(entry.position, 999);
  });
  return Array.from({ length: entries.length }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
}

/** Each entry's paper group: the index of the first entry with the same paperGroup, or its own. */
function paperGroups(entries: readonly Entry[]): Int32Array {
  const firstOfPaper = new Map<string, number>();
  return Int32Array.from(entries, (entry, i) => {
    if (entry.paperGroup === null) return i;
    const first = firstOfPaper.get(entry.paperGroup);
    if (first !== undefined) return first;
    firstOfPaper.set(entry.paperGroup, i);
    return i;
  });
}

/** Date order and paper groups; sorting once here keeps every keystroke linear. */
export function archiveOrder(entries: readonly Entry[], issues: readonly Issue[]): ArchiveOrder {
  const order = newestFirst(entries, issues);
  const dateRank = new Int32Array(entries.length);
  order.forEach((entry, rank) => (dateRank[entry] = rank));
  const groupOf = paperGroups(entries);
  const groupMembers = new Map<number, number[]>();
  for (const i of order) {
    const members = groupMembers.get(groupOf[i]!);
    if (members) members.push(i);
    else groupMembers.set(groupOf[i]!, [i]);
  }
  return { dateOrder: Int32Array.from(order), dateRank, groupOf, groupMembers };
}

/** The order used: relevance needs words to rank by, so without any it falls back to newest first. */
export function effectiveSort(requested: SortOrder, hasText: boolean): SortOrder {
  return requested === 'relevance' && !hasText ? 'newest' : requested;
}

/**
 * Sorts matches in place: by score (ties newest first), or by date. Matches without text come already newest first
 * (they are filtered from {@link ArchiveOrder.dateOrder}), so they only need reversing for oldest first.
 */
export function rankEntries(
  matches: number[],
  sort: SortOrder,
  hasText: boolean,
  scores: Float64Array,
  dateRank: Int32Array,
): number[] {
  if (sort === 'relevance') return matches.sort((a, b) => scores[b]! - scores[a]! || dateRank[a]! - dateRank[b]!);
  if (hasText)
    return matches.sort(
      sort === 'newest' ? (a, b) => dateRank[a]! - dateRank[b]! : (a, b) => dateRank[b]! - dateRank[a]!,
    );
  return sort === 'oldest' ? matches.reverse() : matches;
}

/** The first-ranked entry of each paper group, in rank order. */
export function onePerPaper(ranked: readonly number[], groupOf: Int32Array): number[] {
  const seen = new Set<number>();
  return ranked.filter((i) => {
    const group = groupOf[i]!;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
}
