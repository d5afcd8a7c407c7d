import type { Workbox } from 'workbox-window';

/**
 * Whether the archive can be read offline: `unknown` without a service worker (development, unsupported browsers,
 * not registered yet), `saving` while the first one installs and precaches, `ready` once one is active.
 */
export type OfflineReadiness = 'unknown' | 'saving' | 'ready';

/** What the app knows about its service worker. */
export interface ServiceWorkerState {
  /** A new version is installed and waits for the reader to reload. */
  needRefresh: boolean;
  /** Whether the app shell and every archive file are cached for offline reading. */
  offline: OfflineReadiness;
}

/** How often an open tab asks the server for a new version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let state: ServiceWorkerState = { needRefresh: false, offline: 'unknown' };
const listeners = new Set<() => void>();
let workbox: Workbox | null = null;
let registering = false;

function setState(patch: Partial<ServiceWorkerState>): void {
  state = { ...state, ...patch };
  for (const listener of [...listeners]) listener();
}

/** Subscribes to changes of {@link getServiceWorkerState}. */
export function subscribeServiceWorker(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current state; a new object only when something changed. */
export function getServiceWorkerState(): ServiceWorkerState {
  return state;
}

/**
 * Registers the generated service worker once (production builds only; the build injects no inline script).
 * A new version waits until {@link applyUpdate}: the app never reloads under the reader's eyes.
 */
export function registerServiceWorker(): void {
  if (registering || !import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  registering = true;
  // Loaded after the first page is on screen: registering never helps the first paint, and this keeps it off that path.
  void import('workbox-window')
    .then(async ({ Workbox }) => {
      const base = import.meta.env.BASE_URL;
      workbox = new Workbox(`${base}sw.js`, { scope: base, type: 'classic' });
      workbox.addEventListener('waiting', () => setState({ needRefresh: true }));
      // The first install failed (a precache download broke): nothing is saved, so claim nothing.
      workbox.addEventListener('redundant', () => {
        if (state.offline === 'saving') setState({ offline: 'unknown' });
      });
      const registration = await workbox.register();
      if (!registration) return;
      // A worker becomes active only after its install step, which precaches everything, has succeeded.
      if (!registration.active) setState({ offline: 'saving' });
      void navigator.serviceWorker.ready.then(() => setState({ offline: 'ready' }));
      window.setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    })
    // A browser that refuses service workers (private mode, a policy) or a failed download: online only, nothing to show.
    .catch(() => setState({ offline: 'unknown' }));
}

/** Activates the waiting version and reloads once it controls the page; only ever called from a click. */
export function applyUpdate(): void {
  if (!workbox) {
    window.location.reload();
    return;
  }
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}

/** Hides the prompt without updating; the new version starts when every tab of the app is closed. */
export function dismissUpdate(): void {
  setState({ needRefresh: false });
}
