import { lazy, Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { HeaderSearch } from '@/features/search/components/header-search';
import { BookmarksNavLink } from '@/features/bookmarks/components/bookmarks-nav-link';
import { BookmarkShortcut } from '@/features/bookmarks/components/bookmark-shortcut';
import { KeyboardHelp } from '@/components/keyboard-help';
import { StorageNotice } from '@/features/bookmarks/components/storage-notice';
import { OfflineIndicator } from '@/features/offline/components/offline-indicator';
import { UpdatePrompt } from '@/features/offline/components/update-prompt';
import { ThemeToggle } from '@/features/theme/components/theme-toggle';
import { BrandLink } from '@/app/brand-link';
import { ScrollRestoration } from '@/app/scroll-restoration';

/** Loaded after the first paint: read state is not needed to show a page, and this keeps it off the first route's bytes. */
const UnreadBadge = lazy(() =>
  import('@/features/reading/components/unread-badge').then((module) => ({ default: module.UnreadBadge })),
);

/** Nav links are styled from here so links rendered by features (Bookmarks) match; the current section is underlined. */
const navClass =
  'flex flex-wrap items-center gap-x-0.5 gap-y-1 text-[13px] font-medium sm:gap-x-1 sm:text-sm [&_a]:rounded-md [&_a]:px-1.5 [&_a]:whitespace-nowrap sm:[&_a]:px-3 [&_a]:py-1.5 [&_a]:text-stone-700 [&_a:hover]:bg-stone-100 [&_a:hover]:text-stone-950 dark:[&_a]:text-stone-300 dark:[&_a:hover]:bg-stone-800 dark:[&_a:hover]:text-white [&_a[aria-current=page]]:bg-indigo-50 [&_a[aria-current=page]]:text-indigo-800 dark:[&_a[aria-current=page]]:bg-indigo-950 dark:[&_a[aria-current=page]]:text-indigo-200 [&_a[data-section=current]]:text-indigo-800 dark:[&_a[data-section=current]]:text-indigo-200';

export function RootLayout() {
  const { pathname } = useLocation();
  const inIssues = pathname === '/' || pathname.startsWith('/issues/') || pathname.startsWith('/entries/');
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-indigo-700 px-4 py-2 font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-950 print:static print:border-0">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-6 sm:py-3">
          <BrandLink />
          <nav
            aria-label="Main"
            className="order-last -mx-1.5 w-[calc(100%+0.75rem)] sm:order-none sm:mx-0 sm:w-auto print:hidden"
          >
            <ul className={navClass}>
              <li>
                <Link
                  to="/"
                  aria-current={pathname === '/' ? 'page' : undefined}
                  data-section={inIssues ? 'current' : undefined}
                >
                  Issues
                </Link>
              </li>
              <Suspense fallback={null}>
                <UnreadBadge />
              </Suspense>
              <li>
                <NavLink to="/search">Search</NavLink>
              </li>
              <li>
                <BookmarksNavLink />
              </li>
              <li>
                <NavLink to="/for-you">For you</NavLink>
              </li>
              <li>
                <NavLink to="/explore">Explore</NavLink>
              </li>
            </ul>
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-2 print:hidden">
            <HeaderSearch />
            <OfflineIndicator />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <StorageNotice />
      {/* At least a screen tall, so the footer starts below the fold and is not pushed down when a page's content arrives. */}
      <div className="flex min-h-dvh flex-1 flex-col">
        <Outlet />
      </div>
      <footer className="border-t border-stone-200 py-6 text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400 print:hidden">
        <div className="mx-auto max-w-5xl px-4 sm:px-6">
          Frontier Reader · the weekly AI-research newsletter archive, readable offline.
        </div>
      </footer>
      <UpdatePrompt />
      <BookmarkShortcut />
      <KeyboardHelp />
      <ScrollRestoration />
    </div>
  );
}
