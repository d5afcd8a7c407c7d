/** The search worker's entry point: parses, indexes and queries the archive off the main thread ({@link createSearchHost}). */
import { createSearchHost } from '@/features/search/worker/search-host';
import type { FromSearchWorker, ToSearchWorker } from '@/features/search/worker/protocol';

/**
 * How public/search-start.js begins the worker's name, before the first page's URL parameters; it also downloads the
 * search shards' meta file and sends it (`shards-meta`).
 */
const EARLY_NAME = 'search+shards-meta?';

const handle = createSearchHost((message: FromSearchWorker) => self.postMessage(message));
self.addEventListener('message', (event: MessageEvent<ToSearchWorker>) => handle(event.data));
// public/search-start.js names the first page's query in the worker's name (`search+shards-meta?q=…`): start at once,
// not when the page's message arrives, which waits for the page's main thread to finish evaluating the app's code.
if (self.name.startsWith(EARLY_NAME)) {
  handle({ type: 'load', page: self.name.slice(EARLY_NAME.length), shardsMetaFromPage: true });
}
