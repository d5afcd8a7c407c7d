import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { HeaderSearch } from '@/features/search/components/header-search';
import { BookmarksNavLink } from '@/features/bookmarks/components/bookmarks-nav-link';
import { BookmarkShortcut } from '@/features/bookmarks/components/bookmark-shortcut';
import { StorageNotice } from '@/features/bookmarks/components/storage-notice';
import { OfflineIndicator } from '@/features/offline/components/offline-indicator';
import { UpdatePrompt } from '@/features/offline/components/update-prompt';

export function RootLayout() {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only">
        Skip to content
      </a>
      <header>
        <Link to="/">Frontier Reader</Link>
        <nav aria-label="Main">
          <NavLink to="/">Issues</NavLink>
          <NavLink to="/search">Search</NavLink>
          <BookmarksNavLink />
        </nav>
        <HeaderSearch />
        <OfflineIndicator />
      </header>
      <StorageNotice />
      <Outlet />
      <UpdatePrompt />
      <BookmarkShortcut />
      <ScrollRestoration />
    </>
  );
}
