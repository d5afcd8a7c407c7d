import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { Page } from '@/components/layout/page';
import { PageSkeleton } from '@/components/ui/skeleton';
import { RootLayout } from '@/app/layout';
import { RouteErrorBoundary } from '@/app/route-error';

/** A route module exports its page as `Component`. */
type RouteModule = { Component: ComponentType };

/** A page's component, and a way to start downloading its code before it renders. */
function lazyPage(load: () => Promise<RouteModule>) {
  let loading: Promise<RouteModule> | null = null;
  // One download for the preload and the render; a failed one is forgotten, so a retry downloads again.
  const preload = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return { Page: lazy(() => preload().then((module) => ({ default: module.Component }))), preload };
}

const home = lazyPage(() => import('@/app/routes/home'));
const issue = lazyPage(() => import('@/app/routes/issue'));
const entry = lazyPage(() => import('@/app/routes/entry'));
const search = lazyPage(() => import('@/app/routes/search'));
const bookmarks = lazyPage(() => import('@/app/routes/bookmarks'));
const explore = lazyPage(() => import('@/app/routes/explore'));
const forYou = lazyPage(() => import('@/app/routes/for-you'));
const notFound = lazyPage(() => import('@/app/routes/not-found'));

/** The page each first path segment shows, as the routes below map them. */
const PAGE_OF_SEGMENT: Record<string, { preload: () => Promise<RouteModule> }> = {
  '': home,
  issues: issue,
  entries: entry,
  search,
  bookmarks,
  explore,
  'for-you': forYou,
};

/**
 * Starts downloading the code of the page at `pathname` (below the base path), so the first page's chunk loads while
 * the app's own code runs instead of after its first render has reached the route.
 */
export function preloadPage(pathname: string): void {
  const segment = pathname.split('/')[1] ?? '';
  const page = Object.hasOwn(PAGE_OF_SEGMENT, segment) ? PAGE_OF_SEGMENT[segment]! : notFound;
  // A failure shows when the page renders, through its error boundary.
  page.preload().catch(() => undefined);
}

/** One page: its own error boundary, reset when the path changes, and a skeleton while its code downloads. */
function RoutePage({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={pathname}>
      <Suspense
        fallback={
          <Page title={null}>
            <PageSkeleton label="Loading Frontier Reader…" />
          </Page>
        }
      >
        {children}
      </Suspense>
    </RouteErrorBoundary>
  );
}

/**
 * Every route loads its own chunk and has its own error boundary, so one bad page never blanks the app. Declarative
 * routes, not a data router: the app loads no route data, and this keeps 17 kB gzip of router off the first page.
 */
export function AppRoutes() {
  return (
    <RouteErrorBoundary>
      <Routes>
        <Route path="/" element={<RootLayout />}>
          <Route index element={<RoutePage>{<home.Page />}</RoutePage>} />
          <Route path="issues/:issueId" element={<RoutePage>{<issue.Page />}</RoutePage>} />
          <Route path="entries/:entryId" element={<RoutePage>{<entry.Page />}</RoutePage>} />
          <Route path="search" element={<RoutePage>{<search.Page />}</RoutePage>} />
          <Route path="bookmarks" element={<RoutePage>{<bookmarks.Page />}</RoutePage>} />
          <Route path="explore" element={<RoutePage>{<explore.Page />}</RoutePage>} />
          <Route path="for-you" element={<RoutePage>{<forYou.Page />}</RoutePage>} />
          <Route path="*" element={<RoutePage>{<notFound.Page />}</RoutePage>} />
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}
