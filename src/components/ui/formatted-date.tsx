import { MONTH_NAMES } from '@/shared/labels';

/**
 * "Nov 2, 2024" (or "November 2, 2024") for "2024-11-02"; anything else is returned unchanged.
 * Formatted by hand: dates are calendar days (no time zone), and building Intl formatters is slow on first use.
 */
export function formatDate(isoDate: string, style: 'short' | 'long' = 'short'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDate;
  const day = Number(match[3]);
  return `${style === 'long' ? month : month.slice(0, 3)} ${day}, ${match[1]}`;
}

/** A <time> element for a YYYY-MM-DD date. */
export function FormattedDate({
  date,
  style = 'short',
  className,
}: {
  date: string;
  style?: 'short' | 'long';
  className?: string;
}) {
  return (
    <time dateTime={date} className={className}>
      {formatDate(date, style)}
    </time>
  );
}
