/** One-sentence text summaries of each chart, computed from the same numbers the chart draws. */
import {
  percent,
  type RepeatedPaper,
  type Sources,
  type Timeline,
  type TopicsAcrossIssues,
  type TopOrganisations,
} from '@/features/explore/lib/aggregate';
import { formatCount } from '@/lib/format-count';

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "9 issues, Sep 14, 2024 to Nov 2, 2024", or the months when issues are grouped by month. */
export function spanText(time: Timeline): string {
  const first = time.periods[0];
  const last = time.periods.at(-1);
  if (!first || !last) return 'no issues';
  const count = plural(time.periods.length, time.unit, `${time.unit}s`);
  return first === last ? `${count}, ${first.label}` : `${count}, ${first.label} to ${last.label}`;
}

/** Which topic leads, by how much, and where it peaked. */
export function topicsSummary({ time, topics }: TopicsAcrossIssues): string {
  const ranked = [...topics].sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  const [first, second] = ranked;
  if (!first) return 'The archive has no entries with a topic yet.';
  const peak = first.counts.indexOf(Math.max(...first.counts));
  const runnerUp = second ? `, ahead of ${second.name} (${second.total})` : '';
  return `Across ${spanText(time)}, ${first.name} is the most covered topic with ${plural(first.total, 'entry', 'entries')}${runnerUp}; it peaked ${time.unit === 'issue' ? 'in the issue of' : 'in'} ${time.periods[peak]?.label ?? 'one period'}, with ${first.counts[peak] ?? 0}.`;
}

/** Which organisation leads, and how widely it appears. */
export function organisationsSummary({ time, organisations, organisationCount }: TopOrganisations): string {
  const [first, second] = organisations;
  if (!first) return 'No entry names an organisation yet.';
  const present = first.counts.filter((count) => count > 0).length;
  const runnerUp = second ? `, ahead of ${second.name} (${second.total})` : '';
  return `Of ${plural(organisationCount, 'organisation', 'organisations')}, ${first.name} appears in the most entries, ${first.total} in ${present} of ${plural(time.periods.length, time.unit, `${time.unit}s`)}${runnerUp}.`;
}

/** The share of papers, of news and blog posts, and of entries with code, first to last. */
export function sourcesSummary({ periods, overall }: Sources): string {
  if (overall.total === 0) return 'The archive has no entries yet.';
  const first = periods.find((counts) => counts.total > 0)!;
  const last = periods.findLast((counts) => counts.total > 0)!;
  const trend =
    first === last
      ? ''
      : `, ${percent(first.withCode, first.total)}% in the first and ${percent(last.withCode, last.total)}% in the latest`;
  return `Of ${plural(overall.total, 'entry', 'entries')}, ${percent(overall.papers, overall.total)}% are papers and ${percent(overall.newsAndBlogs, overall.total)}% news or blog posts; ${percent(overall.withCode, overall.total)}% link to code${trend}.`;
}

/** How many papers were covered again, and the most covered one. */
export function repeatedPapersSummary(papers: readonly RepeatedPaper[]): string {
  const [first] = papers;
  if (!first) return 'No paper has been covered more than once yet.';
  return `${plural(papers.length, 'paper was', 'papers were')} covered more than once; “${first.title}” most often, in ${plural(first.entryCount, 'entry', 'entries')} across ${plural(first.issues.length, 'issue', 'issues')}.`;
}
