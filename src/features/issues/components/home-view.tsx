import { memo, startTransition, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { entryPath, issuePath } from '@/components/entry/paths';
import { Page } from '@/components/layout/page';
import { buttonClasses } from '@/components/ui/button';
import { TopicChips } from '@/components/ui/chips';
import { FormattedDate, formatDate } from '@/components/ui/formatted-date';
import { countArxivPapers } from '@/features/issues/lib/issue-stats';
import type { Archive } from '@/lib/archive-query';

export interface HomeViewProps {
  archive: Archive;
  /** Shown above the latest issue, e.g. "New since your last visit". */
  notice?: ReactNode;
}

/** Issue cards in the first render; the rest follow in slices, so no one commit (or layout) holds the whole archive. */
const FIRST_ISSUES = 48;
const ISSUE_SLICE = 48;

/** How many of `total` issue cards to render: {@link FIRST_ISSUES} at once, then a slice more per task until all. */
function useGrowingCount(total: number): number {
  const [shown, setShown] = useState(() => Math.min(total, FIRST_ISSUES));
  useEffect(() => {
    if (shown >= total) return;
    const handle = setTimeout(
      () => startTransition(() => setShown((count) => Math.min(total, count + ISSUE_SLICE))),
      0,
    );
    return () => clearTimeout(handle);
  }, [shown, total]);
  return Math.min(shown, total);
}

/** The home page: the latest issue's headlines up front, then every issue of the archive. */
export function HomeView({ archive, notice }: HomeViewProps) {
  const latest = archive.issues[0];
  const shownIssues = useGrowingCount(archive.issues.length);
  const chunks = useMemo(() => {
    const sliced = [];
    for (let start = 0; start < archive.issues.length; start += ISSUE_SLICE)
      sliced.push(archive.issues.slice(start, start + ISSUE_SLICE));
    return sliced;
  }, [archive.issues]);
  if (!latest) {
    return (
      <Page title="Latest issue">
        <h1 className="text-3xl font-semibold tracking-tight">The archive is empty</h1>
        <p className="mt-3 text-stone-700 dark:text-stone-300">No issues have been published yet.</p>
      </Page>
    );
  }
  const latestEntries = archive.entriesByIssue.get(latest.id) ?? [];
  const latestDate = formatDate(latest.date, 'long');

  return (
    <Page title="Latest issue">
      {notice}
      <section aria-labelledby="latest-heading">
        <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
          Latest issue
        </p>
        <div className="mt-1 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h1
              id="latest-heading"
              className="text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl dark:text-stone-50"
            >
              Issue of {latestDate}
            </h1>
            <p className="mt-2 text-stone-700 dark:text-stone-300">
              {latestEntries.length} entries · {countArxivPapers(latestEntries)} arXiv papers
            </p>
          </div>
          <Link
            to={issuePath(latest.id)}
            className={buttonClasses({ variant: 'primary', className: 'self-start sm:self-auto' })}
          >
            Read the full issue <span aria-hidden="true">→</span>
          </Link>
        </div>
        <ol
          aria-label={`Headlines of the issue of ${latestDate}`}
          className="mt-8 grid grid-cols-1 gap-x-10 gap-y-1 md:grid-cols-2"
        >
          {latestEntries.map((entry) => (
            <li key={entry.id} className="border-b border-stone-200 dark:border-stone-800">
              <Link
                to={entryPath(entry.id)}
                className="group flex gap-3 rounded-md py-3 hover:bg-stone-100/70 dark:hover:bg-stone-900"
              >
                <span
                  aria-hidden="true"
                  className="w-7 shrink-0 pt-0.5 text-right text-sm font-semibold text-stone-500 tabular-nums dark:text-stone-400"
                >
                  {entry.position}
                </span>
                <span className="min-w-0">
                  <span className="block leading-snug font-medium text-stone-900 group-hover:text-indigo-800 group-hover:underline group-hover:underline-offset-4 dark:text-stone-100 dark:group-hover:text-indigo-200">
                    {entry.headline}
                  </span>
                  {entry.organizations.length > 0 && (
                    <span className="mt-0.5 block truncate text-sm text-stone-600 dark:text-stone-400">
                      {entry.organizations.join(', ')}
                    </span>
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="archive-heading" className="mt-16">
        <h2 id="archive-heading" className="text-2xl font-semibold tracking-tight text-stone-900 dark:text-stone-50">
          Archive
        </h2>
        <p className="mt-1 text-stone-700 dark:text-stone-300">
          {archive.issues.length} issues · {archive.entryCount} entries
        </p>
        <ol className="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {chunks.slice(0, Math.ceil(shownIssues / ISSUE_SLICE)).map((chunk, number) => (
            <IssueCards key={number} issues={chunk} first={number * ISSUE_SLICE} issueTopics={archive.issueTopics} />
          ))}
        </ol>
      </section>
    </Page>
  );
}

/** One slice of the archive's issue cards; memoised, so a new slice leaves the ones before it alone. */
const IssueCards = memo(function IssueCards({
  issues,
  first,
  issueTopics,
}: {
  issues: Archive['issues'];
  first: number;
  issueTopics: Archive['issueTopics'];
}) {
  return (
    <>
      {issues.map((issue, offset) => {
        const index = first + offset;
        const count = issue.entryCount;
        return (
          <li
            key={issue.id}
            className="relative flex flex-col rounded-xl border border-stone-200 bg-white p-5 shadow-xs [contain-intrinsic-size:auto_9rem] [content-visibility:auto] focus-within:ring-2 focus-within:ring-indigo-600 hover:border-indigo-300 dark:border-stone-800 dark:bg-stone-900 dark:focus-within:ring-indigo-400 dark:hover:border-indigo-700"
          >
            <h3 className="text-lg font-semibold text-stone-900 dark:text-stone-50">
              <Link
                to={issuePath(issue.id)}
                className="outline-none after:absolute after:inset-0 after:rounded-xl after:content-['']"
              >
                <FormattedDate date={issue.date} style="long" />
              </Link>
            </h3>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              {count} {count === 1 ? 'entry' : 'entries'}
              {index === 0 && (
                <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
                  Latest
                </span>
              )}
            </p>
            <TopicChips topics={issueTopics.get(issue.id) ?? []} issueId={issue.id} className="relative z-10 mt-4" />
          </li>
        );
      })}
    </>
  );
});
