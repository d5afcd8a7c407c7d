/**
 * Starting the search worker, kept apart from the search client so the first page's code can start it while the search
 * page's code is still downloading: the worker's own download and first answer then overlap the page's.
 */
import type { FromSearchWorker, ToSearchWorker } from '@/features/search/worker/protocol';

/** Makes the search worker; throws where workers are unavailable. */
export type SearchWorkerFactory = () => Worker;

/** The real worker, written out in full so Vite bundles it as a module worker. */
export function createSearchWorker(): Worker {
  if (typeof Worker === 'undefined') throw new Error('search-client: error: Web Workers are unavailable');
  return new Worker(new URL('../worker/search-worker.ts', import.meta.url), { type: 'module', name: 'search' });
}

/** A worker started before the search page's code arrived, with what it said meanwhile. */
export interface PrewarmedWorker {
  worker: Worker;
  said: FromSearchWorker[];
  failed: boolean;
  detach: () => void;
}

let prewarmed: PrewarmedWorker | null = null;

/** Where public/search-start.js leaves the worker it started before any of the app's code had loaded. */
const EARLY_WORKER_GLOBAL = '__frontierReaderSearchWorker';

/** The worker public/search-start.js started, if it did (a production build on a first page at /search), once. */
function takeEarlyWorker(): PrewarmedWorker | null {
  const holder = globalThis as Record<string, unknown>;
  const early = holder[EARLY_WORKER_GLOBAL];
  delete holder[EARLY_WORKER_GLOBAL];
  if (typeof early !== 'object' || early === null) return null;
  const { worker, said, detach } = early as Partial<PrewarmedWorker>;
  const usable =
    typeof Worker !== 'undefined' && worker instanceof Worker && Array.isArray(said) && typeof detach === 'function';
  return usable ? (early as PrewarmedWorker) : null;
}

/**
 * Starts the search worker loading the archive before the search page's code has arrived; the page's client adopts it.
 * Given the first page's URL parameters, the worker also starts fetching what the answer to their query needs. A worker
 * that public/search-start.js already started with those parameters is taken instead of a second one.
 */
export function prewarmSearchWorker(params?: URLSearchParams): void {
  if (prewarmed) return;
  const early = takeEarlyWorker();
  if (early) {
    prewarmed = early;
    return;
  }
  let worker: Worker;
  try {
    worker = createSearchWorker();
  } catch {
    return;
  }
  const warm: PrewarmedWorker = { worker, said: [], failed: false, detach: () => {} };
  const keep = (event: MessageEvent<FromSearchWorker>) => warm.said.push(event.data);
  const fail = () => {
    warm.failed = true;
  };
  worker.addEventListener('message', keep);
  worker.addEventListener('error', fail);
  warm.detach = () => {
    worker.removeEventListener('message', keep);
    worker.removeEventListener('error', fail);
  };
  worker.postMessage({ type: 'load', page: params?.toString() } satisfies ToSearchWorker);
  prewarmed = warm;
}

/** The prewarmed worker, not yet adopted by a client; null when there is none. */
export function prewarmedWorker(): PrewarmedWorker | null {
  return prewarmed;
}

/** What the prewarmed worker has said so far, before a client has adopted it; nothing once one has. */
export function prewarmedSaid(): readonly FromSearchWorker[] {
  return prewarmed?.said ?? [];
}

/** The prewarmed worker (or the one public/search-start.js started), once: later clients make their own. */
export function adoptPrewarmed(): PrewarmedWorker | null {
  const warm = prewarmed ?? takeEarlyWorker();
  prewarmed = null;
  warm?.detach();
  return warm;
}
