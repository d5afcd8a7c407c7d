import { BrowserRouter } from 'react-router';
import { AppProvider, createQueryClient } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import { archiveQueryOptions, catalogueQueryOptions } from '@/lib/archive-query';

const queryClient = createQueryClient();
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
// Start downloading what the first page needs while its code is still loading: search and bookmarks need the whole archive.
const firstPath = window.location.pathname.slice(basename === '/' ? 0 : basename.length);
if (/^\/(search|bookmarks)\b/.test(firstPath)) void queryClient.prefetchQuery(archiveQueryOptions());
else void queryClient.prefetchQuery(catalogueQueryOptions());

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <BrowserRouter basename={basename}>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
