import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

export interface ChartSectionProps {
  title: string;
  /** One sentence, computed from the chart's numbers. */
  summary: string;
  /** What the chart shows, as a table with the same numbers. */
  table: ReactNode;
  /** A legend, shown above the chart. */
  legend?: ReactNode;
  children: ReactNode;
}

/** A chart with its title, text summary, and a "Show as table" toggle that swaps the picture for a real table. */
export function ChartSection({ title, summary, table, legend, children }: ChartSectionProps) {
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section aria-labelledby={headingId} className="mt-10 first:mt-0">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold tracking-tight">
          {title}
        </h2>
        <Button size="sm" aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      </div>
      <p className="mt-2 max-w-prose text-sm text-stone-700 dark:text-stone-300">{summary}</p>
      {asTable ? (
        // Focusable, so a keyboard can scroll a table wider than a phone.
        <div className="mt-4 overflow-x-auto focus-ring" tabIndex={0} role="group" aria-label={`${title}, table`}>
          {table}
        </div>
      ) : (
        <div className="mt-4">
          {legend}
          {children}
        </div>
      )}
    </section>
  );
}

/** Table classes shared by every chart's table view. */
export const tableClass =
  'w-full border-collapse text-left text-sm [&_td]:border-t [&_td]:border-stone-200 [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_th]:font-medium dark:[&_td]:border-stone-800';

/** A legend swatch and its label; the swatch is decoration, the label carries the meaning. */
export function LegendItem({ swatchClass, label }: { swatchClass: string; label: string }) {
  return (
    <li className="flex items-center gap-1.5">
      <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${swatchClass}`} />
      {label}
    </li>
  );
}
