import type { Plugin } from 'vite';

/** The search worker's file as Vite names it: `assets/search-worker-<hash>.js`. */
const WORKER_FILE = /(^|\/)search-worker-[\w-]+\.js$/;

/**
 * Names the built search worker in index.html for public/search-start.js, which starts that worker on a first page at
 * /search before the app's own code runs. Build only: dev serves the worker from source, and there the app starts it.
 */
export function searchEarlyStart(): Plugin {
  let base = '/';
  return {
    name: 'frontier-reader:search-early-start',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const workers = Object.keys(context.bundle ?? {}).filter((file) => WORKER_FILE.test(file));
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
            },
            // Before index.html's own scripts, which read it.
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
