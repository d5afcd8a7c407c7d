import { Link } from 'react-router';
import { issuePath } from '@/components/entry/paths';
import { formatDate } from '@/components/ui/formatted-date';
import type { Entry } from '@/shared/bundle';
import { ENTRY_KIND_LABELS } from '@/shared/labels';

/** "Sep 9" when the date falls in the issue's year, else "Sep 9, 2023"; the full date when the issue is unknown. */
export function dateWithinIssue(date: string, issueDate: string | null): string {
  const full = formatDate(date);
  return issueDate && issueDate.slice(0, 4) === date.slice(0, 4) ? full.replace(/, \d{4}$/, '') : full;
}

/** The day of an entry's issue: `issueDate` when known, else the issue's id when that is a date, else null. */
export function issueDayOf(issueId: string, issueDate?: string | null): string | null {
  return issueDate ?? (/^\d{4}-\d{2}-\d{2}$/.test(issueId) ? issueId : null);
}

export interface EntryDatesProps {
  entry: Pick<Entry, 'kind' | 'publishedOn' | 'issueId'>;
  /** YYYY-MM-DD of the entry's issue; its id is used when not given. */
  issueDate?: string | null;
  /** Also name the issue, linked, as in search results and other lists that mix issues. */
  showIssue?: boolean;
}

/**
 * An entry's two dates, each labelled so they cannot be mistaken for one another: what it reports on and when
 * ("Paper, Sep 9"), then, when asked, the issue it appeared in ("Issue of Oct 13, 2024").
 */
export function EntryDates({ entry, issueDate, showIssue = false }: EntryDatesProps) {
  const issueDay = issueDayOf(entry.issueId, issueDate);
  return (
    <>
      <span>
        {ENTRY_KIND_LABELS[entry.kind]},{' '}
        <time dateTime={entry.publishedOn}>{dateWithinIssue(entry.publishedOn, issueDay)}</time>
      </span>
      {showIssue && (
        <>
          <span aria-hidden="true">·</span>
          <Link to={issuePath(entry.issueId)} className="underline-offset-4 hover:underline">
            Issue of {formatDate(issueDay ?? entry.issueId)}
          </Link>
        </>
      )}
    </>
  );
}
