import { Fragment, startTransition, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EntryCard } from '@/components/entry/entry-card';
import { entryPath, issuePath } from '@/components/entry/paths';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/components/ui/formatted-date';
import { BookmarkIcon } from '@/components/ui/icons';
import type { RecommendationReason, RecommendRequest, RecommendResponse } from '@/features/search/lib/recommend';
import { clientFor } from '@/features/search/lib/search-client';
import { useRenderError } from '@/features/search/hooks/use-render-error';
import type { Archive } from '@/lib/archive-query';
import type { Entry } from '@/shared/bundle';
import { formatCount } from '@/lib/format-count';

export interface ForYouPageProps {
  archive: Archive;
  /** Ids of bookmarked entries: the profile suggestions are ranked against. */
  bookmarkedIds: ReadonlySet<string>;
  /** Ids of read entries: never suggested, and part of the profile when the reader asks. */
  readIds: ReadonlySet<string>;
  /** Controls shown on each suggestion, e.g. a bookmark toggle. */
  renderActions?: (entry: Entry) => ReactNode;
  /** Controls at the foot of each suggestion, e.g. a mark-read toggle (a suggestion marked read leaves the list). */
  renderFooter?: (entry: Entry) => ReactNode;
}

/** Suggestions shown at first, and added by each "Show more". */
const PAGE_SIZE = 20;

/** The URL parameter that keeps the "also use what I read" choice across Back and reloads. */
const INCLUDE_READ_PARAM = 'read';

const linkClass =
  'font-medium text-indigo-800 underline underline-offset-4 hover:text-indigo-950 dark:text-indigo-200 dark:hover:text-white';

/** The worker's ranking for `request`; null until the first answer. Answers never replace newer ones. */
function useRecommendations(archive: Archive, request: RecommendRequest): RecommendResponse | null {
  const client = clientFor(archive);
  const asked = useRef(0);
  const [answer, setAnswer] = useState<{ order: number; response: RecommendResponse } | null>(null);
  // Suggestions that cannot be made (the archive could not be downloaded) go to the route's error boundary.
  const fail = useRenderError();
  useEffect(() => {
    const order = ++asked.current;
    client.recommend(request).then((response) => {
      startTransition(() => setAnswer((shown) => (shown && shown.order > order ? shown : { order, response })));
    }, fail);
  }, [client, request, fail]);
  return answer?.response ?? null;
}

/** "A", "A and B": the marked entries, each linking to itself, headlines in italics. */
function ReasonLinks({ reasons }: { reasons: readonly RecommendationReason[] }) {
  return reasons.map((reason, k) => (
    <Fragment key={reason.entryId}>
      {k > 0 && (k === reasons.length - 1 ? ' and ' : ', ')}
      <Link to={entryPath(reason.entryId)} className={linkClass}>
        <em>{reason.headline}</em>
      </Link>
    </Fragment>
  ));
}

/** Why an entry is suggested: "Like *X* and *Y* in your bookmarks" (and what was read, when that counted). */
function SuggestionReason({ reasons }: { reasons: readonly RecommendationReason[] }) {
  const bookmarks = reasons.filter((reason) => reason.source === 'bookmark');
  const read = reasons.filter((reason) => reason.source === 'read');
  if (reasons.length === 0) return null;
  return (
    <p className="mt-3 max-w-[70ch] text-sm leading-relaxed text-stone-700 dark:text-stone-300">
      Like{' '}
      {bookmarks.length > 0 && (
        <>
          <ReasonLinks reasons={bookmarks} /> in your bookmarks
        </>
      )}
      {bookmarks.length > 0 && read.length > 0 && ', and '}
      {read.length > 0 && (
        <>
          <ReasonLinks reasons={read} />, which you read
        </>
      )}
    </p>
  );
}

/** What the page shows before there is anything to rank by: how it works, and where to start. */
function HowItWorks({ archive }: { archive: Archive }) {
  const latest = archive.issues[0];
  return (
    <section
      aria-labelledby="for-you-how"
      className="mt-8 rounded-xl border border-dashed border-stone-300 p-6 sm:p-8 dark:border-stone-700"
    >
      <BookmarkIcon className="size-8 text-stone-500 dark:text-stone-400" />
      <h2 id="for-you-how" className="mt-3 text-lg font-semibold text-stone-900 dark:text-stone-50">
        How For you works
      </h2>
      <p className="mt-2 max-w-[70ch] leading-relaxed text-stone-700 dark:text-stone-300">
        Bookmark entries you like. This page then ranks the entries you have not read by how much their text has in
        common with your bookmarks, and says which bookmarks each suggestion is like. Everything is worked out on this
        device: your bookmarks never leave it, and it works offline.
      </p>
      <p className="mt-2 max-w-[70ch] leading-relaxed text-stone-700 dark:text-stone-300">
        Use the bookmark button on any entry, or focus an entry and press{' '}
        <kbd className="rounded border border-stone-300 px-1 font-mono text-xs dark:border-stone-600">b</kbd>.
      </p>
      {latest && (
        <p className="mt-4">
          <Link to={issuePath(latest.id)} className={linkClass}>
            Start with the latest issue, {formatDate(latest.date, 'long')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** "20 suggestions, most like your 3 bookmarks", or what is being done. */
function statusText(response: RecommendResponse | null, shown: number): string {
  if (!response) return 'Finding entries like your bookmarks…';
  const total = shown + response.more;
  if (total === 0) return 'No suggestions yet';
  const what = `${formatCount(response.bookmarks)} ${response.bookmarks === 1 ? 'bookmark' : 'bookmarks'}`;
  const read = response.read > 0 ? ` and ${formatCount(response.read)} read entries` : '';
  return `${formatCount(total)} ${total === 1 ? 'suggestion' : 'suggestions'}, ranked by your ${what}${read}`;
}

/**
 * "For you": unread entries ranked by how alike their text is to the reader's bookmarks (optionally also to what they
 * have read), one per paper, each saying which bookmarks it is like. Ranked in the search worker, on the device.
 */
export function ForYouPage({ archive, bookmarkedIds, readIds, renderActions, renderFooter }: ForYouPageProps) {
  const [params, setParams] = useSearchParams();
  const includeRead = params.get(INCLUDE_READ_PARAM) === '1';
  const [limit, setLimit] = useState(PAGE_SIZE);
  const toggleId = useId();
  const request = useMemo(
    (): RecommendRequest => ({ bookmarkedIds: [...bookmarkedIds], readIds: [...readIds], includeRead, limit }),
    [bookmarkedIds, readIds, includeRead, limit],
  );
  const response = useRecommendations(archive, request);
  const suggestions = response?.suggestions ?? [];

  const setIncludeRead = (include: boolean) => {
    const next = new URLSearchParams(params);
    if (include) next.set(INCLUDE_READ_PARAM, '1');
    else next.delete(INCLUDE_READ_PARAM);
    setParams(next, { replace: true });
  };

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl dark:text-stone-50">For you</h1>
      <p className="mt-2 max-w-[70ch] text-stone-700 dark:text-stone-300">
        Entries you have not read, most like your bookmarks first. Ranked on this device; nothing is sent anywhere.
      </p>
      {bookmarkedIds.size === 0 ? (
        <HowItWorks archive={archive} />
      ) : (
        <>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
            <p role="status" className="text-sm text-stone-700 dark:text-stone-300">
              {statusText(response, suggestions.length)}
            </p>
            <div className="flex items-center gap-2 text-sm text-stone-800 dark:text-stone-200">
              <input
                id={toggleId}
                type="checkbox"
                className="size-4 shrink-0 rounded border-stone-400 accent-indigo-700 dark:accent-indigo-300"
                checked={includeRead}
                onChange={(event) => setIncludeRead(event.target.checked)}
              />
              <label htmlFor={toggleId}>Also rank by entries I have read</label>
            </div>
          </div>
          {response && suggestions.length === 0 && (
            <p className="mt-6 max-w-[70ch] text-stone-700 dark:text-stone-300">
              Nothing unread shares enough words with your bookmarks yet. Bookmark a few more entries, or{' '}
              <Link to="/" className={linkClass}>
                browse the issues
              </Link>
              .
            </p>
          )}
          {suggestions.length > 0 && (
            <ol aria-label="Suggestions" className="mt-4 space-y-3">
              {suggestions.map(({ entry, reasons }) => (
                <li key={entry.id}>
                  <EntryCard entry={entry} showIssue actions={renderActions?.(entry)} footer={renderFooter?.(entry)}>
                    <SuggestionReason reasons={reasons} />
                  </EntryCard>
                </li>
              ))}
            </ol>
          )}
          {response && response.more > 0 && (
            <div className="mt-6 flex justify-center">
              <Button onClick={() => setLimit((shown) => shown + PAGE_SIZE)}>Show more suggestions</Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
