import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { Page } from '@/components/layout/page';
import { PageSkeleton } from '@/components/ui/skeleton';
import { RootLayout } from '@/app/layout';
import { RouteErrorBoundary } from '@/app/route-error';
import { remember } from '@/lib/remember';

/**
 * A route module exports its page as `Component`, and may export what it needs done before the app's first render
 * when it is the first page (the search page draws its early answer meanwhile).
 */
type RouteModule = { Component: ComponentType; beforeFirstRender?: () => Promise<void> };

/** A page's component, and a way to start downloading its code before it renders. */
function lazyPage(load: () => Promise<RouteModule>) {
  let loaded: ComponentType | null = null;
  // One download for the preload and the render; a failed one is forgotten, so a retry downloads again.
  const preload = remember(() =>
    load().then((module) => {
      loaded = module.Component;
      return module;
    }),
  );
  const Lazy = lazy(() => preload().then((module) => ({ default: module.Component })));
  /** The page: at once when its code is already here (React.lazy would suspend for one render even then), else lazily. */
  function Page() {
    const [Component] = useState(() => loaded ?? Lazy);
    return <Component />;
  }
  return { Page, preload };
}

/** Every page: its route below the root layout (null: the index route) and its code. The routes and the preload read it. */
const PAGES: readonly { path: string | null; page: ReturnType<typeof lazyPage> }[] = [
  { path: null, page: lazyPage(() => import('@/app/routes/home')) },
  { path: 'issues/:issueId', page: lazyPage(() => import('@/app/routes/issue')) },
  { path: 'entries/:entryId', page: lazyPage(() => import('@/app/routes/entry')) },
  { path: 'search', page: lazyPage(() => import('@/app/routes/search')) },
  { path: 'bookmarks', page: lazyPage(() => import('@/app/routes/bookmarks')) },
  { path: 'explore', page: lazyPage(() => import('@/app/routes/explore')) },
  { path: 'for-you', page: lazyPage(() => import('@/app/routes/for-you')) },
  { path: '*', page: lazyPage(() => import('@/app/routes/not-found')) },
];

/**
 * Downloads the code of the page at `pathname` before the first render, so that render draws it at once, and waits
 * for whatever else that page needs first ({@link RouteModule}). Never rejects: a failure shows when the page renders,
 * through its error boundary.
 */
export function prepareFirstPage(pathname: string): Promise<void> {
  const segment = pathname.split('/')[1] ?? '';
  // The route whose first segment is the path's; `*` (the last) where none is.
  const { page } = PAGES.find(({ path }) => (path ?? '').split('/')[0] === segment) ?? PAGES[PAGES.length - 1]!;
  return page
    .preload()
    .then((module) => module.beforeFirstRender?.())
    .catch(() => undefined);
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
          {PAGES.map(({ path, page }) => {
            const element = <RoutePage>{<page.Page />}</RoutePage>;
            return path === null ? (
              <Route key="index" index element={element} />
            ) : (
              <Route key={path} path={path} element={element} />
            );
          })}
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}
