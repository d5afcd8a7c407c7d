import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { entryPath } from '@/components/entry/paths';
import { useEntryKeyboardNav } from '@/components/hooks/use-entry-keyboard-nav';
import { Button } from '@/components/ui/button';
import { BookmarkIcon } from '@/components/ui/icons';
import { Toast } from '@/components/ui/toast';
import { BookmarkItem } from '@/features/bookmarks/components/bookmark-item';
import { ExportImport } from '@/features/bookmarks/components/export-import';
import { RecoveredData } from '@/features/bookmarks/components/recovered-data';
import { useBookmarkState } from '@/features/bookmarks/hooks/use-bookmark-state';
import { snapshotOf, type Bookmark } from '@/features/bookmarks/lib/bookmark-model';
import { getBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import {
  BOOKMARK_SORTS,
  filterBookmarks,
  parseSort,
  queryWords,
  searchableBookmarks,
  sortBookmarks,
  tagCounts,
  viewBookmarks,
  type BookmarkSort,
} from '@/features/bookmarks/lib/bookmark-view';
import type { ExportRecord } from '@/features/bookmarks/lib/export-record';
import { useArchive } from '@/lib/archive-query';

function appUrl(entryId: string): string {
  return new URL(`${import.meta.env.BASE_URL}${entryPath(entryId).replace(/^\//, '')}`, window.location.origin).href;
}

const searchClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 placeholder:text-stone-500 focus:border-indigo-600 focus:outline-2 focus:outline-indigo-600/30 sm:w-80 dark:border-stone-600 dark:bg-stone-950 dark:text-stone-100 dark:placeholder:text-stone-400 dark:focus:border-indigo-400';

const selectClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 focus:border-indigo-600 focus:outline-2 focus:outline-indigo-600/30 sm:w-72 dark:border-stone-600 dark:bg-stone-950 dark:text-stone-100 dark:focus:border-indigo-400';

function tagButtonClass(active: boolean): string {
  return `inline-flex min-h-8 items-center gap-1 rounded-full px-3 text-sm font-medium ring-1 ring-inset ${
    active
      ? 'bg-indigo-700 text-white ring-indigo-700 dark:bg-indigo-300 dark:text-indigo-950 dark:ring-indigo-300'
      : 'bg-white text-stone-700 ring-stone-300 hover:bg-stone-50 dark:bg-stone-900 dark:text-stone-200 dark:ring-stone-700 dark:hover:bg-stone-800'
  }`;
}

/** Bookmarks rendered at first and added by each "Show more", so a list of thousands does not freeze the page. */
const PAGE_SIZE = 200;

/** Focuses an element once React has rendered the change that creates or keeps it. */
function focusSoon(selector: string): void {
  requestAnimationFrame(() => {
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  });
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export interface BookmarksPageProps {
  /** Whether the reader has read an entry; read bookmarks are shown dimmed. */
  isRead?: (entryId: string) => boolean;
  /** Marks an entry read or unread: the `m` key on a focused bookmark. */
  onToggleRead?: (entryId: string) => void;
}

/**
 * The bookmarks page: search, sort, filter by tag, notes and tags, remove with undo, export and import.
 * Keys: `j`/`k` move between bookmarks, Enter opens one, `b` removes it (with Undo), `m` marks it read or unread.
 */
export function BookmarksPage({ isRead, onToggleRead }: BookmarksPageProps = {}) {
  const { bookmarks } = useBookmarkState();
  // Saved snapshots show every bookmark; the archive, when there is one to compare, brings corrections and removals.
  const archiveQuery = useArchive({ enabled: bookmarks.length > 0 });
  const archive = archiveQuery.data;
  const [params, setParams] = useSearchParams();
  const sort = parseSort(params.get('sort'));
  const tagParam = params.get('tag');
  const sortId = useId();
  const searchId = useId();
  const [removed, setRemoved] = useState<Bookmark | null>(null);
  const [readAnnouncement, setReadAnnouncement] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const [limit, setLimit] = useState(PAGE_SIZE);
  // The field keeps its own state: the URL follows it, but a router update is not synchronous enough to drive an input.
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const deferredQuery = useDeferredValue(query);
  const searching = queryWords(deferredQuery).length > 0;

  useEffect(() => {
    if (!archive) return;
    getBookmarkStore().fillSnapshots((entryId) => {
      const entry = archive.entryById.get(entryId);
      return entry ? snapshotOf(entry, archive) : undefined;
    });
  }, [archive, bookmarks]);

  const tags = useMemo(() => tagCounts(bookmarks), [bookmarks]);
  const knownTags = useMemo(() => tags.map(({ tag }) => tag), [tags]);
  const activeTag = tagParam !== null && tags.some((t) => t.tag === tagParam) ? tagParam : null;
  const sorted = useMemo(() => {
    const all = viewBookmarks(bookmarks, archive);
    const filtered = activeTag ? all.filter((view) => view.bookmark.tags.includes(activeTag)) : all;
    return searchableBookmarks(sortBookmarks(filtered, sort));
  }, [bookmarks, archive, activeTag, sort]);
  const views = useMemo(() => filterBookmarks(sorted, deferredQuery), [sorted, deferredQuery]);
  const records: ExportRecord[] = useMemo(
    () =>
      views.map((view) => ({
        bookmark: view.bookmark,
        snapshot: view.snapshot,
        appUrl: appUrl(view.bookmark.entryId),
        publication: archive?.bundle.publication.name,
      })),
    [views, archive],
  );
  const missing = views.filter((view) => !view.inArchive).length;

  const setParam = (name: string, value: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  const remove = (entryId: string) => {
    const index = views.findIndex((view) => view.bookmark.entryId === entryId);
    const neighbour = views[index + 1] ?? views[index - 1];
    const bookmark = getBookmarkStore().remove(entryId);
    if (!bookmark) return;
    setRemoved(bookmark);
    // The removed item took focus with it; keep keyboard users in the list.
    focusSoon(neighbour ? `[data-entry-id="${CSS.escape(neighbour.bookmark.entryId)}"]` : 'main h1');
  };
  const undo = () => {
    if (!removed) return;
    getBookmarkStore().restore(removed);
    setRemoved(null);
    focusSoon(`[data-entry-id="${CSS.escape(removed.entryId)}"]`);
  };
  const dismiss = useCallback(() => setRemoved(null), []);
  const toggleRead = (entryId: string) => {
    if (!onToggleRead) return;
    const nowRead = !isRead?.(entryId);
    onToggleRead(entryId);
    const view = views.find((candidate) => candidate.bookmark.entryId === entryId);
    const headline = view?.snapshot?.headline ?? entryId;
    setReadAnnouncement(`Marked “${headline}” as ${nowRead ? 'read' : 'unread'}`);
  };
  // `b` here removes with Undo, like the Remove button, instead of the app-wide toggle.
  useEntryKeyboardNav(listRef, { onToggleBookmark: remove, onToggleRead: onToggleRead ? toggleRead : undefined });
  const shown = views.slice(0, limit);
  const removedTitle = removed ? (removed.snapshot?.headline ?? removed.entryId) : '';
  const listLabel = [
    activeTag ? `Bookmarks tagged ${activeTag}` : 'Bookmarks',
    searching ? `matching “${deferredQuery.trim()}”` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const scope = [activeTag ? `tagged ${activeTag}` : null, searching ? `matching “${deferredQuery.trim()}”` : null]
    .filter(Boolean)
    .join(', ');
  const onSearch = (value: string) => {
    setQuery(value);
    setParam('q', value.trim() ? value : null);
  };

  return (
    <>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl dark:text-stone-50">
          Bookmarks
        </h1>
        <p className="text-stone-600 dark:text-stone-400">
          {bookmarks.length === 0
            ? 'Entries you bookmark are kept on this device, with your notes and tags.'
            : `${bookmarks.length} bookmarked ${bookmarks.length === 1 ? 'entry' : 'entries'}, kept on this device.`}
        </p>
      </header>

      <RecoveredData />

      {archiveQuery.isError && !archive && bookmarks.length > 0 && (
        <p className="mt-4 rounded-md border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-700 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300">
          The archive could not be loaded, so bookmarks are shown as you saved them.
        </p>
      )}

      {bookmarks.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
          <BookmarkIcon className="mx-auto size-8 text-stone-400 dark:text-stone-500" />
          <p className="mt-3 font-medium text-stone-800 dark:text-stone-200">No bookmarks yet</p>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Use the bookmark button on any entry, or focus an entry and press{' '}
            <kbd className="rounded border border-stone-300 px-1 font-mono text-xs dark:border-stone-600">b</kbd>.
          </p>
          <p className="mt-4">
            <Link to="/" className="font-medium text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
              Read the latest issue
            </Link>
          </p>
        </div>
      ) : (
        <div className="mt-6 flex flex-col gap-6">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
            <div role="search" aria-label="Bookmarks">
              <label htmlFor={searchId} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
                Search bookmarks
              </label>
              <input
                id={searchId}
                type="search"
                value={query}
                onChange={(event) => onSearch(event.target.value)}
                placeholder="Headline, note or tag"
                autoComplete="off"
                className={searchClass}
              />
            </div>
            <div>
              <label htmlFor={sortId} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
                Sort by
              </label>
              <select
                id={sortId}
                value={sort}
                onChange={(event) => setParam('sort', event.target.value === 'added-desc' ? null : event.target.value)}
                className={selectClass}
              >
                {(Object.keys(BOOKMARK_SORTS) as BookmarkSort[]).map((key) => (
                  <option key={key} value={key}>
                    {BOOKMARK_SORTS[key]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {tags.length > 0 && (
            <div role="group" aria-label="Filter by tag" className="flex flex-wrap items-center gap-2">
              <span aria-hidden="true" className="text-sm font-medium text-stone-800 dark:text-stone-200">
                Tags:
              </span>
              <button
                type="button"
                aria-pressed={activeTag === null}
                className={tagButtonClass(activeTag === null)}
                onClick={() => setParam('tag', null)}
              >
                All <span className="tabular-nums opacity-80">{bookmarks.length}</span>
              </button>
              {tags.map(({ tag, count }) => (
                <button
                  key={tag}
                  type="button"
                  aria-pressed={activeTag === tag}
                  className={tagButtonClass(activeTag === tag)}
                  onClick={() => setParam('tag', activeTag === tag ? null : tag)}
                >
                  {tag} <span className="tabular-nums opacity-80">{count}</span>
                </button>
              ))}
            </div>
          )}
          {missing > 0 && (
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {missing === 1 ? '1 bookmark is' : `${missing} bookmarks are`} not in this archive;{' '}
              {missing === 1 ? 'it is' : 'they are'} kept and shown as saved.
            </p>
          )}
          <p role="status" className={searching ? 'text-sm text-stone-700 dark:text-stone-300' : 'sr-only'}>
            {searching &&
              (views.length === 0
                ? `No bookmarks match “${deferredQuery.trim()}”.`
                : `${plural(views.length, 'bookmark matches', 'bookmarks match')} “${deferredQuery.trim()}”.`)}
          </p>
          <p className="hidden text-sm text-stone-600 sm:block dark:text-stone-400">
            Press <Kbd>j</Kbd> and <Kbd>k</Kbd> to move between bookmarks, <Kbd>Enter</Kbd> to open one, <Kbd>b</Kbd> to
            remove it
            {onToggleRead && (
              <>
                , <Kbd>m</Kbd> to mark it read or unread
              </>
            )}
            , <Kbd>?</Kbd> for every key.
          </p>
          <h2 className="sr-only">{activeTag || searching ? listLabel : 'All bookmarks'}</h2>
          {views.length > 0 && (
            <ol ref={listRef} className="flex flex-col gap-4" aria-label={listLabel}>
              {shown.map((view) => (
                <li key={view.bookmark.entryId}>
                  <BookmarkItem
                    view={view}
                    read={isRead?.(view.bookmark.entryId) ?? false}
                    onRemove={remove}
                    onSelectTag={(tag) => setParam('tag', tag)}
                    knownTags={knownTags}
                  />
                </li>
              ))}
            </ol>
          )}
          {views.length > shown.length && (
            <p className="flex flex-wrap items-center gap-3 text-sm text-stone-600 dark:text-stone-400">
              Showing {shown.length} of {views.length}.
              <Button size="sm" onClick={() => setLimit((current) => current + PAGE_SIZE)}>
                Show {Math.min(PAGE_SIZE, views.length - shown.length)} more
              </Button>
            </p>
          )}
        </div>
      )}

      <div className="mt-8">
        <ExportImport records={records} all={bookmarks} scope={scope || null} />
      </div>

      <p role="status" className="sr-only">
        {readAnnouncement}
      </p>

      <Toast
        open={removed !== null}
        message={`Removed “${removedTitle}”`}
        actionLabel="Undo"
        onAction={undo}
        dismissLabel="Dismiss"
        onDismiss={dismiss}
      />
    </>
  );
}

function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-stone-300 bg-white px-1.5 py-0.5 font-mono text-xs text-stone-800 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100">
      {children}
    </kbd>
  );
}
