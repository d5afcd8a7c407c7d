import { memo, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import { entryPath } from '@/components/entry/paths';
import { formatDate } from '@/components/ui/formatted-date';
import { EntryDates } from '@/components/entry/entry-dates';
import type { Entry } from '@/shared/bundle';
import type { SearchField } from '@/shared/search-options';
import type { SearchHit } from '@/features/search/lib/search-engine';
import type { TextSegment } from '@/features/search/lib/highlight';
import { HighlightedText } from '@/features/search/components/highlighted-text';

const FIELD_LABELS: Readonly<Record<SearchField, string>> = {
  headline: 'Headline',
  paperTitle: 'Paper title',
  summary: 'Summary',
  organizations: 'Organisations',
  topics: 'Topics',
  body: 'Body',
};

/** Marks headline links so the arrow keys can move between results. */
const RESULT_LINK = 'data-result-link';

export interface SearchResultsProps {
  hits: readonly SearchHit[];
  grouped: boolean;
  renderActions?: (entry: Entry) => ReactNode;
  /** Whether the reader has read an entry; read results are dimmed. */
  isRead?: (entryId: string) => boolean;
  /** Where ↑ from the first result goes, and Esc. */
  onLeave: () => void;
  /** The list, for the `j`/`k` keys. */
  listRef?: RefObject<HTMLOListElement | null>;
}

/** Moves focus to the first result's link; false when there are none. */
export function focusFirstResult(container: ParentNode = document): boolean {
  const link = container.querySelector<HTMLElement>(`[${RESULT_LINK}]`);
  link?.focus();
  return !!link;
}

interface ResultItemProps {
  hit: SearchHit;
  grouped: boolean;
  read: boolean;
  renderActions?: SearchResultsProps['renderActions'];
}

function sameSegments(a: readonly TextSegment[], b: readonly TextSegment[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment.text === b[i]?.text && segment.mark === b[i]?.mark);
}

/**
 * Whether a result would render the same. Every answer from the worker is a fresh copy, so identity says nothing; this
 * compares what is shown, so a keystroke that leaves a result as it was does not render it again.
 */
function sameResult(previous: ResultItemProps, next: ResultItemProps): boolean {
  const a = previous.hit;
  const b = next.hit;
  return (
    previous.grouped === next.grouped &&
    previous.read === next.read &&
    previous.renderActions === next.renderActions &&
    a.entry.id === b.entry.id &&
    a.issue?.id === b.issue?.id &&
    a.fields.join() === b.fields.join() &&
    a.coverage.map((item) => item.id).join() === b.coverage.map((item) => item.id).join() &&
    sameSegments(a.headline, b.headline) &&
    sameSegments(a.snippet, b.snippet)
  );
}

const ResultItem = memo(function ResultItem({ hit, grouped, read, renderActions }: ResultItemProps) {
  const { entry } = hit;
  const headingId = `result-${entry.id}`;
  const others = hit.coverage.filter((item) => item.id !== entry.id);
  return (
    <li>
      <article
        data-entry-id={entry.id}
        data-read={read ? '' : undefined}
        tabIndex={-1}
        aria-labelledby={headingId}
        className="scroll-mt-28 rounded-xl border border-stone-200 bg-white p-4 shadow-xs outline-none focus:ring-2 focus:ring-indigo-600 focus:ring-offset-2 focus:ring-offset-stone-50 sm:p-5 dark:border-stone-800 dark:bg-stone-900 dark:focus:ring-indigo-400 dark:focus:ring-offset-stone-950"
      >
        <div className="flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <p className="mb-1 flex flex-wrap items-center gap-x-2 text-xs font-medium text-stone-600 dark:text-stone-400">
              <EntryDates entry={entry} issueDate={hit.issue?.date ?? null} showIssue />
            </p>
            <h3
              id={headingId}
              className={`text-lg leading-snug ${read ? 'font-medium text-stone-600 dark:text-stone-400' : 'font-semibold text-stone-900 dark:text-stone-50'}`}
            >
              <Link
                to={entryPath(entry.id)}
                {...{ [RESULT_LINK]: '' }}
                className="rounded-sm underline-offset-4 hover:text-indigo-800 hover:underline dark:hover:text-indigo-200"
              >
                <HighlightedText segments={hit.headline} />
              </Link>
              {read && <span className="sr-only"> (read)</span>}
            </h3>
            {entry.organizations.length > 0 && (
              <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
                <span className="sr-only">Organisations: </span>
                {entry.organizations.join(' · ')}
              </p>
            )}
          </div>
          {renderActions && <div className="shrink-0">{renderActions(entry)}</div>}
        </div>
        <p className="mt-2 text-sm leading-relaxed text-stone-700 dark:text-stone-300">
          <HighlightedText segments={hit.snippet} />
        </p>
        {hit.fields.length > 0 && (
          <p className="mt-3 flex flex-wrap items-center gap-1.5 text-xs text-stone-600 dark:text-stone-400">
            <span>Matched in</span>
            {hit.fields.map((field) => (
              <span
                key={field}
                className="rounded-full bg-stone-100 px-2 py-0.5 font-medium text-stone-700 ring-1 ring-stone-200 ring-inset dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-700"
              >
                {FIELD_LABELS[field]}
              </span>
            ))}
          </p>
        )}
        {grouped && others.length > 0 && (
          <div className="mt-3 border-t border-stone-200 pt-3 text-sm dark:border-stone-800">
            <p className="font-medium text-stone-800 dark:text-stone-200">Covered in {hit.coverage.length} issues</p>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {hit.coverage.map((item) => (
                <li key={item.id}>
                  <Link
                    to={entryPath(item.id)}
                    className="text-indigo-800 underline underline-offset-4 hover:no-underline dark:text-indigo-200"
                    aria-current={item.id === entry.id ? 'true' : undefined}
                  >
                    {formatDate(item.issueId)}: {item.headline}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </article>
    </li>
  );
}, sameResult);

/**
 * The results, with ↓/↑ moving between their links and Esc going back to the search box. Memoised: typing renders
 * the box at once and the results only when an answer changes them.
 */
export const SearchResults = memo(function SearchResults({
  hits,
  grouped,
  renderActions,
  isRead,
  onLeave,
  listRef,
}: SearchResultsProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const links = [...event.currentTarget.querySelectorAll<HTMLElement>(`[${RESULT_LINK}]`)];
    const target = event.target as HTMLElement;
    // A result focused by `j`/`k` counts as its headline link.
    const index = target.hasAttribute('data-entry-id')
      ? links.findIndex((link) => target.contains(link))
      : links.indexOf(target);
    if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
      return;
    }
    if (index === -1 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') links[Math.min(index + 1, links.length - 1)]?.focus();
    else if (index === 0) onLeave();
    else links[index - 1]?.focus();
  };
  return (
    <ol ref={listRef} className="space-y-3" onKeyDown={onKeyDown}>
      {hits.map((hit) => (
        <ResultItem
          key={hit.entry.id}
          hit={hit}
          grouped={grouped}
          read={isRead?.(hit.entry.id) ?? false}
          renderActions={renderActions}
        />
      ))}
    </ol>
  );
});
