import { useServiceWorker } from '@/features/offline/hooks/use-service-worker';
import { applyUpdate, dismissUpdate } from '@/features/offline/lib/service-worker';
import { CloseIcon } from '@/components/ui/icons';

const actionClass =
  'shrink-0 rounded-md px-3 py-1.5 font-semibold text-amber-300 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-amber-300 dark:text-indigo-800 dark:hover:bg-stone-900/10 dark:focus-visible:outline-indigo-800';

/** "Update available · Reload" when a new version is waiting; never reloads on its own. */
export function UpdatePrompt() {
  const { needRefresh } = useServiceWorker();
  return (
    <div role="status" aria-live="polite" className="print:hidden">
      {needRefresh && (
        <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4">
          <div className="pointer-events-auto flex w-full max-w-md items-center gap-3 rounded-lg bg-stone-900 py-2 pr-2 pl-4 text-sm text-white shadow-lg ring-1 ring-black/10 dark:bg-stone-100 dark:text-stone-900">
            <p className="min-w-0 flex-1">
              Update available<span aria-hidden="true"> · </span>
            </p>
            <button type="button" className={actionClass} onClick={applyUpdate}>
              Reload
            </button>
            <button
              type="button"
              onClick={dismissUpdate}
              aria-label="Later"
              className="shrink-0 rounded-md p-1.5 text-stone-300 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-amber-300 dark:text-stone-600 dark:hover:bg-stone-900/10 dark:hover:text-stone-900 dark:focus-visible:outline-indigo-800"
            >
              <CloseIcon />
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
