/**
 * Ordering results: by score or date, and one result per paper. Dates and paper groups are worked out once per archive.
 * "Newest" and "oldest" go by the issue's date, when readers saw an entry; the paper's own date is a sort of its own.
 */
import type { Entry, Issue } from '@/shared/bundle';

/** Result orders: `paper` is by the paper's date, newest first. */
export type SortOrder = 'relevance' | 'newest' | 'oldest' | 'paper';

/** Every sort order, as the URL writes them. */
export const SORT_ORDERS = ['relevance', 'newest', 'oldest', 'paper'] as const satisfies readonly SortOrder[];

/** The archive's entries by date and by paper, as entry indices. */
export interface ArchiveOrder {
  /** Entry indices newest issue first, in reading order within an issue. */
  dateOrder: Int32Array;
  /** Position of each entry in {@link dateOrder}. */
  dateRank: Int32Array;
  /** Entries about the same paper (one paperGroup) share a group, named by its first entry in bundle order. */
  groupOf: Int32Array;
  /** Each group's entries, newest issue first. */
  groupMembers: ReadonlyMap<number, readonly number[]>;
}

/** `2024-10-13` as the number 20241013, so dates sort as numbers. */
const dateNumber = (date: string | undefined) => Number(date?.replaceAll('-', '')) || 0;

/** Indices `0 … n - 1` sorted by `date` (newest first), then issue order, then position in the issue. */
function newestFirst(entries: readonly Entry[], issues: readonly Issue[], date: (entry: Entry) => number): number[] {
  const issueRank = new Map(issues.map((issue, i) => [issue.id, i]));
  // Numeric keys sort far faster than comparing strings.
  const keys = Float64Array.from(
    entries,
    (entry) => -date(entry) * 1e7 + (issueRank.get(entry.issueId) ?? 0) * 1000 + Math.min(entry.position, 999),
  );
  return Array.from({ length: entries.length }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
}

/** The position of each index in `order`. */
function ranksOf(order: readonly number[]): Int32Array {
  const ranks = new Int32Array(order.length);
  order.forEach((entry, rank) => (ranks[entry] = rank));
  return ranks;
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

/** Date orders and paper groups; sorting once here keeps every keystroke linear. */
export function archiveOrder(entries: readonly Entry[], issues: readonly Issue[]): ArchiveOrder {
  const issueDate = new Map(issues.map((issue) => [issue.id, dateNumber(issue.date)]));
  // An entry whose issue is missing (the bundle check forbids it) falls back to its own date.
  const order = newestFirst(entries, issues, (entry) => issueDate.get(entry.issueId) ?? dateNumber(entry.publishedOn));
  const dateRank = ranksOf(order);
  const groupOf = paperGroups(entries);
  const groupMembers = new Map<number, number[]>();
  for (const i of order) {
    const members = groupMembers.get(groupOf[i]!);
    if (members) members.push(i);
    else groupMembers.set(groupOf[i]!, [i]);
  }
  return { dateOrder: Int32Array.from(order), dateRank, groupOf, groupMembers };
}

/** Each entry's position when sorted by its paper's date, newest first (then by issue, as {@link archiveOrder}). */
export function paperDateRank(entries: readonly Entry[], issues: readonly Issue[]): Int32Array {
  return ranksOf(newestFirst(entries, issues, (entry) => dateNumber(entry.publishedOn)));
}

/** The order used: relevance needs words to rank by, so without any it falls back to newest first. */
export function effectiveSort(requested: SortOrder, hasText: boolean): SortOrder {
  return requested === 'relevance' && !hasText ? 'newest' : requested;
}

/**
 * Sorts matches in place: by score (ties newest first), or by date. Matches without text come already newest first
 * (they are filtered from {@link ArchiveOrder.dateOrder}), so they only need reversing for oldest first.
 * `paperRank` ({@link paperDateRank}) is needed for the `paper` order only.
 */
export function rankEntries(
  matches: number[],
  sort: SortOrder,
  hasText: boolean,
  scores: Float64Array,
  dateRank: Int32Array,
  paperRank?: Int32Array,
): number[] {
  if (sort === 'relevance') return matches.sort((a, b) => scores[b]! - scores[a]! || dateRank[a]! - dateRank[b]!);
  if (sort === 'paper') {
    const rank = paperRank ?? dateRank;
    return matches.sort((a, b) => rank[a]! - rank[b]!);
  }
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
