import { NavLink, type NavLinkProps } from 'react-router';
import { useBookmarkCount } from '@/features/bookmarks/hooks/use-bookmark-state';

/** Header link to the bookmarks page, with the bookmark count. */
export function BookmarksNavLink({ className }: { className?: NavLinkProps['className'] }) {
  const count = useBookmarkCount();
  return (
    <NavLink to="/bookmarks" className={className}>
      Bookmarks
      {count > 0 && (
        <>
          {' '}
          <span className="ml-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 tabular-nums dark:bg-amber-900 dark:text-amber-100">
            <span className="sr-only">(</span>
            {count}
            <span className="sr-only">)</span>
          </span>
        </>
      )}
    </NavLink>
  );
}
