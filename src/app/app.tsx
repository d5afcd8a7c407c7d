import { BrowserRouter } from 'react-router';
import { AppProvider, createQueryClient } from '@/app/provider';
import { AppRoutes, prepareFirstPage } from '@/app/router';
import { prewarmSearchWorker } from '@/features/search/lib/search-worker-start';
import { catalogueQueryOptions } from '@/lib/archive-query';

const queryClient = createQueryClient();
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

/**
 * Starts downloading what the first page needs (search also adopts its worker) and resolves once the catalogue is
 * downloaded and validated and the first page is ready (its code, and what it waits for: router.tsx's RouteModule).
 * With both, the first render draws the page in one pass, instead of rendering the layout, suspending, and rendering it
 * all again. Apart from the module's evaluation, so neither holds the main thread for long. Never rejects: a failure
 * shows on the page, through its query or its error boundary.
 */
export function startFirstPage(): Promise<unknown> {
  const firstPath = window.location.pathname.slice(basename === '/' ? 0 : basename.length);
  if (/^\/search\b/.test(firstPath)) prewarmSearchWorker(new URLSearchParams(window.location.search));
  return Promise.all([queryClient.prefetchQuery(catalogueQueryOptions()), prepareFirstPage(firstPath)]);
}

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
