import { useMemo } from 'react';
import { OrganisationsChart } from '@/features/explore/components/organisations-chart';
import { RepeatedPapers } from '@/features/explore/components/repeated-papers';
import { SourcesChart } from '@/features/explore/components/sources-chart';
import { TopicsChart } from '@/features/explore/components/topics-chart';
import {
  repeatedPapers,
  sources,
  timeline,
  topicsAcrossIssues,
  topOrganisations,
} from '@/features/explore/lib/aggregate';
import { spanText } from '@/features/explore/lib/summaries';
import type { Archive } from '@/lib/archive-query';
import { formatCount } from '@/lib/format-count';

/** The field as pictures: topics, organisations, sources and repeated papers across the whole archive. */
export function ExplorePage({ archive }: { archive: Archive }) {
  const charts = useMemo(() => {
    const time = timeline(archive);
    return {
      time,
      topics: topicsAcrossIssues(archive, time),
      organisations: topOrganisations(archive, 15, time),
      sources: sources(archive, time),
      papers: repeatedPapers(archive),
    };
  }, [archive]);
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Explore</h1>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        The archive as pictures: {formatCount(archive.entries.length)} entries over {spanText(charts.time)}. Every bar
        and point opens the matching search.
      </p>
      <div className="mt-8">
        <TopicsChart data={charts.topics} />
        <OrganisationsChart data={charts.organisations} />
        <SourcesChart data={charts.sources} />
        <RepeatedPapers papers={charts.papers} />
      </div>
    </>
  );
}
