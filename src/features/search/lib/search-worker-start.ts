/**
 * Starting the search worker, kept apart from the search client so the first page's code can start it while the search
 * page's code is still downloading: the worker's own download and first answer then overlap the page's.
 */
import { readSearchParams, readShown } from '@/features/search/lib/search-params';
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

/**
 * Starts the search worker loading the archive before the search page's code has arrived; the page's client adopts it.
 * Given the first page's URL parameters, the worker also starts fetching what the answer to their query needs.
 */
export function prewarmSearchWorker(params?: URLSearchParams): void {
  if (prewarmed) return;
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
  worker.postMessage({ type: 'load' } satisfies ToSearchWorker);
  const state = params ? readSearchParams(params) : null;
  if (params && state?.query.trim()) {
    const request = {
      query: state.query,
      selection: state.selection,
      sort: state.sort ?? 'relevance',
      groupByPaper: state.groupByPaper,
      bookmarkedIds: [],
      limit: readShown(params),
    };
    worker.postMessage({ type: 'prefetch', request } satisfies ToSearchWorker);
  }
  prewarmed = warm;
}

/** The prewarmed worker, once: later clients make their own. */
export function adoptPrewarmed(): PrewarmedWorker | null {
  const warm = prewarmed;
  prewarmed = null;
  warm?.detach();
  return warm;
}
