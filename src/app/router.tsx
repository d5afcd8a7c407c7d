import type { RouteObject } from 'react-router';
import { AppShell } from '@/app/app-shell';
import { RootLayout } from '@/app/layout';
import { RouteError } from '@/app/route-error';

/** Every route loads its own chunk and has its own error boundary, so one bad page never blanks the app. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteError />,
    // Shown while the first page's code loads: the same picture as index.html's static shell.
    hydrateFallbackElement: <AppShell />,
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
