import { OfflineIcon } from '@/components/ui/icons';
import { useOnline } from '@/features/offline/hooks/use-online';

/** Says in the header when the browser is offline. */
export function OfflineIndicator() {
  const online = useOnline();
  return (
    <span role="status" className="empty:hidden">
      {!online && (
        <span
          title="You are offline. The archive, search and bookmarks keep working."
          className="inline-flex items-center gap-1.5 rounded-full bg-stone-200 px-2.5 py-1 text-xs font-semibold text-stone-800 dark:bg-stone-800 dark:text-stone-100"
        >
          <OfflineIcon />
          Offline
        </span>
      )}
    </span>
  );
}
