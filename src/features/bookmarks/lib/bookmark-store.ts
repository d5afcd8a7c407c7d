import {
  BOOKMARKS_VERSION,
  BookmarksFormatError,
  normalizeTags,
  NOTE_MAX_LENGTH,
  parseEnvelope,
  type Bookmark,
  type BookmarksEnvelope,
  type BookmarkSnapshot,
} from '@/features/bookmarks/lib/bookmark-model';
import { mergeBookmarks, type ImportSummary } from '@/features/bookmarks/lib/bookmark-merge';

/** The localStorage key of the bookmark envelope. */
export const BOOKMARKS_KEY = 'frontier-reader:bookmarks';

/** Why bookmarks are kept only in memory for this session. */
export type StorageProblem =
  | { kind: 'unavailable' }
  | { kind: 'quota' }
  | { kind: 'newer-version'; message: string };

/** An unreadable stored value that was set aside instead of being overwritten. */
export interface RecoveredValue {
  /** Where the value now lives; null when it could not be copied and stays under the main key untouched. */
  backupKey: string | null;
  raw: string;
  reason: string;
}

/** Everything the UI needs, as one immutable snapshot. */
export interface BookmarkState {
  /** In the order they were added, oldest first. */
  bookmarks: readonly Bookmark[];
  /** Same identity while the bookmarked entries do not change. */
  ids: ReadonlySet<string>;
  byId: ReadonlyMap<string, Bookmark>;
  /** False while changes are kept only in memory. */
  persistent: boolean;
  problem: StorageProblem | null;
  recovered: RecoveredValue | null;
}

/** The storage methods the store uses; localStorage in the app, a fake in tests. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface BookmarkStoreOptions {
  /** Returns the storage; may throw (private mode, blocked cookies). */
  getStorage?: () => KeyValueStorage;
  key?: string;
  now?: () => Date;
  /** Where to listen for `storage` events from other tabs; null to not listen. */
  eventTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/** A bookmark list kept in localStorage and shared by every component and every tab. */
export interface BookmarkStore {
  subscribe(listener: () => void): () => void;
  getState(): BookmarkState;
  /** Adds or removes the bookmark; returns true when it is now bookmarked. */
  toggle(entryId: string, snapshot: BookmarkSnapshot | null): boolean;
  add(entryId: string, snapshot: BookmarkSnapshot | null): void;
  /** Returns the removed bookmark, for undo. */
  remove(entryId: string): Bookmark | undefined;
  /** Puts back a removed bookmark as it was. */
  restore(bookmark: Bookmark): void;
  update(entryId: string, changes: { note?: string; tags?: readonly string[] }): void;
  /** Fills in snapshots missing after a migration. */
  fillSnapshots(lookup: (entryId: string) => BookmarkSnapshot | undefined): void;
  importEnvelope(envelope: BookmarksEnvelope): ImportSummary;
  /** Hides the notice about a recovered value; the backup stays in storage. */
  dismissRecovered(): void;
  /** Re-reads storage, as when another tab changed it. */
  refresh(): void;
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException) && !(error instanceof Error)) return false;
  const code = (error as DOMException).code;
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function defaultStorage(): KeyValueStorage {
  return window.localStorage;
}

/** Creates a store; the app uses the shared {@link bookmarkStore}. */
export function createBookmarkStore(options: BookmarkStoreOptions = {}): BookmarkStore {
  const key = options.key ?? BOOKMARKS_KEY;
  const now = options.now ?? (() => new Date());
  const getStorage = options.getStorage ?? defaultStorage;
  const eventTarget = options.eventTarget === undefined ? (typeof window === 'undefined' ? null : window) : options.eventTarget;
  const listeners = new Set<() => void>();

  let items: Bookmark[] = [];
  /** The raw value last read from or written to storage, to notice changes made elsewhere. */
  let lastRaw: string | null = null;
  /** Set when writing would destroy something: storage unreadable, a newer format, or a value that could not be backed up. */
  let frozen = false;
  let state: BookmarkState = buildState([], true, null, null, null);

  function buildState(
    next: Bookmark[],
    persistent: boolean,
    problem: StorageProblem | null,
    recovered: RecoveredValue | null,
    previous: BookmarkState | null,
  ): BookmarkState {
    const sameIds =
      previous !== null && previous.ids.size === next.length && next.every((bookmark) => previous.ids.has(bookmark.entryId));
    return {
      bookmarks: next,
      ids: sameIds ? previous.ids : new Set(next.map((bookmark) => bookmark.entryId)),
      byId: new Map(next.map((bookmark) => [bookmark.entryId, bookmark])),
      persistent,
      problem,
      recovered,
    };
  }

  function setState(patch: Partial<Pick<BookmarkState, 'persistent' | 'problem' | 'recovered'>>, next: Bookmark[] = items) {
    items = next;
    state = buildState(
      next,
      patch.persistent ?? state.persistent,
      patch.problem === undefined ? state.problem : patch.problem,
      patch.recovered === undefined ? state.recovered : patch.recovered,
      state,
    );
    for (const listener of [...listeners]) listener();
  }

  function storageOrNull(): KeyValueStorage | null {
    try {
      return getStorage();
    } catch {
      return null;
    }
  }

  /** Sets an unreadable value aside under a backup key, never overwriting an earlier different backup. */
  function setAside(storage: KeyValueStorage, raw: string, reason: string): RecoveredValue | null {
    try {
      let backupKey = `${key}:backup`;
      const existing = storage.getItem(backupKey);
      if (existing !== null && existing !== raw) backupKey = `${key}:backup:${now().toISOString()}`;
      storage.setItem(backupKey, raw);
      storage.removeItem(key);
      return { backupKey, raw, reason };
    } catch {
      return null;
    }
  }

  function load(): void {
    const storage = storageOrNull();
    let raw: string | null;
    try {
      if (!storage) throw new Error('no storage');
      raw = storage.getItem(key);
    } catch {
      lastRaw = null;
      frozen = true;
      setState({ persistent: false, problem: { kind: 'unavailable' } }, items);
      return;
    }
    lastRaw = raw;
    if (raw === null) {
      setState({ persistent: true, problem: null }, []);
      return;
    }
    let reason: string;
    try {
      const envelope = parseEnvelope(JSON.parse(raw) as unknown, now().toISOString());
      setState({ persistent: true, problem: null }, envelope.items);
      return;
    } catch (error) {
      if (error instanceof BookmarksFormatError && error.newerVersion) {
        frozen = true;
        setState({ persistent: false, problem: { kind: 'newer-version', message: error.message } }, []);
        return;
      }
      reason = error instanceof SyntaxError ? 'It is not valid JSON.' : error instanceof Error ? error.message : String(error);
    }
    const recovered = setAside(storage as KeyValueStorage, raw, reason);
    if (recovered) {
      lastRaw = null;
      setState({ persistent: true, problem: null, recovered }, []);
    } else {
      // The value could not be copied, so it stays where it is and nothing is written over it this session.
      frozen = true;
      setState({ persistent: false, problem: { kind: 'quota' }, recovered: { backupKey: null, raw, reason } }, []);
    }
  }

  function refresh(): void {
    if (!state.persistent) return;
    const storage = storageOrNull();
    let raw: string | null;
    try {
      raw = storage ? storage.getItem(key) : null;
    } catch {
      return;
    }
    if (raw !== lastRaw) load();
  }

  function persist(next: Bookmark[]): void {
    if (frozen) {
      setState({}, next);
      return;
    }
    const envelope: BookmarksEnvelope = { version: BOOKMARKS_VERSION, items: next };
    const raw = JSON.stringify(envelope);
    const storage = storageOrNull();
    if (!storage) {
      setState({ persistent: false, problem: { kind: 'unavailable' } }, next);
      return;
    }
    try {
      storage.setItem(key, raw);
      lastRaw = raw;
      setState({ persistent: true, problem: null }, next);
    } catch (error) {
      setState({ persistent: false, problem: { kind: isQuotaError(error) ? 'quota' : 'unavailable' } }, next);
    }
  }

  /** Applies a change to the latest stored list, so a change made in another tab a moment ago is not overwritten. */
  function mutate(change: (current: Bookmark[]) => Bookmark[] | null): void {
    refresh();
    const next = change(items);
    if (next !== null) persist(next);
  }

  function onStorage(event: StorageEvent): void {
    if (event.key === null || event.key === key) refresh();
  }

  load();

  const store: BookmarkStore = {
    subscribe(listener) {
      if (listeners.size === 0) {
        refresh();
        eventTarget?.addEventListener('storage', onStorage);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) eventTarget?.removeEventListener('storage', onStorage);
      };
    },
    getState() {
      // Without subscribers nothing hears the storage event, so read storage again before answering.
      if (listeners.size === 0) refresh();
      return state;
    },
    toggle(entryId, snapshot) {
      let added = false;
      mutate((current) => {
        if (current.some((bookmark) => bookmark.entryId === entryId)) {
          return current.filter((bookmark) => bookmark.entryId !== entryId);
        }
        added = true;
        const at = now().toISOString();
        return [...current, { entryId, addedAt: at, updatedAt: at, note: '', tags: [], snapshot }];
      });
      return added;
    },
    add(entryId, snapshot) {
      mutate((current) => {
        if (current.some((bookmark) => bookmark.entryId === entryId)) return null;
        const at = now().toISOString();
        return [...current, { entryId, addedAt: at, updatedAt: at, note: '', tags: [], snapshot }];
      });
    },
    remove(entryId) {
      let removed: Bookmark | undefined;
      mutate((current) => {
        removed = current.find((bookmark) => bookmark.entryId === entryId);
        return removed ? current.filter((bookmark) => bookmark.entryId !== entryId) : null;
      });
      return removed;
    },
    restore(bookmark) {
      mutate((current) => {
        if (current.some((existing) => existing.entryId === bookmark.entryId)) return null;
        const next = [...current, bookmark];
        next.sort((a, b) => Date.parse(a.addedAt) - Date.parse(b.addedAt));
        return next;
      });
    },
    update(entryId, changes) {
      mutate((current) =>
        current.map((bookmark) =>
          bookmark.entryId !== entryId
            ? bookmark
            : {
                ...bookmark,
                note: changes.note === undefined ? bookmark.note : changes.note.slice(0, NOTE_MAX_LENGTH),
                tags: changes.tags === undefined ? bookmark.tags : normalizeTags(changes.tags),
                updatedAt: now().toISOString(),
              },
        ),
      );
    },
    fillSnapshots(lookup) {
      if (!items.some((bookmark) => bookmark.snapshot === null && lookup(bookmark.entryId))) return;
      mutate((current) =>
        current.map((bookmark) => (bookmark.snapshot ? bookmark : { ...bookmark, snapshot: lookup(bookmark.entryId) ?? null })),
      );
    },
    importEnvelope(envelope) {
      let summary: ImportSummary = { added: [], updated: [], unchanged: [] };
      mutate((current) => {
        const merged = mergeBookmarks(current, envelope.items);
        summary = merged.summary;
        return merged.summary.added.length + merged.summary.updated.length > 0 ? merged.items : null;
      });
      return summary;
    },
    dismissRecovered() {
      if (state.recovered) setState({ recovered: null });
    },
    refresh,
  };
  return store;
}

/** The app's bookmark store, created on first use. */
let shared: BookmarkStore | null = null;

/** The shared store over localStorage. */
export function getBookmarkStore(): BookmarkStore {
  shared ??= createBookmarkStore();
  return shared;
}

/** Forgets the shared store so the next use reads storage afresh; for tests that seed localStorage. */
export function resetBookmarkStore(): void {
  shared = null;
}
