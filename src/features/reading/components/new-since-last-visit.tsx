import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { issuePath } from '@/components/entry/paths';
import { FormattedDate, formatDate } from '@/components/ui/formatted-date';
import { countReadInIssue } from '@/features/reading/components/read-count';
import { useReadState } from '@/features/reading/hooks/use-read-state';
import { catalogueQueryOptions } from '@/lib/archive-query';

/** The issues newer than the newest one the reader's previous visit saw; none on a first visit. */
export function issuesSince<T extends { id: string }>(
  issues: readonly T[],
  seenLatestId: string | null | undefined,
): readonly T[] {
  if (!seenLatestId) return [];
  const index = issues.findIndex((issue) => issue.id === seenLatestId);
  return index > 0 ? issues.slice(0, index) : [];
}

/** YYYY-MM-DD of a timestamp in the reader's time zone. */
function localDay(timestamp: string): string {
  const date = new Date(timestamp);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "New since your last visit": the issues that arrived after the previous visit, each with its unread count. */
export function NewSinceLastVisit() {
  const { previousVisit, ids } = useReadState();
  const { data } = useQuery(catalogueQueryOptions());
  const fresh = issuesSince(data?.issues ?? [], previousVisit?.latestIssueId);
  if (!previousVisit || fresh.length === 0) return null;
  return (
    <section
      aria-labelledby="new-since-heading"
      className="mb-10 rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 sm:p-5 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-50"
    >
      <h2 id="new-since-heading" className="font-semibold">
        New since your last visit
      </h2>
      <p className="mt-1 text-sm">
        Your last visit was on <FormattedDate date={localDay(previousVisit.at)} style="long" />.
      </p>
      <ul className="mt-3 flex flex-col gap-1.5">
        {fresh.map((issue) => {
          const unread = issue.entryCount - countReadInIssue(issue.id, ids);
          return (
            <li key={issue.id} className="text-sm">
              <Link
                to={issuePath(issue.id)}
                className="font-semibold underline underline-offset-4 hover:text-emerald-800 dark:hover:text-emerald-200"
              >
                Issue of {formatDate(issue.date, 'long')}
              </Link>{' '}
              · {issue.entryCount} {issue.entryCount === 1 ? 'entry' : 'entries'}, {unread} unread
            </li>
          );
        })}
      </ul>
    </section>
  );
}
