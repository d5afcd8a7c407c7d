import { useId } from 'react';
import { ChartSection, LegendItem, tableClass } from '@/features/explore/components/chart-section';
import { BAR, COLUMN, FOCUS_STROKE, MarkLink, Tooltip, useTooltip } from '@/features/explore/components/marks';
import { Axis } from '@/features/explore/components/topics-chart';
import {
  exploreSearchUrl,
  percent,
  SOURCE_GROUPS,
  type SourceGroup,
  type Sources,
} from '@/features/explore/lib/aggregate';
import { sourcesSummary } from '@/features/explore/lib/summaries';

const HEIGHT = 80;
const CODE_HEIGHT = 32;

const GROUPS: { group: SourceGroup; label: string; fill: string; swatch: string }[] = [
  {
    group: 'papers',
    label: 'Papers',
    fill: 'fill-[#0072B2] dark:fill-[#56B4E9]',
    swatch: 'bg-[#0072B2] dark:bg-[#56B4E9]',
  },
  {
    group: 'newsAndBlogs',
    label: 'News and blog posts',
    fill: 'fill-[#D55E00] dark:fill-[#E69F00]',
    // Stripes, so the two kinds differ without colour too.
    swatch:
      'bg-[repeating-linear-gradient(135deg,#D55E00_0_2px,#f5d0b5_2px_4px)] dark:bg-[repeating-linear-gradient(135deg,#E69F00_0_2px,#5c3f00_2px_4px)]',
  },
  {
    group: 'other',
    label: 'Reports and releases',
    fill: 'fill-stone-400 dark:fill-stone-500',
    swatch: 'bg-stone-400 dark:bg-stone-500',
  },
];

/** Papers against news and blog posts per period as stacked bars, and the share with code beneath. */
export function SourcesChart({ data }: { data: Sources }) {
  const { time, periods } = data;
  const stripes = useId();
  const bars = useTooltip();
  const code = useTooltip();
  const width = time.periods.length * COLUMN;
  const max = Math.max(1, ...periods.map((counts) => counts.total));
  return (
    <ChartSection
      title="Sources"
      summary={sourcesSummary(data)}
      table={<SourcesTable data={data} />}
      legend={
        <ul
          className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700 dark:text-stone-300"
          aria-label="Legend"
        >
          {GROUPS.map(({ group, label, swatch }) => (
            <LegendItem key={group} swatchClass={swatch} label={label} />
          ))}
          <LegendItem swatchClass="bg-[#009E73] dark:bg-[#2dc89a]" label="Share with code" />
        </ul>
      }
    >
      <p className="mb-1 text-xs text-stone-600 dark:text-stone-400">
        Entries per {time.unit} by kind, papers at the bottom (tallest bar: {max}).
      </p>
      <div className="relative border-b border-stone-300 dark:border-stone-700">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="block h-40 w-full overflow-visible"
          role="group"
          aria-label={`Entries by kind per ${time.unit}`}
        >
          <defs>
            <pattern id={stripes} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="3" height="3" className="fill-[#D55E00] dark:fill-[#E69F00]" />
              <rect width="1.2" height="3" className="fill-white/55 dark:fill-black/45" />
            </pattern>
          </defs>
          {periods.map((counts, index) => {
            const period = time.periods[index]!;
            let top = HEIGHT;
            return GROUPS.map(({ group, label, fill }) => {
              const count = counts[group];
              if (count === 0) return null;
              const height = (count / max) * HEIGHT;
              top -= height;
              return (
                <MarkLink
                  key={`${period.key}-${group}`}
                  to={exploreSearchUrl({ kind: SOURCE_GROUPS[group], ...period.facets })}
                  label={`${label}, ${period.label}: ${count} of ${counts.total} (${percent(count, counts.total)}%)`}
                  at={(index + 0.5) / time.periods.length}
                  onShow={bars.show}
                  onHide={bars.hide}
                >
                  <rect
                    x={index * COLUMN + (COLUMN - BAR) / 2}
                    y={top}
                    width={BAR}
                    height={height}
                    fill={group === 'newsAndBlogs' ? `url(#${stripes})` : undefined}
                    className={`${group === 'newsAndBlogs' ? '' : fill} stroke-stone-50 stroke-[0.5] group-hover/mark:opacity-70 group-focus-visible/mark:stroke-indigo-600 group-focus-visible/mark:stroke-2 dark:stroke-stone-950 dark:group-focus-visible/mark:stroke-indigo-400`}
                    vectorEffect="non-scaling-stroke"
                  />
                </MarkLink>
              );
            });
          })}
        </svg>
        <Tooltip tooltip={bars.tooltip} />
      </div>
      <p className="mt-4 mb-1 text-xs text-stone-600 dark:text-stone-400">
        Share of entries with a code link, per {time.unit} (full height: 100%).
      </p>
      <div className="relative border-b border-stone-300 dark:border-stone-700">
        <svg
          viewBox={`0 0 ${width} ${CODE_HEIGHT}`}
          preserveAspectRatio="none"
          className="block h-14 w-full overflow-visible"
          role="group"
          aria-label={`Share of entries with code per ${time.unit}`}
        >
          {periods.map((counts, index) => {
            if (counts.withCode === 0) return null;
            const period = time.periods[index]!;
            const share = counts.withCode / counts.total;
            return (
              <MarkLink
                key={period.key}
                to={exploreSearchUrl({ code: true, ...period.facets })}
                label={`With code, ${period.label}: ${counts.withCode} of ${counts.total} (${percent(counts.withCode, counts.total)}%)`}
                at={(index + 0.5) / time.periods.length}
                onShow={code.show}
                onHide={code.hide}
              >
                <rect
                  x={index * COLUMN}
                  y={0}
                  width={COLUMN}
                  height={CODE_HEIGHT}
                  vectorEffect="non-scaling-stroke"
                  className={`fill-transparent ${FOCUS_STROKE}`}
                />
                <rect
                  x={index * COLUMN + (COLUMN - BAR) / 2}
                  y={CODE_HEIGHT - share * CODE_HEIGHT}
                  width={BAR}
                  height={share * CODE_HEIGHT}
                  className="fill-[#009E73] group-hover/mark:opacity-70 group-focus-visible/mark:opacity-70 dark:fill-[#2dc89a]"
                />
              </MarkLink>
            );
          })}
        </svg>
        <Tooltip tooltip={code.tooltip} />
      </div>
      <Axis time={time} wide />
    </ChartSection>
  );
}

function SourcesTable({ data: { time, periods, overall } }: { data: Sources }) {
  const rows = [
    ...time.periods.map((period, index) => ({ key: period.key, label: period.label, counts: periods[index]! })),
    { key: 'total', label: 'Total', counts: overall },
  ];
  return (
    <table className={tableClass}>
      <caption className="sr-only">Entries by kind and with code per {time.unit}</caption>
      <thead>
        <tr>
          <th scope="col">{time.unit === 'issue' ? 'Issue' : 'Month'}</th>
          <th scope="col" className="text-right">
            Papers
          </th>
          <th scope="col" className="text-right">
            News and blog posts
          </th>
          <th scope="col" className="text-right">
            Reports and releases
          </th>
          <th scope="col" className="text-right">
            With code
          </th>
          <th scope="col" className="text-right">
            Entries
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label, counts }) => (
          <tr key={key}>
            <th scope="row" className="whitespace-nowrap">
              {label}
            </th>
            <td className="text-right tabular-nums">{counts.papers}</td>
            <td className="text-right tabular-nums">{counts.newsAndBlogs}</td>
            <td className="text-right tabular-nums">{counts.other}</td>
            <td className="text-right tabular-nums">
              {counts.withCode} ({percent(counts.withCode, counts.total)}%)
            </td>
            <td className="text-right tabular-nums">{counts.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
