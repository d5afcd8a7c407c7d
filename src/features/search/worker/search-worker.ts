/** The search worker's entry point: parses, indexes and queries the archive off the main thread ({@link createSearchHost}). */
import { createSearchHost } from '@/features/search/worker/search-host';
import type { FromSearchWorker, ToSearchWorker } from '@/features/search/worker/protocol';

const handle = createSearchHost((message: FromSearchWorker) => self.postMessage(message));
self.addEventListener('message', (event: MessageEvent<ToSearchWorker>) => handle(event.data));
