import { describe, expect, it } from 'vitest';
import {
  exploreSearchUrl,
  repeatedPapers,
  sources,
  timeline,
  topicsAcrossIssues,
  topOrganisations,
} from '@/features/explore/lib/aggregate';
import { organisationsSummary, sourcesSummary, topicsSummary } from '@/features/explore/lib/summaries';
import { readSearchParams } from '@/features/search/lib/search-params';
import { indexArchive } from '@/lib/archive-query';
import type { ArchiveBundle, Entry } from '@/shared/bundle';
import { buildArchive } from '../../scripts/lib/build-archive';
import { SEED_FILE, seedTables, seedText } from '../scripts/helpers';
import { fixtureBundle } from '../support/fixture-bundle';

const { bundle: seedBundle } = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
const seed = indexArchive(seedBundle!);
const fixture = indexArchive(fixtureBundle);

/** Issue ids oldest first, counted here without the code under test. */
function issueIdsOldestFirst(bundle: ArchiveBundle): string[] {
  return bundle.issues
    .map((issue) => [issue.date, issue.id])
    .sort()
    .map(([, id]) => id!);
}

const monthOf = (bundle: ArchiveBundle, entry: Entry) =>
  bundle.issues.find((issue) => issue.id === entry.issueId)!.date.slice(0, 7);

describe('explore aggregations over the seed archive', () => {
  const issueIds = issueIdsOldestFirst(seedBundle!);

  it('draws one period per issue, oldest first, while issues are few', () => {
    const time = timeline(seed);
    expect(time.unit).toBe('issue');
    expect(time.periods.map((period) => period.key)).toEqual(issueIds);
    expect(time.periods[0]!.facets).toEqual({ issue: issueIds[0] });
  });

  it('counts entries per topic per issue as a filter over the entries would', () => {
    const { topics } = topicsAcrossIssues(seed);
    const expectedTopics = seedBundle!.topics.filter((topic) =>
      seedBundle!.entries.some((e) => e.topics.includes(topic)),
    );
    expect(topics.map((series) => series.name)).toEqual(expectedTopics);
    for (const series of topics) {
      const expected = issueIds.map(
        (id) => seedBundle!.entries.filter((e) => e.issueId === id && e.topics.includes(series.name)).length,
      );
      expect(series.counts, series.name).toEqual(expected);
      expect(series.total).toBe(seedBundle!.entries.filter((e) => e.topics.includes(series.name)).length);
    }
  });

  it('ranks the top 15 organisations by entries, with per-issue counts', () => {
    const totals = new Map<string, number>();
    for (const entry of seedBundle!.entries)
      for (const org of new Set(entry.organizations)) totals.set(org, (totals.get(org) ?? 0) + 1);
    const expected = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en')).slice(0, 15);
    const { organisations, organisationCount } = topOrganisations(seed);
    expect(organisationCount).toBe(totals.size);
    expect(organisations).toHaveLength(Math.min(15, totals.size));
    expect(organisations.map((series) => series.total)).toEqual(expected.map(([, total]) => total));
    for (const series of organisations) {
      expect(series.total).toBe(totals.get(series.name));
      expect(series.counts).toEqual(
        issueIds.map(
          (id) => seedBundle!.entries.filter((e) => e.issueId === id && e.organizations.includes(series.name)).length,
        ),
      );
    }
  });

  it('splits each issue into papers, news and blog posts, and other, and counts entries with code', () => {
    const { periods, overall } = sources(seed);
    issueIds.forEach((id, index) => {
      const entries = seedBundle!.entries.filter((e) => e.issueId === id);
      expect(periods[index], id).toEqual({
        papers: entries.filter((e) => e.kind === 'paper').length,
        newsAndBlogs: entries.filter((e) => e.kind === 'news' || e.kind === 'blog').length,
        other: entries.filter((e) => e.kind === 'report' || e.kind === 'release').length,
        withCode: entries.filter((e) => e.links.some((link) => link.kind === 'code')).length,
        total: entries.length,
      });
    });
    expect(overall.total).toBe(seedBundle!.entries.length);
    expect(overall.papers + overall.newsAndBlogs + overall.other).toBe(overall.total);
  });

  it('groups issues by month when there are more than the limit', () => {
    const time = timeline(seed, 2);
    const months = [...new Set(seedBundle!.issues.map((issue) => issue.date.slice(0, 7)))].sort();
    expect(time.unit).toBe('month');
    expect(time.periods.map((period) => period.key)).toEqual(months);
    expect(time.periods[0]!.facets).toEqual({ month: months[0] });
    const { topics } = topicsAcrossIssues(seed, time);
    for (const series of topics) {
      expect(series.counts, series.name).toEqual(
        months.map(
          (month) =>
            seedBundle!.entries.filter((e) => monthOf(seedBundle!, e) === month && e.topics.includes(series.name))
              .length,
        ),
      );
    }
  });

  it('summarises each chart from its numbers', () => {
    const topics = topicsAcrossIssues(seed);
    const leader = [...topics.topics].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'en'))[0]!;
    expect(topicsSummary(topics)).toContain(`${leader.name} is the most covered topic with ${leader.total} entries`);
    const orgs = topOrganisations(seed);
    expect(organisationsSummary(orgs)).toContain(`${orgs.organisations[0]!.name} appears in the most entries`);
    const kinds = sources(seed);
    const papers = Math.round(
      (100 * seedBundle!.entries.filter((e) => e.kind === 'paper').length) / kinds.overall.total,
    );
    expect(sourcesSummary(kinds)).toContain(`${papers}% are papers`);
  });
});

describe('papers covered more than once', () => {
  it('lists each paper group with more than one entry and the issues covering it', () => {
    const groups = new Map<string, Entry[]>();
    for (const entry of fixtureBundle.entries)
      if (entry.paperGroup) groups.set(entry.paperGroup, [...(groups.get(entry.paperGroup) ?? []), entry]);
    const repeated = [...groups].filter(([, entries]) => entries.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    const papers = repeatedPapers(fixture);
    expect(papers.map((paper) => paper.key).sort()).toEqual(repeated.map(([key]) => key).sort());
    for (const paper of papers) {
      const entries = groups.get(paper.key)!;
      expect(paper.entryCount).toBe(entries.length);
      expect(paper.issues.map((issue) => issue.id)).toEqual([...new Set(entries.map((e) => e.issueId))].sort());
    }
  });

  it('finds the seed’s repeated papers too', () => {
    const groupSizes = new Map<string, number>();
    for (const entry of seedBundle!.entries)
      if (entry.paperGroup) groupSizes.set(entry.paperGroup, (groupSizes.get(entry.paperGroup) ?? 0) + 1);
    const papers = repeatedPapers(seed);
    expect(papers).toHaveLength([...groupSizes.values()].filter((size) => size > 1).length);
    expect(papers.map((paper) => paper.entryCount)).toEqual(
      [...groupSizes.values()].filter((size) => size > 1).sort((a, b) => b - a),
    );
  });
});

describe('at 10,000 entries', () => {
  it('draws about 330 weekly issues as months, and every entry is still counted once per topic', () => {
    const template = fixtureBundle.entries[0]!;
    const issues: ArchiveBundle['issues'] = [];
    const entries: Entry[] = [];
    const start = Date.UTC(2020, 0, 4);
    for (let week = 0; week < 330; week++) {
      const date = new Date(start + week * 7 * 86_400_000).toISOString().slice(0, 10);
      const ids: string[] = [];
      for (let n = 1; n <= 30; n++) {
        const id = `${date}-entry-${n}`;
        ids.push(id);
        entries.push({ ...template, id, issueId: date, position: n, topics: [n % 2 ? 'Agents' : 'Robotics'] });
      }
      issues.unshift({ id: date, date, title: `Issue ${date}`, entryIds: ids });
    }
    const archive = indexArchive({ ...fixtureBundle, issues, entries });
    const { time, topics } = topicsAcrossIssues(archive);
    expect(time.unit).toBe('month');
    expect(time.periods.length).toBeLessThanOrEqual(77);
    expect(topics.reduce((sum, series) => sum + series.total, 0)).toBe(9_900);
    expect(topics.find((series) => series.name === 'Agents')!.total).toBe(330 * 15);
  });
});

describe('links from marks', () => {
  it('uses the search page’s own parameter names', () => {
    const url = new URL(exploreSearchUrl({ topic: 'Agents & Tools', issue: '2024-11-02' }), 'http://localhost');
    expect(url.pathname).toBe('/search');
    expect(readSearchParams(url.searchParams).selection).toEqual({ topic: ['Agents & Tools'], issue: ['2024-11-02'] });
    const kinds = new URL(exploreSearchUrl({ kind: ['news', 'blog'], month: '2024-10', code: true }), 'http://x');
    expect(readSearchParams(kinds.searchParams).selection).toEqual({
      month: ['2024-10'],
      kind: ['news', 'blog'],
      code: ['1'],
    });
  });
});
