import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { entryPath, issuePath } from '@/components/entry/paths';
import { Button } from '@/components/ui/button';
import { ExternalLink } from '@/components/ui/external-link';
import { FormattedDate, formatDate } from '@/components/ui/formatted-date';
import { TagInput } from '@/features/bookmarks/components/tag-input';
import { NOTE_MAX_LENGTH, parseTagInput } from '@/features/bookmarks/lib/bookmark-model';
import { getBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import type { BookmarkView } from '@/features/bookmarks/lib/bookmark-view';
import { arxivAbsUrl } from '@/shared/arxiv';

export interface BookmarkItemProps {
  view: BookmarkView;
  /** The reader has read this entry: shown dimmed, with a "Read" label. */
  read?: boolean;
  onRemove: (entryId: string) => void;
  onSelectTag: (tag: string) => void;
  /** Tags already in use, most used first: offered while tags are edited. */
  knownTags: readonly string[];
}

const fieldClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 placeholder:text-stone-500 focus:border-indigo-600 focus:outline-2 focus:outline-indigo-600/30 dark:border-stone-600 dark:bg-stone-950 dark:text-stone-100 dark:placeholder:text-stone-400 dark:focus:border-indigo-400';

/** A text field's value; empty when missing. */
function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

function addedDay(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** One bookmark: what was saved, the reader's note and tags, and edit/remove controls. */
export function BookmarkItem({ view, read = false, onRemove, onSelectTag, knownTags }: BookmarkItemProps) {
  const { bookmark, snapshot, inArchive } = view;
  const [editing, setEditing] = useState(false);
  const returnFocus = useRef(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const closeEditor = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const headline = snapshot?.headline ?? bookmark.entryId;
  const editLabel = bookmark.note || bookmark.tags.length > 0 ? 'Edit note and tags' : 'Add note and tags';
  const externalUrl = snapshot?.paper?.arxivId
    ? arxivAbsUrl(snapshot.paper.arxivId)
    : (snapshot?.paper?.url ?? snapshot?.url ?? null);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    getBookmarkStore().update(bookmark.entryId, {
      note: formText(data, 'note').trim(),
      tags: parseTagInput(formText(data, 'tags')),
    });
    closeEditor();
  };

  return (
    <article
      data-entry-id={bookmark.entryId}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs outline-none focus:ring-2 focus:ring-indigo-600 focus:ring-offset-2 focus:ring-offset-stone-50 sm:p-5 dark:border-stone-800 dark:bg-stone-900 dark:focus:ring-indigo-400 dark:focus:ring-offset-stone-950"
    >
      <p className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-medium tracking-wide text-stone-600 uppercase dark:text-stone-400">
        {snapshot && (
          <>
            <Link to={issuePath(snapshot.issueId)} className="normal-case underline-offset-4 hover:underline">
              Issue of {formatDate(snapshot.issueDate)}
            </Link>
            <span aria-hidden="true">·</span>
            <span className="normal-case">
              Published <FormattedDate date={snapshot.publishedOn} />
            </span>
            <span aria-hidden="true">·</span>
          </>
        )}
        <span className="normal-case">
          Added <FormattedDate date={addedDay(bookmark.addedAt)} />
        </span>
        {read && (
          <span className="rounded-full bg-stone-100 px-2 py-0.5 tracking-normal text-stone-700 normal-case ring-1 ring-stone-300 ring-inset dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-600">
            Read
          </span>
        )}
        {!inArchive && (
          <span className="rounded-full bg-stone-100 px-2 py-0.5 tracking-normal text-stone-700 normal-case ring-1 ring-stone-300 ring-inset dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-600">
            Not in this archive
          </span>
        )}
      </p>
      <h2
        id={headingId}
        className={`text-lg leading-snug ${read ? 'font-medium text-stone-600 dark:text-stone-400' : 'font-semibold text-stone-900 dark:text-stone-50'}`}
      >
        {inArchive ? (
          <Link
            to={entryPath(bookmark.entryId)}
            className="underline-offset-4 hover:text-indigo-800 hover:underline dark:hover:text-indigo-200"
          >
            {headline}
          </Link>
        ) : (
          headline
        )}
      </h2>
      {snapshot?.paper && snapshot.paper.title && snapshot.paper.title !== headline && (
        <p className="mt-1 text-sm text-stone-700 italic dark:text-stone-300">{snapshot.paper.title}</p>
      )}
      <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
        {snapshot && snapshot.organizations.length > 0 && <span>{snapshot.organizations.join(', ')}</span>}
        {externalUrl && (
          <ExternalLink
            href={externalUrl}
            icon
            className="font-medium text-indigo-700 underline decoration-indigo-300 underline-offset-4 hover:decoration-indigo-700 dark:text-indigo-300 dark:decoration-indigo-700 dark:hover:decoration-indigo-300"
          >
            {snapshot?.paper?.arxivId ? `arXiv:${snapshot.paper.arxivId}` : snapshot?.paper ? 'Paper' : 'Source'}
            <span className="sr-only">: {headline}</span>
          </ExternalLink>
        )}
        {snapshot?.paper?.arxivId && (snapshot.paperConflicts?.length ?? 0) > 0 && (
          <span>The newsletter gives this arXiv id to two different papers; exports leave it out.</span>
        )}
      </p>

      {!editing && bookmark.note && (
        <p className="mt-3 rounded-md border-l-4 border-amber-300 bg-amber-50/60 px-3 py-2 text-sm break-words whitespace-pre-line text-stone-800 dark:border-amber-700 dark:bg-amber-950/30 dark:text-stone-200">
          <span className="sr-only">Note: </span>
          {bookmark.note}
        </p>
      )}
      {!editing && bookmark.tags.length > 0 && (
        <ul aria-label="Tags" className="mt-3 flex flex-wrap gap-1.5">
          {bookmark.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                onClick={() => onSelectTag(tag)}
                className="rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200 ring-inset hover:bg-amber-100 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800 dark:hover:bg-amber-900"
              >
                <span className="sr-only">Show bookmarks tagged </span>
                {tag}
              </button>
            </li>
          ))}
        </ul>
      )}

      {editing ? (
        <form onSubmit={save} className="mt-4 space-y-3" aria-label={`Note and tags for ${headline}`}>
          <label className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Note
            <textarea
              name="note"
              rows={3}
              autoFocus
              maxLength={NOTE_MAX_LENGTH}
              defaultValue={bookmark.note}
              className={fieldClass}
            />
          </label>
          <label className="block text-sm font-medium text-stone-800 dark:text-stone-200">
            Tags <span className="font-normal text-stone-600 dark:text-stone-400">(separate with commas)</span>
            <TagInput
              name="tags"
              defaultValue={bookmark.tags.join(', ')}
              knownTags={knownTags}
              placeholder="e.g. moe, to-read"
              className={fieldClass}
            />
          </label>
          <div className="flex gap-2">
            <Button type="submit" variant="primary" size="sm">
              Save
            </Button>
            <Button size="sm" onClick={closeEditor}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="mt-4 flex flex-wrap gap-2">
          <Button ref={editButton} size="sm" aria-label={`${editLabel}: ${headline}`} onClick={() => setEditing(true)}>
            {editLabel}
          </Button>
          <Button size="sm" aria-label={`Remove bookmark ${headline}`} onClick={() => onRemove(bookmark.entryId)}>
            Remove
          </Button>
        </div>
      )}
    </article>
  );
}
