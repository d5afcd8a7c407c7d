import { BrowserRouter } from 'react-router';
import { AppProvider, createQueryClient } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import { archiveQueryOptions } from '@/lib/archive-query';

const queryClient = createQueryClient();
// Start downloading the archive while the first page's code is still loading.
void queryClient.prefetchQuery(archiveQueryOptions());

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '') || '/'}>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
