import type { Plugin, PluginOption, ResolvedConfig } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

/** The app's accent colour, used by browsers for the window and splash screen. */
const THEME_COLOR = '#4338ca';

/** Largest file the service worker precaches; one issue's file must fit with room to grow. */
const MAX_PRECACHE_BYTES = 16 * 1024 * 1024;

/** Favicon and theme-colour tags, added at build and in dev so index.html stays free of build concerns. */
function iconLinks(): Plugin {
  // The resolved base in dev and at build alike: a build under /frontier/ must not link the icons from the root.
  let base = '/';
  return {
    name: 'frontier-reader:icons',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'link', attrs: { rel: 'icon', href: `${base}favicon.svg`, type: 'image/svg+xml' }, injectTo: 'head' },
        {
          tag: 'link',
          attrs: { rel: 'apple-touch-icon', href: `${base}icons/apple-touch-icon-180.png` },
          injectTo: 'head',
        },
        { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
      ],
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
    // Set to the base path by withBasePath(): two copies of the app under different paths are different apps.
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
    // The per-entry files beside each issue file are for search's first answer online, which offline the issue files
    // give: precaching them would add one file per entry. Not precached, so fetched from the network.
    globIgnores: ['**/data/archive.json', '**/data/issues/*/*.json'],
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
    navigateFallback: 'index.html',
    // The bundle and other data files are never answered with the app shell; withBasePath() puts the base path in front.
    navigateFallbackDenylist: [/^\/data\//],
    cleanupOutdatedCaches: true,
    // The first install takes control at once so the first visit is already offline-ready; updates still wait for the reader.
    clientsClaim: true,
    skipWaiting: false,
  },
  devOptions: { enabled: false },
} satisfies Partial<VitePWAOptions>;

/** A RegExp source matching `text` literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The options for the resolved base path (`vite build --base /frontier/` or BASE_PATH): the manifest's id and the
 * service worker's data-file denylist are absolute paths. Scope, start_url, icons, the precache and the navigation
 * fallback are relative to the manifest or the service worker, so they follow the base on their own.
 */
function withBasePath(config: ResolvedConfig, options: Partial<VitePWAOptions>): void {
  const base = config.base;
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`scripts/vite/pwa-plugin.ts: error: base "${base}": expected an absolute path such as /frontier/`);
  }
  options.manifest = { ...PWA_OPTIONS.manifest, id: base };
  options.workbox = { ...PWA_OPTIONS.workbox, navigateFallbackDenylist: [new RegExp(`^${escapeRegExp(base)}data/`)] };
}

/**
 * Offline support: a generated service worker precaches the app shell, every route chunk and every archive file,
 * serves index.html for SPA routes, and waits for the reader to accept an update (registered from UpdatePrompt).
 */
export function pwaPlugin(): PluginOption {
  return [iconLinks(), VitePWA({ ...PWA_OPTIONS, integration: { configureOptions: withBasePath } })];
}
