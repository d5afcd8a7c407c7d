import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProvider, createQueryClient } from '@/app/provider';
import { routes } from '@/app/router';
import { archiveQueryOptions } from '@/lib/archive-query';

const router = createBrowserRouter(routes, { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' });
const queryClient = createQueryClient();
// Start downloading the archive while the first page's code is still loading.
void queryClient.prefetchQuery(archiveQueryOptions());

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
