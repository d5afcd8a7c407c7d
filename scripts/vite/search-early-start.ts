import type { Plugin, Rolldown } from 'vite';
import { htmlTags } from './html-tags';
import { withImports } from './preload-start-chunks';
import { SEARCH_SHARDS_PATH } from '../../src/shared/search-shards';

/** The search worker's file as Vite names it: `assets/search-worker-<hash>.js`. */
const WORKER_FILE = /(^|\/)search-worker-[\w-]+\.js$/;

/** The search page's route module, whose code a first page at /search needs before it can draw anything. */
const SEARCH_PAGE_MODULE = /[\\/]src[\\/]app[\\/]routes[\\/]search\.tsx$/;

/**
 * The search page's file and the files it imports that index.html does not preload already (scripts/vite/
 * preload-start-chunks.ts): few, so they do not hold back the worker's own requests.
 */
function searchPageFiles(bundle: Rolldown.OutputBundle, entry: Rolldown.OutputChunk | undefined): string[] {
  const page = Object.values(bundle).find(
    (chunk) => chunk.type === 'chunk' && SEARCH_PAGE_MODULE.test(chunk.facadeModuleId ?? ''),
  );
  if (page?.type !== 'chunk')
    throw new Error('search-early-start: error: no file in the build holds src/app/routes/search.tsx');
  const preloaded = entry ? withImports(bundle, [entry.fileName, ...entry.dynamicImports]) : new Set<string>();
  return [...withImports(bundle, [page.fileName])].filter((file) => !preloaded.has(file));
}

/**
 * Names the built search worker in index.html for public/search-start.js, which starts that worker on a first page at
 * /search before the app's own code runs. Build only: dev serves the worker from source, and there the app starts it.
 */
export function searchEarlyStart(): Plugin {
  return htmlTags('frontier-reader:search-early-start', ({ bundle = {}, chunk }, base) => {
    const workers = Object.keys(bundle).filter((file) => WORKER_FILE.test(file));
    if (workers.length !== 1) {
      throw new Error(
        `search-early-start: error: expected one search worker in the build, found ${workers.length} (${workers.join(', ')})`,
      );
    }
    return [
      {
        tag: 'meta',
        attrs: {
          name: 'frontier-reader:search-worker',
          content: `${base}${workers[0]}`,
          'data-page': `${base}search`,
          // Downloaded by the page as it starts the worker, and sent to it: the worker's first request, made sooner.
          'data-shards-meta': `${base}${SEARCH_SHARDS_PATH}`,
          // So the search page's code downloads from the start too, not once the app's code has run.
          'data-page-modules': searchPageFiles(bundle, chunk)
            .map((file) => `${base}${file}`)
            .join(' '),
        },
        // Before index.html's own scripts, which read it.
        injectTo: 'head-prepend',
      },
    ];
  });
}
