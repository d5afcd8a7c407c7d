import { useEffect, useState } from 'react';
import { offlineReadyAnnounced, rememberOfflineReadyAnnounced } from '@/features/offline/lib/offline-ready-notice';
import type { OfflineReadiness as Readiness } from '@/features/offline/lib/service-worker';

export interface OfflineReadinessProps {
  readiness: Readiness;
  /** Rendered inside the indicator's live region: only the first "ready" on this device goes there, to be announced. */
  announce: boolean;
}

/** How long the first "Ready to read offline" stays on screen; the dot and its title stay after. */
const CALLOUT_MS = 8000;

const readyTitle = 'Ready to read offline: every issue is saved on this device';

function ReadyDot() {
  return <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-emerald-600 dark:bg-emerald-400" />;
}

/** Read once per page load: told on an earlier visit means not told again. */
const announcedBefore = offlineReadyAnnounced();

/**
 * Whether the archive is saved for offline reading: "Saving for offline…" while the service worker installs, then
 * "Ready to read offline", announced the first time on this device and shown quietly afterwards.
 * Loaded once the service worker answers, so none of it is in the first page's JavaScript.
 */
export function OfflineReadiness({ readiness, announce }: OfflineReadinessProps) {
  const [firstReady] = useState(() => !announcedBefore);
  const ready = readiness === 'ready';

  const [calloutShown, setCalloutShown] = useState(true);
  useEffect(() => {
    if (!(announce && ready && firstReady)) return;
    rememberOfflineReadyAnnounced();
    const timer = setTimeout(() => setCalloutShown(false), CALLOUT_MS);
    return () => clearTimeout(timer);
  }, [announce, ready, firstReady]);

  if (announce) {
    if (!ready || !firstReady) return null;
    // A callout hanging below the dot, out of the header's flow, so saying it never pushes the page down.
    return (
      <span title={readyTitle} className="relative inline-flex items-center px-1 py-1">
        <ReadyDot />
        <span
          className={
            calloutShown
              ? 'pointer-events-none absolute top-full right-0 z-40 mt-2 rounded-full bg-stone-800 px-3 py-1 text-xs font-semibold whitespace-nowrap text-white shadow-md dark:bg-stone-100 dark:text-stone-900'
              : 'sr-only'
          }
        >
          Ready to read offline
        </span>
      </span>
    );
  }
  if (readiness === 'saving') {
    return (
      <span
        title="Saving the archive on this device for offline reading"
        className="inline-flex items-center gap-1.5 px-1 text-xs font-medium whitespace-nowrap text-stone-600 dark:text-stone-400"
      >
        <span aria-hidden="true" className="size-2 shrink-0 animate-pulse rounded-full bg-amber-500" />
        <span className="sr-only 2xl:not-sr-only">Saving for offline…</span>
      </span>
    );
  }
  if (!ready || firstReady) return null;
  return (
    <span
      title={readyTitle}
      className="inline-flex items-center gap-1.5 px-1 text-xs font-medium whitespace-nowrap text-stone-600 dark:text-stone-400"
    >
      <ReadyDot />
      <span className="sr-only 2xl:not-sr-only">Ready to read offline</span>
    </span>
  );
}
