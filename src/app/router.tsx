import type { RouteObject } from 'react-router';
import { RootLayout } from '@/app/layout';
import { RouteError } from '@/app/route-error';
import { PageSkeleton } from '@/components/ui/skeleton';

/** Every route loads its own chunk and has its own error boundary, so one bad page never blanks the app. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    hydrateFallbackElement: (
      <div className="mx-auto w-full max-w-5xl px-4 pt-16 sm:px-6">
        <PageSkeleton label="Loading Frontier Reader…" />
      </div>
    ),
    children: [
      { index: true, lazy: () => import('@/app/routes/home'), errorElement: <RouteError /> },
      { path: 'issues/:issueId', lazy: () => import('@/app/routes/issue'), errorElement: <RouteError /> },
      { path: 'entries/:entryId', lazy: () => import('@/app/routes/entry'), errorElement: <RouteError /> },
      { path: 'search', lazy: () => import('@/app/routes/search'), errorElement: <RouteError /> },
      { path: 'bookmarks', lazy: () => import('@/app/routes/bookmarks'), errorElement: <RouteError /> },
      { path: '*', lazy: () => import('@/app/routes/not-found'), errorElement: <RouteError /> },
    ],
  },
];
