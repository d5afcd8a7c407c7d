import { lazy, Suspense } from 'react';
import { OfflineIcon } from '@/components/ui/icons';
import { useOnline } from '@/features/offline/hooks/use-online';
import { useServiceWorker } from '@/features/offline/hooks/use-service-worker';

// Needed only once the service worker answers, which is after the first page is on screen.
const OfflineReadiness = lazy(() =>
  import('@/features/offline/components/offline-readiness').then((module) => ({ default: module.OfflineReadiness })),
);

/**
 * The header's offline state. Announced politely: "Offline" when the browser is offline, and "Ready to read offline"
 * the first time the archive is saved on this device. Shown but not announced: whether it is being saved or is ready.
 */
export function OfflineIndicator() {
  const online = useOnline();
  const { offline } = useServiceWorker();
  const known = online && offline !== 'unknown';
  return (
    <>
      <span role="status" className="empty:hidden">
        {!online && (
          <span
            title="You are offline, reading the saved copy. The archive, search and bookmarks keep working."
            className="inline-flex items-center gap-1.5 rounded-full bg-stone-200 px-2.5 py-1 text-xs font-semibold whitespace-nowrap text-stone-800 dark:bg-stone-800 dark:text-stone-100"
          >
            <OfflineIcon />
            <span>Offline</span>
            <span className="sr-only">, reading the saved copy</span>
          </span>
        )}
        {known && (
          <Suspense fallback={null}>
            <OfflineReadiness readiness={offline} announce />
          </Suspense>
        )}
      </span>
      {known && (
        <Suspense fallback={null}>
          <OfflineReadiness readiness={offline} announce={false} />
        </Suspense>
      )}
    </>
  );
}
