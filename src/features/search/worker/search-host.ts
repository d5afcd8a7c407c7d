/**
 * What the search worker does with each message, apart from the thread it runs on: fetch and validate the archive's
 * files itself (so the page never copies them across), build the index, and answer searches with entry ids.
 */
import { SearchEngine } from '@/features/search/lib/search-engine';
import { toWireResponse, type FromSearchWorker, type ToSearchWorker } from '@/features/search/worker/protocol';
import { fetchWholeBundle } from '@/lib/archive-files';

/** Longer slices than on the main thread: they only delay searches that arrive while the index is being built. */
const WORKER_SLICE_MS = 25;

function describe(error: unknown): string {
  return `search-worker: error: ${error instanceof Error ? error.message : String(error)}`;
}

async function loadEngine(post: (message: FromSearchWorker) => void): Promise<SearchEngine> {
  const bundle = await fetchWholeBundle();
  const engine = new SearchEngine(bundle.entries, bundle.issues, bundle.topics);
  engine.subscribe(() => post({ type: 'status', status: engine.status }));
  void engine.start({ sliceMs: WORKER_SLICE_MS });
  return engine;
}

/** A message handler that answers through `post`; one per worker. */
export function createSearchHost(post: (message: FromSearchWorker) => void): (message: ToSearchWorker) => void {
  let engine: Promise<SearchEngine> | null = null;
  // The last bookmark list seen, as one set, so the engine rebuilds its bookmark table only when bookmarks change.
  let bookmarks: { key: string; ids: ReadonlySet<string> } = { key: '', ids: new Set() };
  const bookmarkSet = (ids: string[]): ReadonlySet<string> => {
    const key = ids.join('\n');
    if (key !== bookmarks.key) bookmarks = { key, ids: new Set(ids) };
    return bookmarks.ids;
  };

  return (message) => {
    if (message.type === 'load') {
      if (engine) return;
      engine = loadEngine(post);
      engine.catch((error: unknown) => post({ type: 'error', message: describe(error) }));
      return;
    }
    if (!engine) {
      post({ type: 'error', message: describe('search before load') });
      return;
    }
    const { id, request } = message;
    void engine.then(
      (ready) => {
        try {
          post({
            type: 'result',
            id,
            response: toWireResponse(ready.search({ ...request, bookmarkedIds: bookmarkSet(request.bookmarkedIds) })),
          });
        } catch (error) {
          post({ type: 'error', message: describe(error) });
        }
      },
      // The failed load has already been reported.
      () => undefined,
    );
  };
}
