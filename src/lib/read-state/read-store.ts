import {
  describeReadReport,
  EMPTY_READ_STATE,
  mergeReadState,
  readReadState,
  ReadStateFormatError,
  sameReadState,
  type ReadStateEnvelope,
  type Visit,
} from '@/lib/read-state/read-model';

/** The localStorage key of the read-state envelope. */
export const READ_STATE_KEY = 'frontier-reader:read';

/** A visit ends after this long without activity; a reload within it continues the same visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** Why read state is kept only in memory this session. */
export type ReadStorageProblem =
  { kind: 'unavailable' } | { kind: 'quota' } | { kind: 'newer-version'; message: string };

/** A stored value that could not be read as it was, set aside under a backup key rather than overwritten. */
export interface RecoveredReadState {
  /** Null when it could not be copied and stays untouched under the main key. */
  backupKey: string | null;
  raw: string;
  reason: string;
}

/** Everything the UI needs, as one immutable snapshot. */
export interface ReadState {
  /** When each read entry was read (ISO). */
  readAt: ReadonlyMap<string, string>;
  /** Same identity while the read entries do not change. */
  ids: ReadonlySet<string>;
  /** The visit before this one, fixed for the whole visit: what "new since your last visit" compares with. */
  previousVisit: Visit | null;
  /** The envelope as this tab holds it, for backups. */
  envelope: ReadStateEnvelope;
  persistent: boolean;
  problem: ReadStorageProblem | null;
  recovered: RecoveredReadState | null;
}

/** The storage methods the store uses; localStorage in the app, a fake in tests. */
export type ReadKeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ReadStoreOptions {
  /** Returns the storage; may throw (private mode, blocked cookies). */
  getStorage?: () => ReadKeyValueStorage;
  key?: string;
  now?: () => Date;
  /** Where to listen for `storage` events from other tabs and for the page being hidden; null to not listen. */
  eventTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/** Read marks and visits kept in localStorage and shared by every component and every tab. */
export interface ReadStore {
  subscribe(listener: () => void): () => void;
  getState(): ReadState;
  /** Marks an entry read or unread; returns true when it is now read. */
  setRead(entryId: string, read: boolean): boolean;
  /** Toggles an entry; returns true when it is now read. */
  toggle(entryId: string): boolean;
  /** Notes that the reader is here now and the archive's newest issue is `latestIssueId`. */
  recordVisit(latestIssueId: string | null): void;
  /** Merges read state from a backup; returns how many entries it newly marked read. */
  importEnvelope(envelope: ReadStateEnvelope): number;
  dismissRecovered(): void;
  /** Re-reads storage, as when another tab changed it, merging this tab's unsaved changes in. */
  refresh(): void;
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException) && !(error instanceof Error)) return false;
  const code = (error as DOMException).code;
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** Creates a store; the app uses the shared {@link getReadStore}. */
export function createReadStore(options: ReadStoreOptions = {}): ReadStore {
  const key = options.key ?? READ_STATE_KEY;
  const backupPrefix = `${key}:backup`;
  const now = options.now ?? (() => new Date());
  const getStorage = options.getStorage ?? (() => window.localStorage);
  const eventTarget =
    options.eventTarget === undefined ? (typeof window === 'undefined' ? null : window) : options.eventTarget;
  const listeners = new Set<() => void>();
  let data: ReadStateEnvelope = EMPTY_READ_STATE;
  let lastRaw: string | null | undefined;
  /** Set when writing would destroy something: a newer format, or a value that could not be backed up. */
  let frozen = false;
  /** Set while this tab holds marks storage does not have (a write failed). */
  let unsaved = false;
  /** The visit before this one, decided when the store loads. */
  let sessionPrevious: Visit | null = null;
  let state: ReadState = build(data, true, null, null, null);

  function build(
    next: ReadStateEnvelope,
    persistent: boolean,
    problem: ReadStorageProblem | null,
    recovered: RecoveredReadState | null,
    previous: ReadState | null,
  ): ReadState {
    const ids = new Set(next.read.map((mark) => mark.entryId));
    const sameIds = previous !== null && previous.ids.size === ids.size && [...ids].every((id) => previous.ids.has(id));
    return {
      readAt: new Map(next.read.map((mark) => [mark.entryId, mark.at])),
      ids: sameIds ? previous.ids : ids,
      previousVisit: sessionPrevious,
      envelope: next,
      persistent,
      problem,
      recovered,
    };
  }

  function setState(patch: Partial<Pick<ReadState, 'persistent' | 'problem' | 'recovered'>>): void {
    state = build(
      data,
      patch.persistent ?? state.persistent,
      patch.problem === undefined ? state.problem : patch.problem,
      patch.recovered === undefined ? state.recovered : patch.recovered,
      state,
    );
    for (const listener of [...listeners]) listener();
  }

  function storageOrNull(): ReadKeyValueStorage | null {
    try {
      return getStorage();
    } catch {
      return null;
    }
  }

  /** Copies a value aside, never over an earlier different backup; null when it cannot be copied. */
  function copyAside(storage: ReadKeyValueStorage, raw: string): string | null {
    try {
      const existing = storage.getItem(backupPrefix);
      const backupKey = existing !== null && existing !== raw ? `${backupPrefix}:${now().toISOString()}` : backupPrefix;
      storage.setItem(backupKey, raw);
      return backupKey;
    } catch {
      return null;
    }
  }

  /** Reads a stored value item by item, merging it into what this tab holds; backs up the original of anything unreadable. */
  function absorb(storage: ReadKeyValueStorage, raw: string | null): void {
    lastRaw = raw;
    if (raw === null) {
      // Cleared elsewhere (another tab, the browser's "clear site data"): follow it, unless this tab has unsaved marks.
      if (!unsaved) data = { ...EMPTY_READ_STATE, visit: data.visit, previousVisit: data.previousVisit };
      return;
    }
    let read: ReturnType<typeof readReadState> | null = null;
    let reason = '';
    try {
      read = readReadState(JSON.parse(raw) as unknown, now());
    } catch (error) {
      if (error instanceof ReadStateFormatError && error.newerVersion) {
        frozen = true;
        setState({ persistent: false, problem: { kind: 'newer-version', message: error.message } });
        return;
      }
      reason =
        error instanceof SyntaxError ? 'It is not valid JSON.' : error instanceof Error ? error.message : String(error);
    }
    if (read && read.report.setAside.length === 0) {
      data = mergeReadState(data, read.envelope, now());
      return;
    }
    const backupKey = copyAside(storage, raw);
    const recovered = { backupKey, raw, reason: read ? describeReadReport(read.report) : reason };
    if (read) data = mergeReadState(data, read.envelope, now());
    if (backupKey === null) {
      // Nothing is written over a value that could not be copied.
      frozen = true;
      setState({ persistent: false, problem: { kind: 'quota' }, recovered });
      return;
    }
    setState({ recovered });
    // The original is safe in the backup, so what could be read replaces it.
    write(storage);
  }

  function write(storage: ReadKeyValueStorage | null): void {
    if (frozen) {
      setState({});
      return;
    }
    if (!storage) {
      setState({ persistent: false, problem: { kind: 'unavailable' } });
      return;
    }
    const raw = JSON.stringify(data);
    try {
      storage.setItem(key, raw);
      lastRaw = raw;
      unsaved = false;
      setState({ persistent: true, problem: null });
    } catch (error) {
      unsaved = true;
      setState({ persistent: false, problem: { kind: isQuotaError(error) ? 'quota' : 'unavailable' } });
    }
  }

  function refresh(): void {
    if (frozen) return;
    const storage = storageOrNull();
    let raw: string | null;
    try {
      if (!storage) return;
      raw = storage.getItem(key);
    } catch {
      return;
    }
    if (raw === lastRaw) return;
    const before = data;
    absorb(storage, raw);
    if (!sameReadState(before, data)) setState({});
  }

  /** Read, merge, write: applies a change to what storage holds now, merged with this tab's unsaved changes. */
  function mutate(change: (current: ReadStateEnvelope) => ReadStateEnvelope | null): void {
    refresh();
    const next = change(data);
    if (next === null) return;
    data = next;
    write(storageOrNull());
  }

  function mark(entryId: string, read: boolean): ReadStateEnvelope {
    const at = now().toISOString();
    return mergeReadState(data, { ...EMPTY_READ_STATE, [read ? 'read' : 'unread']: [{ entryId, at }] }, now());
  }

  function touchVisit(): void {
    const visit = data.visit;
    if (visit) mutate((current) => ({ ...current, visit: { ...visit, at: now().toISOString() } }));
  }

  function onStorage(event: StorageEvent): void {
    if (event.key === null || event.key === key) refresh();
  }

  function onHide(): void {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden') touchVisit();
  }

  // Load: a visit is new when the app starts more than VISIT_GAP_MS after the last one's last activity.
  const storage = storageOrNull();
  try {
    if (!storage) throw new Error('no storage');
    absorb(storage, storage.getItem(key));
  } catch {
    lastRaw = null;
    frozen = true;
    state = build(data, false, { kind: 'unavailable' }, null, null);
  }
  const last = data.visit;
  if (!last || now().getTime() - Date.parse(last.at) > VISIT_GAP_MS) data = { ...data, previousVisit: last };
  sessionPrevious = data.previousVisit;
  state = build(data, state.persistent, state.problem, state.recovered, state);

  return {
    subscribe(listener) {
      if (listeners.size === 0) {
        refresh();
        eventTarget?.addEventListener('storage', onStorage);
        eventTarget?.addEventListener('visibilitychange', onHide);
        eventTarget?.addEventListener('pagehide', onHide);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        eventTarget?.removeEventListener('storage', onStorage);
        eventTarget?.removeEventListener('visibilitychange', onHide);
        eventTarget?.removeEventListener('pagehide', onHide);
      };
    },
    getState() {
      // Without subscribers nothing hears the storage event, so read storage again before answering.
      if (listeners.size === 0) refresh();
      return state;
    },
    setRead(entryId, read) {
      mutate(() => (state.ids.has(entryId) === read ? null : mark(entryId, read)));
      return state.ids.has(entryId);
    },
    toggle(entryId) {
      refresh();
      return this.setRead(entryId, !state.ids.has(entryId));
    },
    recordVisit(latestIssueId) {
      const visit = data.visit;
      // Writes only when something a later visit compares with changes, or a minute has passed.
      const fresh = visit && now().getTime() - Date.parse(visit.at) < 60_000;
      if (
        visit?.latestIssueId === latestIssueId &&
        fresh &&
        JSON.stringify(data.previousVisit) === JSON.stringify(sessionPrevious)
      )
        return;
      mutate((current) => ({
        ...current,
        visit: { at: now().toISOString(), latestIssueId },
        previousVisit: sessionPrevious,
      }));
    },
    importEnvelope(envelope) {
      const before = state.ids;
      mutate((current) => {
        const merged = mergeReadState(current, envelope, now());
        return sameReadState(merged, current) ? null : merged;
      });
      return [...state.ids].filter((id) => !before.has(id)).length;
    },
    dismissRecovered() {
      if (state.recovered) setState({ recovered: null });
    },
    refresh,
  };
}

let shared: ReadStore | null = null;

/** The shared store over localStorage, created on first use. */
export function getReadStore(): ReadStore {
  shared ??= createReadStore();
  return shared;
}

/** Forgets the shared store so the next use reads storage afresh; for tests that seed localStorage. */
export function resetReadStore(): void {
  shared = null;
}
