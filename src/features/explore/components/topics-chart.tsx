import { ChartSection, tableClass } from '@/features/explore/components/chart-section';
import { BAR, COLUMN, FOCUS_STROKE, MarkLink, Tooltip, useTooltip } from '@/features/explore/components/marks';
import {
  exploreSearchUrl,
  type Series,
  type Timeline,
  type TopicsAcrossIssues,
} from '@/features/explore/lib/aggregate';
import { topicsSummary } from '@/features/explore/lib/summaries';

const HEIGHT = 36;

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

/** Topics across issues as small multiples: one row of bars per topic, all on one scale, each bar a link to search. */
export function TopicsChart({ data }: { data: TopicsAcrossIssues }) {
  const { time, topics } = data;
  const max = Math.max(1, ...topics.flatMap((series) => series.counts));
  return (
    <ChartSection
      title="Topics across issues"
      summary={topicsSummary(data)}
      table={<TopicsTable time={time} topics={topics} />}
    >
      <p className="mb-3 text-xs text-stone-600 dark:text-stone-400">
        One row per topic, one bar per {time.unit}, oldest on the left; all rows share one scale (tallest bar:{' '}
        {entries(max)}).
      </p>
      <ul className="space-y-1" aria-label="Topics">
        {topics.map((series) => (
          <TopicRow key={series.name} series={series} time={time} max={max} />
        ))}
      </ul>
      <Axis time={time} />
    </ChartSection>
  );
}

function TopicRow({ series, time, max }: { series: Series; time: Timeline; max: number }) {
  const { tooltip, show, hide } = useTooltip();
  const width = time.periods.length * COLUMN;
  return (
    <li className="grid grid-cols-1 items-end gap-x-3 sm:grid-cols-[11rem_1fr]">
      <span className="flex justify-between gap-2 text-sm">
        <span className="truncate font-medium">{series.name}</span>
        <span className="text-stone-600 tabular-nums dark:text-stone-400">{series.total}</span>
      </span>
      <div className="relative border-b border-stone-300 dark:border-stone-700">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="block h-9 w-full overflow-visible"
          role="group"
          aria-label={`${series.name} per ${time.unit}`}
        >
          {series.counts.map((count, index) => {
            if (count === 0) return null;
            const period = time.periods[index]!;
            const height = Math.max(1.5, (count / max) * HEIGHT);
            return (
              <MarkLink
                key={period.key}
                to={exploreSearchUrl({ topic: series.name, ...period.facets })}
                label={`${series.name}, ${period.label}: ${entries(count)}`}
                at={(index + 0.5) / time.periods.length}
                onShow={show}
                onHide={hide}
              >
                <rect
                  x={index * COLUMN}
                  y={0}
                  width={COLUMN}
                  height={HEIGHT}
                  vectorEffect="non-scaling-stroke"
                  className={`fill-transparent ${FOCUS_STROKE}`}
                />
                <rect
                  x={index * COLUMN + (COLUMN - BAR) / 2}
                  y={HEIGHT - height}
                  width={BAR}
                  height={height}
                  className="fill-[#0072B2] group-hover/mark:fill-[#D55E00] group-focus-visible/mark:fill-[#D55E00] dark:fill-[#56B4E9] dark:group-hover/mark:fill-[#E69F00] dark:group-focus-visible/mark:fill-[#E69F00]"
                />
              </MarkLink>
            );
          })}
        </svg>
        <Tooltip tooltip={tooltip} />
      </div>
    </li>
  );
}

/** The first and last period under the chart, so the time axis reads without a label per bar; `wide` for charts without row labels. */
export function Axis({ time, wide = false }: { time: Timeline; wide?: boolean }) {
  const first = time.periods[0];
  const last = time.periods.at(-1);
  if (!first || !last) return null;
  return (
    <div className={`grid grid-cols-1 gap-x-3 ${wide ? '' : 'sm:grid-cols-[11rem_1fr]'}`}>
      {!wide && <span aria-hidden="true" className="hidden sm:block" />}
      <div className="mt-1 flex justify-between text-xs text-stone-600 dark:text-stone-400">
        <span>{first.label}</span>
        {last !== first && <span>{last.label}</span>}
      </div>
    </div>
  );
}

function TopicsTable({ time, topics }: { time: Timeline; topics: Series[] }) {
  return (
    <table className={tableClass}>
      <caption className="sr-only">Entries per topic per {time.unit}</caption>
      <thead>
        <tr>
          <th scope="col">{time.unit === 'issue' ? 'Issue' : 'Month'}</th>
          {topics.map((series) => (
            <th key={series.name} scope="col" className="text-right">
              {series.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {time.periods.map((period, index) => (
          <tr key={period.key}>
            <th scope="row" className="whitespace-nowrap">
              {period.label}
            </th>
            {topics.map((series) => (
              <td key={series.name} className="text-right tabular-nums">
                {series.counts[index]}
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row">Total</th>
          {topics.map((series) => (
            <td key={series.name} className="text-right font-medium tabular-nums">
              {series.total}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
