/** localStorage key remembering that "Ready to read offline" was announced, so it is said once, not on every visit. */
export const OFFLINE_READY_ANNOUNCED_KEY = 'frontier-reader:offline-ready-announced';

/** Whether the reader has already been told the archive is saved for offline reading. */
export function offlineReadyAnnounced(): boolean {
  try {
    return window.localStorage.getItem(OFFLINE_READY_ANNOUNCED_KEY) !== null;
  } catch {
    return false;
  }
}

/** Remembers the announcement; without storage it may be repeated on a later visit, which is harmless. */
export function rememberOfflineReadyAnnounced(): void {
  try {
    window.localStorage.setItem(OFFLINE_READY_ANNOUNCED_KEY, new Date().toISOString());
  } catch {
    // Private mode or full storage.
  }
}
