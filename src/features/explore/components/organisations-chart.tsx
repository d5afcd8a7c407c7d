import { Link } from 'react-router';
import { ChartSection, tableClass } from '@/features/explore/components/chart-section';
import { COLUMN, FOCUS_STROKE, MarkLink, Tooltip, useTooltip } from '@/features/explore/components/marks';
import { Axis } from '@/features/explore/components/topics-chart';
import { exploreSearchUrl, type Series, type Timeline, type TopOrganisations } from '@/features/explore/lib/aggregate';
import { organisationsSummary } from '@/features/explore/lib/summaries';

const HEIGHT = 28;

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

/** The organisations with the most entries, each with a sparkline across the issues; every point links to search. */
export function OrganisationsChart({ data }: { data: TopOrganisations }) {
  const { time, organisations } = data;
  return (
    <ChartSection
      title={`Top ${organisations.length} organisations`}
      summary={organisationsSummary(data)}
      table={<OrganisationsTable time={time} organisations={organisations} />}
    >
      <p className="mb-3 text-xs text-stone-600 dark:text-stone-400">
        Entries per {time.unit}, oldest on the left; each line has its own scale, up to its busiest {time.unit}.
      </p>
      <ol className="space-y-1" aria-label="Organisations by number of entries">
        {organisations.map((series) => (
          <OrganisationRow key={series.name} series={series} time={time} />
        ))}
      </ol>
      <Axis time={time} />
    </ChartSection>
  );
}

function OrganisationRow({ series, time }: { series: Series; time: Timeline }) {
  const { tooltip, show, hide } = useTooltip();
  const width = time.periods.length * COLUMN;
  const max = Math.max(1, ...series.counts);
  const y = (count: number) => HEIGHT - 2 - (count / max) * (HEIGHT - 4);
  const points = series.counts.map((count, index) => `${index * COLUMN + COLUMN / 2},${y(count)}`).join(' ');
  return (
    <li className="grid grid-cols-1 items-center gap-x-3 sm:grid-cols-[11rem_1fr]">
      <span className="flex justify-between gap-2 text-sm">
        <Link
          to={exploreSearchUrl({ org: series.name })}
          className="truncate font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
          aria-label={`${series.name}: ${entries(series.total)}, search all`}
        >
          {series.name}
        </Link>
        <span className="text-stone-600 tabular-nums dark:text-stone-400">{series.total}</span>
      </span>
      <div className="relative">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="block h-7 w-full overflow-visible"
          role="group"
          aria-label={`${series.name} per ${time.unit}`}
        >
          <polyline
            points={points}
            fill="none"
            vectorEffect="non-scaling-stroke"
            strokeWidth={2}
            strokeLinejoin="round"
            className="stroke-[#0072B2] dark:stroke-[#56B4E9]"
          />
          {series.counts.map((count, index) => {
            if (count === 0) return null;
            const period = time.periods[index]!;
            return (
              <MarkLink
                key={period.key}
                to={exploreSearchUrl({ org: series.name, ...period.facets })}
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
                  className={`${FOCUS_STROKE} fill-transparent group-hover/mark:fill-[#D55E00]/20 group-focus-visible/mark:fill-[#D55E00]/20 dark:group-hover/mark:fill-[#E69F00]/25 dark:group-focus-visible/mark:fill-[#E69F00]/25`}
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

function OrganisationsTable({ time, organisations }: { time: Timeline; organisations: Series[] }) {
  return (
    <table className={tableClass}>
      <caption className="sr-only">Entries per organisation per {time.unit}</caption>
      <thead>
        <tr>
          <th scope="col">Organisation</th>
          <th scope="col" className="text-right">
            Total
          </th>
          {time.periods.map((period) => (
            <th key={period.key} scope="col" className="text-right whitespace-nowrap">
              {period.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {organisations.map((series) => (
          <tr key={series.name}>
            <th scope="row">{series.name}</th>
            <td className="text-right font-medium tabular-nums">{series.total}</td>
            {series.counts.map((count, index) => (
              <td key={time.periods[index]!.key} className="text-right tabular-nums">
                {count}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
