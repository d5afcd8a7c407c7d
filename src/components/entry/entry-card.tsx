import type { KeyboardEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { EntryDates } from '@/components/entry/entry-dates';
import { entryPath } from '@/components/entry/paths';
import { resourceLinks, ResourceLinkList } from '@/components/entry/paper-links';
import { OrganizationLinks, TopicChips } from '@/components/ui/chips';
import type { Entry } from '@/shared/bundle';

export interface EntryCardProps {
  entry: Entry;
  /** Heading level of the headline, so the page's outline stays in order. */
  headingLevel?: 2 | 3;
  /** Controls shown beside the headline, e.g. a bookmark toggle. */
  actions?: ReactNode;
  /** Show which issue the entry is from (search results, bookmarks). */
  showIssue?: boolean;
  /** Extra content under the summary, e.g. search match highlights. */
  children?: ReactNode;
  /** Read entries are dimmed; unread ones keep full weight. */
  read?: boolean;
  /** Controls at the foot of the card, e.g. a mark-read toggle; kept out of the headline's row so it keeps its width. */
  footer?: ReactNode;
}

/**
 * One entry in a list: its position, headline linking to the entry, summary, organisations, labelled dates, topics and
 * paper links.
 * The card is focusable (`j`/`k` move between cards) and opens the entry on Enter.
 */
export function EntryCard({
  entry,
  headingLevel = 2,
  actions,
  showIssue = false,
  children,
  read = false,
  footer,
}: EntryCardProps) {
  const navigate = useNavigate();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `entry-${entry.id}-headline`;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      void navigate(entryPath(entry.id));
    }
  };
  return (
    <article
      data-entry-id={entry.id}
      data-read={read || undefined}
      tabIndex={-1}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      className="group relative scroll-mt-28 rounded-xl border border-stone-200 bg-white p-4 shadow-xs transition-colors outline-none focus:ring-2 focus:ring-indigo-600 focus:ring-offset-2 focus:ring-offset-stone-50 sm:p-5 dark:border-stone-800 dark:bg-stone-900 dark:focus:ring-indigo-400 dark:focus:ring-offset-stone-950 print:break-inside-avoid print:rounded-none print:border-0 print:border-b print:p-0 print:pb-4 print:shadow-none"
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className="mt-0.5 hidden min-w-8 shrink-0 rounded-md bg-stone-100 px-1.5 py-0.5 text-center text-xs font-semibold text-stone-600 tabular-nums sm:inline-block dark:bg-stone-800 dark:text-stone-300"
        >
          {entry.position}
        </span>
        <div className="min-w-0 flex-1">
          <p
            className={`mb-1 flex flex-wrap items-center gap-x-2 text-xs font-medium tracking-wide text-stone-600 uppercase dark:text-stone-400 ${actions ? 'min-h-5 pr-12' : ''}`}
          >
            <EntryDates entry={entry} showIssue={showIssue} />
          </p>
          {/* Not text-balance or text-pretty: both break a long headline early, leaving width unused. */}
          <Heading
            id={headingId}
            className={`text-lg leading-snug sm:text-xl ${read ? 'font-medium text-stone-600 dark:text-stone-400' : 'font-semibold text-stone-900 dark:text-stone-50'}`}
          >
            {/* Clears the actions only where they overlap the headline's first line, so the other lines keep the full width. */}
            {actions && <span aria-hidden="true" className="float-right h-3 w-12 sm:h-4" />}
            <Link
              to={entryPath(entry.id)}
              className="underline-offset-4 hover:text-indigo-800 hover:underline dark:hover:text-indigo-200"
            >
              <span className="sr-only">{entry.position}.</span> {entry.headline}
              {read && <span className="sr-only"> (read)</span>}
            </Link>
          </Heading>
          {entry.summary && (
            <p
              className={`mt-2 max-w-[70ch] leading-relaxed text-pretty ${read ? 'text-stone-600 dark:text-stone-400' : 'text-stone-700 dark:text-stone-300'}`}
            >
              {entry.summary}
            </p>
          )}
          {children}
          <div className="mt-3 flex flex-col gap-2.5">
            <OrganizationLinks organizations={entry.organizations} />
            <TopicChips topics={entry.topics} />
            <ResourceLinkList links={resourceLinks(entry)} about={entry.headline} />
          </div>
          {footer && <div className="mt-3 flex flex-wrap items-center gap-2 print:hidden">{footer}</div>}
        </div>
        {/* Top right, so the headline and summary keep the card's full width on narrow screens. */}
        {actions && <div className="absolute top-3 right-3 sm:top-4 sm:right-4 print:hidden">{actions}</div>}
      </div>
    </article>
  );
}
