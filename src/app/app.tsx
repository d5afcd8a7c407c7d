import { BrowserRouter } from 'react-router';
import { AppProvider, createQueryClient } from '@/app/provider';
import { AppRoutes, preloadPage } from '@/app/router';
import { prewarmSearchWorker } from '@/features/search/lib/search-worker-start';
import { catalogueQueryOptions } from '@/lib/archive-query';

const queryClient = createQueryClient();
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
// Start downloading what the first page needs while its code is still loading; search also starts its worker.
const firstPath = window.location.pathname.slice(basename === '/' ? 0 : basename.length);
void queryClient.prefetchQuery(catalogueQueryOptions());
preloadPage(firstPath);
if (/^\/search\b/.test(firstPath)) prewarmSearchWorker(new URLSearchParams(window.location.search));

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
