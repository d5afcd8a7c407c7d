import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath, URL } from 'node:url';
import { pwaPlugin } from './scripts/vite/pwa-plugin';
import { searchEarlyStart } from './scripts/vite/search-early-start';
import { appModules, preloadStartChunks } from './scripts/vite/preload-start-chunks';
import { siteUrlCheck } from './scripts/vite/site-url-check';
import { inlineStartScripts } from './scripts/vite/inline-start-scripts';

/** The app's own code, which src/main.tsx imports after React and the libraries: one file, apart from lazy pages' code. */
const app = appModules(/[\\/]src[\\/]app[\\/]app\.tsx$/);

/** What src/main.tsx imports statically: its helpers, and Vite's for lazy imports. */
const START_MODULE = /[\\/]src[\\/]lib[\\/]yield-to-main\.ts$|vite[\\/]preload-helper/;

/**
 * The production page may run only its own scripts: its files, and the inline start-up scripts by hash. Dev needs
 * inline HMR preambles, so the policy is added at build time.
 */
function contentSecurityPolicy(scriptSources: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Where the app is published: `/` by default, or BASE_PATH (`BASE_PATH=/frontier/ npm run build`), with the slashes
 * completed. `vite build --base /frontier/` overrides it. The README's Publish section explains both.
 */
function basePath(value: string | undefined): string {
  const path = value?.trim() ?? '';
  if (path === '') return '/';
  if (!path.startsWith('/') || /[?#\\]|\/\//.test(path)) {
    throw new Error(`vite.config.ts: error: BASE_PATH "${path}": expected an absolute path such as /frontier/`);
  }
  return path.endsWith('/') ? path : `${path}/`;
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  plugins: [
    react(),
    tailwindcss(),
    inlineStartScripts(['theme-init.js', 'search-start.js'], contentSecurityPolicy),
    searchEarlyStart(),
    preloadStartChunks(),
    app.plugin,
    pwaPlugin(),
    siteUrlCheck(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    // Every browser that runs es2022 modules has modulepreload; the polyfill was bytes on every first page.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The files src/main.tsx evaluates one at a time (React, the libraries the first page needs, then the app), so
          // no one of them holds the main thread for long; a release that changes only the app keeps the first two
          // cached. Code that lazy pages share is one more file.
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
            {
              name: 'libraries',
              test: /[\\/]node_modules[\\/](@tanstack|react-router|zod)[\\/]|[\\/]src[\\/]app[\\/]libraries\.ts$/,
              priority: 3,
            },
            // What src/main.tsx imports statically, apart: in the app's file it would make the entry wait for all of it.
            { name: 'start', test: START_MODULE, priority: 5 },
            { name: 'app', test: app.test, priority: 2 },
            { name: 'shared', test: /[\\/]src[\\/]/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
