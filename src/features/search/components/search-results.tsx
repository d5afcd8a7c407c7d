import { memo, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import { entryPath } from '@/components/entry/paths';
import { formatDate } from '@/components/ui/formatted-date';
import { EntryDates } from '@/components/entry/entry-dates';
import type { Entry } from '@/shared/bundle';
import type { SearchHit } from '@/features/search/lib/search-engine';
import type { TextSegment } from '@/features/search/lib/highlight';
import { HighlightedText } from '@/features/search/components/highlighted-text';
import * as css from '@/features/search/components/search-page-classes';

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
        className={css.RESULT}
      >
        <div className="flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <p className={css.RESULT_DATES}>
              <EntryDates entry={entry} issueDate={hit.issue?.date ?? null} showIssue />
            </p>
            <h3 id={headingId} className={css.resultHeadline(read)}>
              <Link to={entryPath(entry.id)} {...{ [RESULT_LINK]: '' }} className={css.RESULT_LINK}>
                <HighlightedText segments={hit.headline} />
              </Link>
              {read && <span className="sr-only"> (read)</span>}
            </h3>
            {entry.organizations.length > 0 && (
              <p className={css.RESULT_ORGANISATIONS}>
                <span className="sr-only">Organisations: </span>
                {entry.organizations.join(' · ')}
              </p>
            )}
          </div>
          {renderActions && <div className="shrink-0">{renderActions(entry)}</div>}
        </div>
        <p className={css.RESULT_SNIPPET}>
          <HighlightedText segments={hit.snippet} />
        </p>
        {hit.fields.length > 0 && (
          <p className={css.RESULT_FIELDS}>
            <span>Matched in</span>
            {hit.fields.map((field) => (
              <span key={field} className={css.RESULT_FIELD}>
                {css.FIELD_LABELS[field]}
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
    <ol ref={listRef} className={css.RESULT_LIST} onKeyDown={onKeyDown}>
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
