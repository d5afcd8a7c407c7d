const dateFormat = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDateFormat = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function parseIsoDate(isoDate: string): Date | null {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Nov 2, 2024" for "2024-11-02"; dates are calendar days, so read and shown in UTC. */
export function formatDate(isoDate: string, style: 'short' | 'long' = 'short'): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  return (style === 'long' ? longDateFormat : dateFormat).format(date);
}

/** A <time> element for a YYYY-MM-DD date. */
export function FormattedDate({ date, style = 'short', className }: { date: string; style?: 'short' | 'long'; className?: string }) {
  return (
    <time dateTime={date} className={className}>
      {formatDate(date, style)}
    </time>
  );
}
