import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavigationType, useNavigationType } from 'react-router';
import { EntryCard } from '@/components/entry/entry-card';
import { Page } from '@/components/layout/page';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { TopicChips } from '@/components/ui/chips';
import { formatDate } from '@/components/ui/formatted-date';
import { IssuePager } from '@/features/issues/components/issue-pager';
import { useEntryKeyboardNav } from '@/components/hooks/use-entry-keyboard-nav';
import { useProgressiveCount } from '@/features/issues/hooks/use-progressive-count';
import { countArxivPapers } from '@/features/issues/lib/issue-stats';
import { issueTopics } from '@/shared/archive-layout';
import type { Archive } from '@/lib/archive-query';
import type { Entry, Issue } from '@/shared/bundle';

export interface IssueViewProps {
  archive: Archive;
  issue: Issue;
  /** Controls for each entry card, e.g. a bookmark toggle. */
  renderEntryActions?: (entry: Entry) => ReactNode;
  /** Controls at the foot of each entry card, e.g. a mark-read toggle. */
  renderEntryFooter?: (entry: Entry) => ReactNode;
  /** Entries the reader has read: dimmed, and counted in "n of N read". Without it, read state is not shown. */
  readIds?: ReadonlySet<string>;
  /** Marks an entry read or unread: the `m` key on a focused card. */
  onToggleRead?: (entryId: string) => boolean;
  /** Shown above the entries, e.g. a notice about saved read marks. */
  notice?: ReactNode;
}

/**
 * Entries in the page's first render: more than fill a tall screen, so the rest is added below the fold
 * (no layout shift) in a later render, which keeps the first one short.
 */
const FIRST_ENTRIES = 8;

/** True until the first issue page of this visit has rendered. */
let visitStartsHere = true;

/** An issue page: every entry in reading order, with keyboard navigation and links to the neighbouring issues. */
export function IssueView({
  archive,
  issue,
  renderEntryActions,
  renderEntryFooter,
  readIds,
  onToggleRead,
  notice,
}: IssueViewProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const entries = archive.entriesByIssue.get(issue.id) ?? [];
  const [readAnnouncement, setReadAnnouncement] = useState('');
  const toggleRead = (entryId: string) => {
    if (!onToggleRead) return;
    const headline = entries.find((entry) => entry.id === entryId)?.headline ?? 'entry';
    setReadAnnouncement(`Marked “${headline}” as ${onToggleRead(entryId) ? 'read' : 'unread'}`);
  };
  useEntryKeyboardNav(listRef, { onToggleRead: onToggleRead ? toggleRead : undefined });
  const readCount = readIds ? entries.filter((entry) => readIds.has(entry.id)).length : 0;
  const navigationType = useNavigationType();
  // Back and forward restore a scroll position that may lie below the first entries, so they render every entry at once.
  // The page a visit starts on is a POP too, but has no position to restore.
  const [restoresScroll] = useState(() => navigationType === NavigationType.Pop && !visitStartsHere);
  useEffect(() => {
    visitStartsHere = false;
  }, []);
  const shownCount = useProgressiveCount(entries.length, restoresScroll ? entries.length : FIRST_ENTRIES);
  const index = archive.issues.findIndex((candidate) => candidate.id === issue.id);
  const previous = archive.issues[index + 1];
  const next = index > 0 ? archive.issues[index - 1] : undefined;
  const topics = issueTopics(entries, archive.bundle.topics, 5);
  const papers = countArxivPapers(entries);
  const dateLabel = formatDate(issue.date, 'long');

  return (
    <Page title={`Issue of ${formatDate(issue.date)}`}>
      <Breadcrumbs crumbs={[{ label: 'Issues', to: '/' }, { label: formatDate(issue.date) }]} />
      <header className="mb-8 flex flex-col gap-6 border-b border-stone-200 pb-8 lg:flex-row lg:items-end lg:justify-between dark:border-stone-800">
        <div className="min-w-0">
          <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
            Weekly issue
          </p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl dark:text-stone-50">
            Issue of {dateLabel}
          </h1>
          <p className="mt-3 text-stone-700 dark:text-stone-300">
            {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
            {papers > 0 && ` · ${papers} arXiv ${papers === 1 ? 'paper' : 'papers'}`}
            {readIds && entries.length > 0 && ` · ${readCount} of ${entries.length} read`}
          </p>
          <TopicChips topics={topics} issueId={issue.id} className="mt-3" />
          <p className="mt-4 hidden text-sm text-stone-600 sm:block dark:text-stone-400 print:hidden">
            Press <Kbd>j</Kbd> and <Kbd>k</Kbd> to move between entries, <Kbd>Enter</Kbd> to open one
            {onToggleRead && (
              <>
                , <Kbd>m</Kbd> to mark it read or unread
              </>
            )}
            .
          </p>
        </div>
        <div className="w-full lg:w-auto lg:shrink-0">
          <IssuePager previous={previous} next={next} label="Neighbouring issues" align="end" />
        </div>
      </header>
      {notice}
      {entries.length === 0 ? (
        <p className="text-stone-700 dark:text-stone-300">This issue has no entries.</p>
      ) : (
        <ol
          ref={listRef}
          aria-label={`Entries of the issue of ${dateLabel}`}
          className="flex flex-col gap-4 print:gap-6"
        >
          {entries.slice(0, shownCount).map((entry) => (
            <li key={entry.id}>
              <EntryCard
                entry={entry}
                actions={renderEntryActions?.(entry)}
                footer={renderEntryFooter?.(entry)}
                read={readIds?.has(entry.id) ?? false}
              />
            </li>
          ))}
        </ol>
      )}
      <div className="mt-10">
        <IssuePager previous={previous} next={next} label="Neighbouring issues, end of page" />
      </div>
      <div role="status" className="sr-only">
        {readAnnouncement}
      </div>
    </Page>
  );
}

function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-stone-300 bg-white px-1.5 py-0.5 font-mono text-xs text-stone-800 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100">
      {children}
    </kbd>
  );
}
