import { Link } from 'react-router';
import { Page } from '@/components/layout/page';
import { PageSkeleton } from '@/components/ui/skeleton';
import { BrandLink } from '@/app/brand-link';

const navLinkClass = 'rounded-md px-3 py-1.5 text-stone-700 dark:text-stone-300';

/**
 * What the app shows while the first page's code loads: the static shell of index.html, drawn again by React so the
 * header stays in place. It subscribes to nothing (the archive is fetched by the page), and its placeholders match
 * RootLayout's controls in size.
 */
export function AppShell() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-30 border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-950">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-6 sm:py-3">
          <BrandLink />
          <nav aria-label="Main" className="order-last -mx-3 w-full sm:order-none sm:mx-0 sm:w-auto">
            <ul className="flex items-center gap-1 text-sm font-medium">
              <li>
                <Link to="/" className={navLinkClass}>
                  Issues
                </Link>
              </li>
              <li>
                <Link to="/search" className={navLinkClass}>
                  Search
                </Link>
              </li>
              <li>
                <Link to="/bookmarks" className={navLinkClass}>
                  Bookmarks
                </Link>
              </li>
            </ul>
          </nav>
          <div aria-hidden="true" className="ml-auto flex items-center gap-2">
            <div className="h-9 w-32 rounded-md border border-stone-300 bg-stone-50 sm:w-48 dark:border-stone-700 dark:bg-stone-900" />
            <div className="size-9" />
          </div>
        </div>
      </header>
      <div className="flex min-h-dvh flex-1 flex-col">
        <Page title={null}>
          <PageSkeleton label="Loading Frontier Reader…" />
        </Page>
      </div>
    </div>
  );
}
