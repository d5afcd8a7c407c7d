import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath, URL } from 'node:url';
import { pwaPlugin } from './scripts/vite/pwa-plugin';
import { searchEarlyStart } from './scripts/vite/search-early-start';
import { siteUrlCheck } from './scripts/vite/site-url-check';

/** The production page may run only its own scripts; dev needs inline HMR preambles, so the policy is added at build time. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
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

function contentSecurityPolicy(): Plugin {
  return {
    name: 'frontier-reader:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), searchEarlyStart(), pwaPlugin(), siteUrlCheck()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React and the other libraries in files of their own: the first page's code then took 33–56 ms to evaluate
          // instead of 66–68 ms as one file (Long Animation Frames), and a release that changes only the app keeps them
          // cached. The rest of the first page's code is one file, and code that lazy pages share one more.
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
            { name: 'libraries', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 3 },
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'shared', test: /[\\/]src[\\/]/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
