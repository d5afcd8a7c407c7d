import { BrowserRouter } from 'react-router';
import { AppProvider, createQueryClient } from '@/app/provider';
import { AppRoutes, preloadPage } from '@/app/router';
import { prewarmSearchWorker } from '@/features/search/lib/search-worker-start';
import { catalogueQueryOptions } from '@/lib/archive-query';

const queryClient = createQueryClient();
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
// Start downloading what the first page needs while its code is still loading; search also starts its worker.
const firstPath = window.location.pathname.slice(basename === '/' ? 0 : basename.length);
if (/^\/search\b/.test(firstPath)) prewarmSearchWorker(new URLSearchParams(window.location.search));

/**
 * The catalogue (downloaded and validated) and the first page's code, which the first render waits for: with both in,
 * it renders the page in one pass, instead of rendering the layout, suspending, and rendering it all again.
 * Never rejects: a failure shows on the page, through its query or its error boundary.
 */
export const firstPageReady: Promise<unknown> = Promise.all([
  queryClient.prefetchQuery(catalogueQueryOptions()),
  preloadPage(firstPath),
]);

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
