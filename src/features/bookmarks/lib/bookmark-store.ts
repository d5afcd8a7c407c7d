import {
  BOOKMARKS_VERSION,
  BookmarksFormatError,
  describeReport,
  normalizeTags,
  NOTE_MAX_LENGTH,
  readEnvelope,
  type Bookmark,
  type BookmarksEnvelope,
  type BookmarkSnapshot,
  type ChunkOptions,
  type ReadReport,
} from '@/features/bookmarks/lib/bookmark-model';
import {
  EMPTY_LIST,
  mergeBookmarks,
  mergeLists,
  pruneTombstones,
  type BookmarkList,
  type ImportSummary,
} from '@/features/bookmarks/lib/bookmark-merge';
import { readBackup } from '@/features/bookmarks/lib/export-backup';

/** The localStorage key of the bookmark envelope. */
export const BOOKMARKS_KEY = 'frontier-reader:bookmarks';

/** Why bookmarks are kept only in memory for this session. */
export type StorageProblem = { kind: 'unavailable' } | { kind: 'quota' } | { kind: 'newer-version'; message: string };

/** A stored value that could not be kept as it was, set aside this session instead of being overwritten. */
export interface RecoveredValue {
  /** Where the original now lives; null when it could not be copied and stays under the main key untouched. */
  backupKey: string | null;
  raw: string;
  reason: string;
  /** What was read item by item; null when the value as a whole was unreadable and nothing was kept. */
  report: ReadReport | null;
}

/** Data set aside under a backup key, kept until the reader deletes it or restores all of it. */
export interface StoredBackup {
  key: string;
  raw: string;
  /** ISO timestamp from the key; null for the first backup, whose key has none. */
  setAsideAt: string | null;
}

/** What restoring a backup did. */
export interface RestoreResult {
  summary: ImportSummary;
  report: ReadReport;
  /** True when everything was restored and saved, so the backup was deleted. */
  cleared: boolean;
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
  /** What this session set aside, for the notice; cleared by dismissing it. */
  recovered: RecoveredValue | null;
  /** Every backup in storage, whenever it was made. */
  backups: readonly StoredBackup[];
}

/** The storage methods the store uses; localStorage in the app, a fake in tests. Without `key`/`length` only the first backup key is seen. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> &
  Partial<Pick<Storage, 'key' | 'length'>>;

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
  /** Merges bookmarks into the list, bringing back any that were removed. */
  importEnvelope(envelope: BookmarksEnvelope): ImportSummary;
  /**
   * Merges what can be read from a backup into the list; deletes the backup only when all of it was restored and saved.
   * @throws {BookmarksFormatError} when nothing in it can be read as bookmarks.
   */
  restoreBackup(backupKey: string, options?: ChunkOptions): Promise<RestoreResult>;
  /** Deletes a backup for good; the UI asks first. */
  deleteBackup(backupKey: string): void;
  /** Hides the notice about a recovered value; the backup stays in storage. */
  dismissRecovered(): void;
  /** Re-reads storage, as when another tab changed it, and merges this tab's unsaved changes into it. */
  refresh(): void;
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException) && !(error instanceof Error)) return false;
  const code = (error as DOMException).code;
  return (
    error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

function defaultStorage(): KeyValueStorage {
  return window.localStorage;
}

function sameBackups(a: readonly StoredBackup[], b: readonly StoredBackup[]): boolean {
  return a.length === b.length && a.every((backup, i) => backup.key === b[i]?.key && backup.raw === b[i]?.raw);
}

/** Creates a store; the app uses the shared {@link bookmarkStore}. */
export function createBookmarkStore(options: BookmarkStoreOptions = {}): BookmarkStore {
  const key = options.key ?? BOOKMARKS_KEY;
  const backupPrefix = `${key}:backup`;
  const now = options.now ?? (() => new Date());
  const getStorage = options.getStorage ?? defaultStorage;
  const eventTarget =
    options.eventTarget === undefined ? (typeof window === 'undefined' ? null : window) : options.eventTarget;
  const listeners = new Set<() => void>();

  /** What storage held when this tab last read or wrote it. */
  let base: BookmarkList = EMPTY_LIST;
  /** What this tab shows; the same object as `base` while it has no unsaved changes. */
  let local: BookmarkList = EMPTY_LIST;
  /** The raw value last read from or written to storage, to notice changes made elsewhere; undefined before the first read. */
  let lastRaw: string | null | undefined;
  /** Set when writing would destroy something: storage unreadable, a newer format, or a value that could not be backed up. */
  let frozen = false;
  let state: BookmarkState = buildState([], true, null, null, [], null);

  function buildState(
    next: readonly Bookmark[],
    persistent: boolean,
    problem: StorageProblem | null,
    recovered: RecoveredValue | null,
    backups: readonly StoredBackup[],
    previous: BookmarkState | null,
  ): BookmarkState {
    const sameIds =
      previous !== null &&
      previous.ids.size === next.length &&
      next.every((bookmark) => previous.ids.has(bookmark.entryId));
    return {
      bookmarks: next,
      ids: sameIds ? previous.ids : new Set(next.map((bookmark) => bookmark.entryId)),
      byId: new Map(next.map((bookmark) => [bookmark.entryId, bookmark])),
      persistent,
      problem,
      recovered,
      backups,
    };
  }

  function setState(
    patch: Partial<Pick<BookmarkState, 'persistent' | 'problem' | 'recovered' | 'backups'>>,
    next: BookmarkList = local,
  ): void {
    local = next;
    state = buildState(
      next.items,
      patch.persistent ?? state.persistent,
      patch.problem === undefined ? state.problem : patch.problem,
      patch.recovered === undefined ? state.recovered : patch.recovered,
      patch.backups ?? state.backups,
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

  function serialize(list: BookmarkList): string {
    const envelope: BookmarksEnvelope = { version: BOOKMARKS_VERSION, items: [...list.items] };
    if (list.removed.length > 0) envelope.removed = [...list.removed];
    return JSON.stringify(envelope);
  }

  function listBackups(storage: KeyValueStorage): StoredBackup[] {
    const keys = new Set([backupPrefix]);
    if (typeof storage.length === 'number' && typeof storage.key === 'function') {
      for (let i = 0; i < storage.length; i += 1) {
        const name = storage.key(i);
        if (name !== null && name.startsWith(`${backupPrefix}:`)) keys.add(name);
      }
    }
    const backups: StoredBackup[] = [];
    for (const name of [...keys].sort()) {
      const raw = storage.getItem(name);
      if (raw !== null)
        backups.push({
          key: name,
          raw,
          setAsideAt: name === backupPrefix ? null : name.slice(backupPrefix.length + 1),
        });
    }
    return backups;
  }

  function reloadBackups(): void {
    const storage = storageOrNull();
    let backups: StoredBackup[] = [];
    try {
      if (storage) backups = listBackups(storage);
    } catch {
      return;
    }
    if (!sameBackups(backups, state.backups)) setState({ backups });
  }

  /** Copies a value to a backup key, never overwriting an earlier different backup; null when it cannot be copied. */
  function copyAside(storage: KeyValueStorage, raw: string): string | null {
    try {
      let backupKey = backupPrefix;
      const existing = storage.getItem(backupKey);
      if (existing !== null && existing !== raw) backupKey = `${backupPrefix}:${now().toISOString()}`;
      storage.setItem(backupKey, raw);
      return backupKey;
    } catch {
      return null;
    }
  }

  /** Takes what storage holds as the new base, carrying this tab's unsaved changes over by a three-way merge. */
  function rebase(theirs: BookmarkList, patch: Partial<Pick<BookmarkState, 'recovered'>> = {}): void {
    const pending = local !== base;
    const previous = base;
    base = theirs;
    if (pending) setState(patch, mergeLists(previous, local, theirs, now()));
    else setState({ ...patch, persistent: true, problem: null }, theirs);
  }

  /** Reads a stored value item by item: keeps what is readable, backs up the original of anything that is not. */
  function absorb(storage: KeyValueStorage, raw: string | null): void {
    lastRaw = raw;
    if (raw === null) {
      rebase(EMPTY_LIST);
      return;
    }
    let read: ReturnType<typeof readEnvelope> | null = null;
    let reason = '';
    try {
      read = readEnvelope(JSON.parse(raw) as unknown, now().toISOString());
    } catch (error) {
      if (error instanceof BookmarksFormatError && error.newerVersion) {
        frozen = true;
        setState({ persistent: false, problem: { kind: 'newer-version', message: error.message } });
        return;
      }
      reason =
        error instanceof SyntaxError ? 'It is not valid JSON.' : error instanceof Error ? error.message : String(error);
    }
    if (read === null) {
      const backupKey = copyAside(storage, raw);
      const recovered: RecoveredValue = { backupKey, raw, reason, report: null };
      if (backupKey === null) {
        // The value could not be copied, so it stays where it is and nothing is written over it this session.
        frozen = true;
        setState({ persistent: false, problem: { kind: 'quota' }, recovered });
        return;
      }
      try {
        storage.removeItem(key);
        lastRaw = null;
      } catch {
        // Left in place; it is safe in the backup and the next write replaces it.
      }
      // Nothing is known of what storage held, so everything this tab holds counts as unsaved and is written next time.
      base = EMPTY_LIST;
      setState({ recovered });
      reloadBackups();
      return;
    }
    const theirs: BookmarkList = { items: read.envelope.items, removed: read.envelope.removed ?? [] };
    const { report } = read;
    if (report.setAside.length + report.repaired.length === 0) {
      rebase(theirs);
      return;
    }
    const backupKey = copyAside(storage, raw);
    const recovered: RecoveredValue = { backupKey, raw, reason: describeReport(report), report };
    if (backupKey === null) {
      frozen = true;
      rebase(theirs, { recovered });
      setState({ persistent: false, problem: { kind: 'quota' } });
      return;
    }
    // The original is safe in the backup, so the repaired list replaces it.
    const repaired = serialize(theirs);
    try {
      storage.setItem(key, repaired);
      lastRaw = repaired;
    } catch {
      // Left in place; the next write replaces it.
    }
    rebase(theirs, { recovered });
    reloadBackups();
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
      setState({ persistent: false, problem: { kind: 'unavailable' } });
      return;
    }
    absorb(storage, raw);
    reloadBackups();
  }

  function refresh(): void {
    if (frozen) return;
    const storage = storageOrNull();
    if (!storage) return;
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      return;
    }
    if (raw !== lastRaw) absorb(storage, raw);
  }

  function persist(next: BookmarkList): void {
    if (frozen) {
      setState({}, next);
      return;
    }
    const storage = storageOrNull();
    if (!storage) {
      setState({ persistent: false, problem: { kind: 'unavailable' } }, next);
      return;
    }
    const raw = serialize(next);
    try {
      storage.setItem(key, raw);
      lastRaw = raw;
      base = next;
      setState({ persistent: true, problem: null }, next);
    } catch (error) {
      setState({ persistent: false, problem: { kind: isQuotaError(error) ? 'quota' : 'unavailable' } }, next);
    }
  }

  /** Read, merge, write: applies a change to what storage holds at this moment, merged with this tab's unsaved changes. */
  function mutate(change: (current: BookmarkList) => BookmarkList | null): void {
    refresh();
    const next = change(local);
    if (next !== null) persist(next);
  }

  function withItems(list: BookmarkList, items: Bookmark[], revived: Iterable<string> = []): BookmarkList {
    const back = new Set(revived);
    return {
      items,
      removed: back.size === 0 ? list.removed : list.removed.filter((tombstone) => !back.has(tombstone.entryId)),
    };
  }

  function withoutItem(list: BookmarkList, entryId: string): BookmarkList {
    const items = list.items.filter((bookmark) => bookmark.entryId !== entryId);
    const removed = [
      ...list.removed.filter((tombstone) => tombstone.entryId !== entryId),
      { entryId, removedAt: now().toISOString() },
    ];
    return { items, removed: pruneTombstones(removed, new Set(items.map((bookmark) => bookmark.entryId)), now()) };
  }

  function added(list: BookmarkList, entryId: string, snapshot: BookmarkSnapshot | null): BookmarkList {
    const at = now().toISOString();
    return withItems(
      list,
      [...list.items, { entryId, addedAt: at, updatedAt: at, note: '', tags: [], snapshot }],
      [entryId],
    );
  }

  function onStorage(event: StorageEvent): void {
    if (event.key === null || event.key === key) refresh();
    if (event.key === null || event.key === backupPrefix || event.key.startsWith(`${backupPrefix}:`)) reloadBackups();
  }

  function deleteBackup(backupKey: string): void {
    if (backupKey !== backupPrefix && !backupKey.startsWith(`${backupPrefix}:`)) return;
    try {
      storageOrNull()?.removeItem(backupKey);
    } catch {
      // Nothing to do: it stays listed.
    }
    reloadBackups();
    if (state.recovered?.backupKey === backupKey) setState({ recovered: null });
  }

  function importEnvelope(envelope: BookmarksEnvelope): ImportSummary {
    let summary: ImportSummary = { added: [], updated: [], unchanged: [] };
    mutate((current) => {
      const merged = mergeBookmarks(current.items, envelope.items);
      summary = merged.summary;
      if (merged.summary.added.length + merged.summary.updated.length === 0) return null;
      return withItems(current, merged.items, [...merged.summary.added, ...merged.summary.updated]);
    });
    return summary;
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
      let nowBookmarked = false;
      mutate((current) => {
        if (current.items.some((bookmark) => bookmark.entryId === entryId)) return withoutItem(current, entryId);
        nowBookmarked = true;
        return added(current, entryId, snapshot);
      });
      return nowBookmarked;
    },
    add(entryId, snapshot) {
      mutate((current) =>
        current.items.some((bookmark) => bookmark.entryId === entryId) ? null : added(current, entryId, snapshot),
      );
    },
    remove(entryId) {
      let removed: Bookmark | undefined;
      mutate((current) => {
        removed = current.items.find((bookmark) => bookmark.entryId === entryId);
        return removed ? withoutItem(current, entryId) : null;
      });
      return removed;
    },
    restore(bookmark) {
      mutate((current) => {
        if (current.items.some((existing) => existing.entryId === bookmark.entryId)) return null;
        const next = [...current.items, bookmark];
        next.sort((a, b) => Date.parse(a.addedAt) - Date.parse(b.addedAt));
        return withItems(current, next, [bookmark.entryId]);
      });
    },
    update(entryId, changes) {
      mutate((current) => {
        if (!current.items.some((bookmark) => bookmark.entryId === entryId)) return null;
        const items = current.items.map((bookmark) =>
          bookmark.entryId !== entryId
            ? bookmark
            : {
                ...bookmark,
                note: changes.note === undefined ? bookmark.note : changes.note.slice(0, NOTE_MAX_LENGTH),
                tags: changes.tags === undefined ? bookmark.tags : normalizeTags(changes.tags),
                updatedAt: now().toISOString(),
              },
        );
        return withItems(current, items);
      });
    },
    fillSnapshots(lookup) {
      if (!local.items.some((bookmark) => bookmark.snapshot === null && lookup(bookmark.entryId))) return;
      mutate((current) =>
        withItems(
          current,
          current.items.map((bookmark) =>
            bookmark.snapshot ? bookmark : { ...bookmark, snapshot: lookup(bookmark.entryId) ?? null },
          ),
        ),
      );
    },
    importEnvelope,
    async restoreBackup(backupKey, chunkOptions) {
      const raw =
        state.backups.find((backup) => backup.key === backupKey)?.raw ?? storageOrNull()?.getItem(backupKey) ?? null;
      if (raw === null) throw new BookmarksFormatError('The recovered data is no longer there.');
      const read = await readBackup(raw, chunkOptions);
      const summary = importEnvelope(read.envelope);
      const cleared = read.report.setAside.length === 0 && read.report.repaired.length === 0 && state.persistent;
      if (cleared) deleteBackup(backupKey);
      return { summary, report: read.report, cleared };
    },
    deleteBackup,
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
