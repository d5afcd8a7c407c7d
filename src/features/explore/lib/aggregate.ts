/**
 * The numbers behind /explore, as pure functions over the archive. Each walks the entries once, so the page stays
 * fast at 10,000 entries; with more issues than fit side by side, issues are grouped by month.
 */
import type { Archive } from '@/lib/archive-query';
import type { Entry, EntryKind } from '@/shared/bundle';
import { MONTH_NAMES } from '@/shared/labels';

/** More issues than this are drawn month by month: a year of weekly issues still gets one bar each. */
export const MAX_ISSUE_PERIODS = 52;

/** The search facets a mark links to; the names are the search page's URL parameters. */
export interface SearchFacets {
  issue?: string;
  month?: string;
  org?: string;
  topic?: string;
  kind?: readonly EntryKind[];
  code?: boolean;
}

/** One bar position on the time axis: an issue, or a month of issues. */
export interface Period {
  /** The issue id, or the month as `YYYY-MM`. */
  key: string;
  /** What the reader sees, such as `Nov 2, 2024` or `November 2024`. */
  label: string;
  /** The facet that selects this period's entries. */
  facets: Pick<SearchFacets, 'issue' | 'month'>;
}

/** The time axis, oldest first, and which period each issue belongs to. */
export interface Timeline {
  unit: 'issue' | 'month';
  periods: Period[];
  periodOfIssue: ReadonlyMap<string, number>;
}

/** The in-app URL of the search page with `facets` applied, e.g. `/search?issue=2024-11-02&topic=Agents`. */
export function exploreSearchUrl(facets: SearchFacets): string {
  const params = new URLSearchParams();
  if (facets.issue) params.append('issue', facets.issue);
  if (facets.month) params.append('month', facets.month);
  if (facets.org) params.append('org', facets.org);
  if (facets.topic) params.append('topic', facets.topic);
  for (const kind of facets.kind ?? []) params.append('kind', kind);
  if (facets.code) params.set('code', '1');
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

/** `2024-11-02` as `Nov 2, 2024`, the same in every locale so labels and tests agree. */
export function shortDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${(MONTH_NAMES[Number(month) - 1] ?? month ?? '').slice(0, 3)} ${Number(day)}, ${year}`;
}

function monthName(month: string): string {
  const [year, number] = month.split('-');
  return `${MONTH_NAMES[Number(number) - 1] ?? number} ${year}`;
}

/** The periods charts are drawn over: one per issue, or one per month when issues are more than {@link MAX_ISSUE_PERIODS}. */
export function timeline(archive: Archive, maxIssues = MAX_ISSUE_PERIODS): Timeline {
  const oldestFirst = [...archive.issues].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const periodOfIssue = new Map<string, number>();
  const periods: Period[] = [];
  if (oldestFirst.length <= maxIssues) {
    for (const issue of oldestFirst) {
      periodOfIssue.set(issue.id, periods.length);
      periods.push({ key: issue.id, label: shortDate(issue.date), facets: { issue: issue.id } });
    }
    return { unit: 'issue', periods, periodOfIssue };
  }
  for (const issue of oldestFirst) {
    const month = issue.date.slice(0, 7);
    if (periods.at(-1)?.key !== month) periods.push({ key: month, label: monthName(month), facets: { month } });
    periodOfIssue.set(issue.id, periods.length - 1);
  }
  return { unit: 'month', periods, periodOfIssue };
}

function forEachEntry(archive: Archive, time: Timeline, visit: (entry: Entry, period: number) => void): void {
  for (const entry of archive.entries) {
    const period = time.periodOfIssue.get(entry.issueId);
    if (period !== undefined) visit(entry, period);
  }
}

/** One series of counts over the timeline. */
export interface Series {
  name: string;
  /** Count per period, in timeline order. */
  counts: number[];
  total: number;
}

/** Entries per topic per period; an entry with two topics counts in both. */
export interface TopicsAcrossIssues {
  time: Timeline;
  /** Topics with at least one entry, in the taxonomy's order. */
  topics: Series[];
}

/** Counts entries per topic per period. */
export function topicsAcrossIssues(archive: Archive, time = timeline(archive)): TopicsAcrossIssues {
  const byTopic = new Map<string, Series>();
  const seriesOf = (name: string) => {
    let series = byTopic.get(name);
    if (!series) {
      series = { name, counts: new Array<number>(time.periods.length).fill(0), total: 0 };
      byTopic.set(name, series);
    }
    return series;
  };
  for (const topic of archive.bundle.topics) seriesOf(topic);
  forEachEntry(archive, time, (entry, period) => {
    for (const topic of new Set(entry.topics)) {
      const series = seriesOf(topic);
      series.counts[period]! += 1;
      series.total += 1;
    }
  });
  return { time, topics: [...byTopic.values()].filter((series) => series.total > 0) };
}

/** The organisations with the most entries, with their counts per period. */
export interface TopOrganisations {
  time: Timeline;
  /** Most entries first; ties by name. */
  organisations: Series[];
  /** How many organisations have any entry. */
  organisationCount: number;
}

/** The `limit` organisations named by the most entries, with a count per period. */
export function topOrganisations(archive: Archive, limit = 15, time = timeline(archive)): TopOrganisations {
  const byName = new Map<string, Series>();
  forEachEntry(archive, time, (entry, period) => {
    for (const name of new Set(entry.organizations)) {
      let series = byName.get(name);
      if (!series) {
        series = { name, counts: new Array<number>(time.periods.length).fill(0), total: 0 };
        byName.set(name, series);
      }
      series.counts[period]! += 1;
      series.total += 1;
    }
  });
  const ranked = [...byName.values()].sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  return { time, organisations: ranked.slice(0, limit), organisationCount: byName.size };
}

/** The kinds of entry the sources chart tells apart. */
export const SOURCE_GROUPS = {
  papers: ['paper'],
  newsAndBlogs: ['news', 'blog'],
  other: ['report', 'release'],
} as const satisfies Record<string, readonly EntryKind[]>;

/** Which source group each entry kind is in. */
export type SourceGroup = keyof typeof SOURCE_GROUPS;

/** One period's entries by kind, and how many link to code. */
export interface SourceCounts {
  papers: number;
  newsAndBlogs: number;
  other: number;
  withCode: number;
  total: number;
}

/** Papers against news and blog posts, and entries with code, per period and overall. */
export interface Sources {
  time: Timeline;
  periods: SourceCounts[];
  overall: SourceCounts;
}

const groupOfKind = new Map<EntryKind, SourceGroup>(
  Object.entries(SOURCE_GROUPS).flatMap(([group, kinds]) => kinds.map((kind) => [kind, group as SourceGroup])),
);

const emptyCounts = (): SourceCounts => ({ papers: 0, newsAndBlogs: 0, other: 0, withCode: 0, total: 0 });

/** Counts each period's entries by kind, and those with a code link. */
export function sources(archive: Archive, time = timeline(archive)): Sources {
  const periods = time.periods.map(emptyCounts);
  const overall = emptyCounts();
  forEachEntry(archive, time, (entry, period) => {
    const group = groupOfKind.get(entry.kind) ?? 'other';
    const hasCode = entry.links.some((link) => link.kind === 'code');
    for (const counts of [periods[period]!, overall]) {
      counts[group] += 1;
      counts.total += 1;
      if (hasCode) counts.withCode += 1;
    }
  });
  return { time, periods, overall };
}

/** A paper covered by more than one entry. */
export interface RepeatedPaper {
  /** The paper group key. */
  key: string;
  title: string;
  /** The newest entry about it, to link to. */
  entryId: string;
  /** How many entries cover it. */
  entryCount: number;
  /** The issues that cover it, oldest first. */
  issues: { id: string; date: string }[];
}

/** Papers covered by more than one entry: most entries first, then the most recently covered. */
export function repeatedPapers(archive: Archive): RepeatedPaper[] {
  const papers: RepeatedPaper[] = [];
  for (const [key, entries] of archive.entriesByPaper) {
    if (entries.length < 2) continue;
    const issueIds = new Set(entries.map((entry) => entry.issueId));
    const issues = [...issueIds]
      .map((id) => ({ id, date: archive.issueById.get(id)?.date ?? id }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const newest = entries.reduce((best, entry) =>
      (archive.issueById.get(entry.issueId)?.date ?? '') > (archive.issueById.get(best.issueId)?.date ?? '')
        ? entry
        : best,
    );
    papers.push({
      key,
      title: newest.paper?.title || newest.headline,
      entryId: newest.id,
      entryCount: entries.length,
      issues,
    });
  }
  return papers.sort(
    (a, b) =>
      b.entryCount - a.entryCount ||
      (a.issues.at(-1)!.date > b.issues.at(-1)!.date ? -1 : a.issues.at(-1)!.date < b.issues.at(-1)!.date ? 1 : 0) ||
      (a.title < b.title ? -1 : 1),
  );
}

/** A share as a whole percentage, `0` for an empty whole. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}
