import type { Plugin, PluginOption } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

/** The app's accent colour, used by browsers for the window and splash screen. */
const THEME_COLOR = '#4338ca';

/** Largest file the service worker precaches; one issue's file must fit with room to grow. */
const MAX_PRECACHE_BYTES = 16 * 1024 * 1024;

/** Favicon and theme-colour tags, added at build and in dev so index.html stays free of build concerns. */
function iconLinks(): Plugin {
  return {
    name: 'frontier-reader:icons',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const base = context.server?.config.base ?? '/';
        return [
          { tag: 'link', attrs: { rel: 'icon', href: `${base}favicon.svg`, type: 'image/svg+xml' }, injectTo: 'head' },
          {
            tag: 'link',
            attrs: { rel: 'apple-touch-icon', href: `${base}icons/apple-touch-icon-180.png` },
            injectTo: 'head',
          },
          { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
        ];
      },
    },
  };
}

/** The service worker and manifest options; tests/unit/pwa-config.test.ts checks what a build makes of them. */
const PWA_OPTIONS = {
  strategies: 'generateSW',
  registerType: 'prompt',
  // Registered by src/features/offline through workbox-window: the CSP forbids inline scripts.
  injectRegister: false,
  // The glob below already precaches every icon once.
  includeManifestIcons: false,
  manifest: {
    id: '/',
    name: 'Frontier Reader',
    short_name: 'Frontier',
    description: 'Read, search and bookmark the Frontier AI-research newsletter archive, online or off.',
    lang: 'en',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: '#fafaf9',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,ico,json,xml}'],
    // The app reads the archive as the catalogue and one file per issue; the whole bundle in one file is for tools.
    globIgnores: ['**/data/archive.json'],
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
    navigateFallback: 'index.html',
    // The bundle and other data files are never answered with the app shell.
    navigateFallbackDenylist: [/^\/data\//],
    cleanupOutdatedCaches: true,
    // The first install takes control at once so the first visit is already offline-ready; updates still wait for the reader.
    clientsClaim: true,
    skipWaiting: false,
  },
  devOptions: { enabled: false },
} satisfies Partial<VitePWAOptions>;

/**
 * Offline support: a generated service worker precaches the app shell, every route chunk and every archive file,
 * serves index.html for SPA routes, and waits for the reader to accept an update (registered from UpdatePrompt).
 */
export function pwaPlugin(): PluginOption {
  return [iconLinks(), VitePWA(PWA_OPTIONS)];
}
