/** The search worker's entry point: parses, indexes and queries the archive off the main thread ({@link createSearchHost}). */
import { createSearchHost } from '@/features/search/worker/search-host';
import type { FromSearchWorker, ToSearchWorker } from '@/features/search/worker/protocol';

const handle = createSearchHost((message: FromSearchWorker) => self.postMessage(message));
self.addEventListener('message', (event: MessageEvent<ToSearchWorker>) => handle(event.data));
// public/search-start.js names the first page's query in the worker's URL: start at once, not when the page's message
// arrives, which waits for the page's main thread to finish evaluating the app's code.
const page = new URLSearchParams(self.location.hash.slice(1)).get('page');
if (page !== null) handle({ type: 'load', page });
