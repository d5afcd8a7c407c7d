import { NavLink, type NavLinkProps } from 'react-router';
import { useBookmarkCount } from '@/features/bookmarks/hooks/use-bookmark-state';

/** Header link to the bookmarks page, with the bookmark count ("Bookmarks (3)" to screen readers). */
export function BookmarksNavLink({ className }: { className?: NavLinkProps['className'] }) {
  const count = useBookmarkCount();
  return (
    <NavLink to="/bookmarks" className={className} aria-label={count > 0 ? `Bookmarks (${count})` : undefined}>
      Bookmarks
      {count > 0 && (
        <span
          aria-hidden="true"
          className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 tabular-nums dark:bg-amber-900 dark:text-amber-100"
        >
          {count}
        </span>
      )}
    </NavLink>
  );
}
