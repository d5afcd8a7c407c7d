import { BookmarkIcon } from '@/components/ui/icons';
import { useIsBookmarked } from '@/features/bookmarks/hooks/use-bookmark-state';
import { useToggleBookmark } from '@/features/bookmarks/hooks/use-toggle-bookmark';

/** Props of the bookmark toggle shown on entry cards, entry pages and search results. */
export interface BookmarkToggleProps {
  entryId: string;
  /** Used in the accessible name: "Bookmark <headline>". */
  headline: string;
  /** Show "Bookmark"/"Bookmarked" next to the icon, as on the entry page. */
  showLabel?: boolean;
}

/** A toggle button that bookmarks an entry or removes its bookmark. */
export function BookmarkToggle({ entryId, headline, showLabel = false }: BookmarkToggleProps) {
  const bookmarked = useIsBookmarked(entryId);
  const toggle = useToggleBookmark();
  const label = bookmarked ? `Remove bookmark ${headline}` : `Bookmark ${headline}`;
  return (
    <button
      type="button"
      aria-pressed={bookmarked}
      aria-label={label}
      title={bookmarked ? 'Remove bookmark (b)' : 'Bookmark (b)'}
      onClick={() => toggle(entryId)}
      className={`inline-flex min-h-10 min-w-10 items-center justify-center gap-1.5 rounded-md border text-sm font-medium transition-colors ${
        showLabel ? 'px-3' : ''
      } ${
        bookmarked
          ? 'border-amber-300 bg-amber-50 text-amber-800 hover:bg-amber-100 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200 dark:hover:bg-amber-900'
          : 'border-stone-300 bg-white text-stone-600 hover:border-stone-400 hover:text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300 dark:hover:border-stone-500 dark:hover:text-white'
      }`}
    >
      <BookmarkIcon filled={bookmarked} />
      {showLabel && <span aria-hidden="true">{bookmarked ? 'Bookmarked' : 'Bookmark'}</span>}
    </button>
  );
}
