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
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
            <path d="M2 2l12 12M5.5 8.6a4 4 0 0 1 2-.9M3 6a8 8 0 0 1 2.4-1.5M13 6a8 8 0 0 0-5-1.9M10.6 8.6a4 4 0 0 0-.8-.5M8 12h.01" />
          </svg>
          Offline
        </span>
      )}
    </span>
  );
}
