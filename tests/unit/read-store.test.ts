import { describe, expect, it } from 'vitest';
import { mergeReadState, readReadState, READ_STATE_VERSION, type ReadStateEnvelope } from '@/lib/read-state/read-model';
import { createReadStore, READ_STATE_KEY, VISIT_GAP_MS, type ReadKeyValueStorage } from '@/lib/read-state/read-store';

/** An in-memory Storage whose writes can be made to fail. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  let failWith: (() => Error) | null = null;
  const storage: ReadKeyValueStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (failWith) throw failWith();
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
  return {
    storage,
    data,
    failWrites(make: (() => Error) | null) {
      failWith = make;
    },
  };
}

/** A fake window for `storage` events: lets a test play another tab's write. */
function eventHub() {
  const listeners = new Map<string, Set<(event: Event) => void>>();
  return {
    target: {
      addEventListener: (type: string, listener: (event: Event) => void) => {
        if (!listeners.has(type)) listeners.set(type, new Set());
        listeners.get(type)!.add(listener);
      },
      removeEventListener: (type: string, listener: (event: Event) => void) => listeners.get(type)?.delete(listener),
    } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>,
    fire(key: string) {
      for (const listener of listeners.get('storage') ?? []) listener({ key } as StorageEvent);
    },
  };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A clock the test moves forward. */
function clock(start = '2025-01-15T10:00:00.000Z') {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance(ms: number) {
      time += ms;
    },
  };
}

function stored(raw: string | undefined): ReadStateEnvelope {
  return JSON.parse(raw ?? 'null') as ReadStateEnvelope;
}

describe('read store', () => {
  it('marks entries read and unread and keeps them in a versioned envelope', () => {
    const { storage, data } = memoryStorage();
    const time = clock();
    const store = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: null });
    expect(store.toggle('2024-11-02-a')).toBe(true);
    expect(store.getState().ids.has('2024-11-02-a')).toBe(true);
    const envelope = stored(data.get(READ_STATE_KEY));
    expect(envelope.version).toBe(READ_STATE_VERSION);
    expect(envelope.read).toEqual([{ entryId: '2024-11-02-a', at: '2025-01-15T10:00:00.000Z' }]);

    time.advance(1000);
    expect(store.toggle('2024-11-02-a')).toBe(false);
    expect(store.getState().ids.size).toBe(0);
    expect(stored(data.get(READ_STATE_KEY)).unread).toEqual([
      { entryId: '2024-11-02-a', at: '2025-01-15T10:00:01.000Z' },
    ]);

    // A new store (a reload) reads it back.
    const again = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: null });
    expect(again.getState().ids.size).toBe(0);
    again.setRead('2024-11-02-b', true);
    expect(createReadStore({ getStorage: () => storage, eventTarget: null }).getState().ids).toEqual(
      new Set(['2024-11-02-b']),
    );
  });

  it('sets aside unreadable storage under a backup key and starts afresh', () => {
    const { storage, data } = memoryStorage({ [READ_STATE_KEY]: '{not json' });
    const store = createReadStore({ getStorage: () => storage, eventTarget: null });
    const { recovered, ids } = store.getState();
    expect(ids.size).toBe(0);
    expect(recovered).toMatchObject({
      backupKey: `${READ_STATE_KEY}:backup`,
      raw: '{not json',
      reason: 'It is not valid JSON.',
    });
    expect(data.get(`${READ_STATE_KEY}:backup`)).toBe('{not json');
    store.setRead('2024-11-02-a', true);
    expect(stored(data.get(READ_STATE_KEY)).read.map((mark) => mark.entryId)).toEqual(['2024-11-02-a']);
    // The backup is never overwritten.
    expect(data.get(`${READ_STATE_KEY}:backup`)).toBe('{not json');
  });

  it('keeps the readable marks of a partly broken value and backs up the original', () => {
    const raw = JSON.stringify({
      version: 1,
      read: [
        { entryId: '2024-11-02-a', at: '2025-01-01T00:00:00.000Z' },
        { entryId: 'Not An Id', at: '2025-01-01T00:00:00.000Z' },
        { entryId: '2024-11-02-b', at: 'yesterday' },
      ],
      unread: [],
      visit: { at: '2025-01-01T00:00:00.000Z', latestIssueId: '2024-11-02' },
      previousVisit: null,
    });
    const { storage, data } = memoryStorage({ [READ_STATE_KEY]: raw });
    const store = createReadStore({ getStorage: () => storage, eventTarget: null });
    expect([...store.getState().ids]).toEqual(['2024-11-02-a']);
    expect(store.getState().recovered?.reason).toBe('2 read marks could not be read and were set aside');
    expect(data.get(`${READ_STATE_KEY}:backup`)).toBe(raw);
    expect(stored(data.get(READ_STATE_KEY)).read).toHaveLength(1);
  });

  it('leaves a value from a newer version untouched and keeps changes in memory', () => {
    const raw = JSON.stringify({ version: READ_STATE_VERSION + 1, read: [] });
    const { storage, data } = memoryStorage({ [READ_STATE_KEY]: raw });
    const store = createReadStore({ getStorage: () => storage, eventTarget: null });
    expect(store.getState().problem?.kind).toBe('newer-version');
    store.setRead('2024-11-02-a', true);
    expect(store.getState().ids.has('2024-11-02-a')).toBe(true);
    expect(data.get(READ_STATE_KEY)).toBe(raw);
  });

  it('says when storage is full and keeps the marks for the session', () => {
    const memory = memoryStorage();
    const store = createReadStore({ getStorage: () => memory.storage, eventTarget: null });
    memory.failWrites(quotaError);
    store.setRead('2024-11-02-a', true);
    expect(store.getState()).toMatchObject({ persistent: false, problem: { kind: 'quota' } });
    expect(store.getState().ids.has('2024-11-02-a')).toBe(true);
    memory.failWrites(null);
    store.setRead('2024-11-02-b', true);
    expect(store.getState()).toMatchObject({ persistent: true, problem: null });
    expect(
      stored(memory.data.get(READ_STATE_KEY))
        .read.map((mark) => mark.entryId)
        .sort(),
    ).toEqual(['2024-11-02-a', '2024-11-02-b']);
  });

  it('works without storage at all', () => {
    const store = createReadStore({
      getStorage: () => {
        throw new Error('SecurityError');
      },
      eventTarget: null,
    });
    expect(store.getState().problem?.kind).toBe('unavailable');
    expect(store.toggle('2024-11-02-a')).toBe(true);
  });

  it('merges another tab’s marks on the storage event, the later mark of an entry winning', () => {
    const { storage } = memoryStorage();
    const hub = eventHub();
    const time = clock();
    const mine = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: hub.target });
    const theirs = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: null });
    let heard = 0;
    mine.subscribe(() => (heard += 1));
    mine.setRead('2024-11-02-a', true);
    time.advance(1000);
    theirs.setRead('2024-11-02-b', true);
    theirs.setRead('2024-11-02-a', false);
    hub.fire(READ_STATE_KEY);
    expect([...mine.getState().ids]).toEqual(['2024-11-02-b']);
    expect(heard).toBeGreaterThan(1);
  });

  it('does not lose this tab’s unsaved marks when another tab writes', () => {
    const memory = memoryStorage();
    const hub = eventHub();
    const mine = createReadStore({ getStorage: () => memory.storage, eventTarget: hub.target });
    const theirs = createReadStore({ getStorage: () => memory.storage, eventTarget: null });
    mine.subscribe(() => {});
    memory.failWrites(quotaError);
    mine.setRead('2024-11-02-a', true);
    memory.failWrites(null);
    theirs.setRead('2024-11-02-b', true);
    hub.fire(READ_STATE_KEY);
    expect([...mine.getState().ids].sort()).toEqual(['2024-11-02-a', '2024-11-02-b']);
  });

  it('tells a new visit from a reload by the time since the last activity', () => {
    const { storage } = memoryStorage();
    const time = clock();
    const first = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: null });
    expect(first.getState().previousVisit).toBeNull();
    first.recordVisit('2024-11-02');

    // A reload ten minutes later is the same visit: still nothing to compare with.
    time.advance(10 * 60 * 1000);
    const reload = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: null });
    expect(reload.getState().previousVisit).toBeNull();
    reload.recordVisit('2024-11-02');

    // After the gap, the last visit becomes the previous one, and stays so for the whole visit.
    time.advance(VISIT_GAP_MS + 1);
    const next = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: null });
    expect(next.getState().previousVisit?.latestIssueId).toBe('2024-11-02');
    next.recordVisit('2024-11-09');
    time.advance(60 * 1000);
    const nextReload = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: null });
    expect(nextReload.getState().previousVisit?.latestIssueId).toBe('2024-11-02');
  });

  it('imports a backup’s marks without undoing later ones', () => {
    const { storage } = memoryStorage();
    const time = clock();
    const store = createReadStore({ getStorage: () => storage, now: time.now, eventTarget: null });
    store.setRead('2024-11-02-a', true);
    time.advance(1000);
    store.setRead('2024-11-02-a', false);
    const added = store.importEnvelope({
      version: READ_STATE_VERSION,
      read: [
        { entryId: '2024-11-02-a', at: '2025-01-01T00:00:00.000Z' },
        { entryId: '2024-11-02-b', at: '2025-01-01T00:00:00.000Z' },
      ],
      unread: [],
      visit: null,
      previousVisit: null,
    });
    expect(added).toBe(1);
    expect([...store.getState().ids]).toEqual(['2024-11-02-b']);
  });
});

describe('read model', () => {
  it('refuses what is not read state, and names a newer version', () => {
    expect(() => readReadState([])).toThrow('no version');
    expect(() => readReadState({ version: 'x' })).toThrow('unknown version');
    expect(() => readReadState({ version: 99 })).toThrow('newer version');
  });

  it('merges in any order to the same result', () => {
    const a: ReadStateEnvelope = {
      version: 1,
      read: [{ entryId: 'x-1', at: '2025-01-01T00:00:00.000Z' }],
      unread: [{ entryId: 'x-2', at: '2025-01-03T00:00:00.000Z' }],
      visit: { at: '2025-01-02T00:00:00.000Z', latestIssueId: 'x' },
      previousVisit: null,
    };
    const b: ReadStateEnvelope = {
      version: 1,
      read: [{ entryId: 'x-2', at: '2025-01-02T00:00:00.000Z' }],
      unread: [{ entryId: 'x-1', at: '2025-01-02T00:00:00.000Z' }],
      visit: { at: '2025-01-03T00:00:00.000Z', latestIssueId: 'y' },
      previousVisit: null,
    };
    const now = new Date('2025-01-04T00:00:00.000Z');
    const ab = mergeReadState(a, b, now);
    expect(ab).toEqual(mergeReadState(b, a, now));
    expect(ab.read).toEqual([]);
    expect(ab.unread.map((mark) => mark.entryId).sort()).toEqual(['x-1', 'x-2']);
    expect(ab.visit?.latestIssueId).toBe('y');
  });
});

describe('read store and cleared storage', () => {
  it('follows storage cleared elsewhere, but keeps marks it could not save', () => {
    const memory = memoryStorage();
    const store = createReadStore({ getStorage: () => memory.storage, eventTarget: null });
    store.setRead('2024-11-02-a', true);
    memory.data.delete(READ_STATE_KEY);
    expect(store.getState().ids.size).toBe(0);

    store.setRead('2024-11-02-a', true);
    memory.failWrites(quotaError);
    store.setRead('2024-11-02-b', true);
    memory.failWrites(null);
    memory.data.delete(READ_STATE_KEY);
    expect([...store.getState().ids].sort()).toEqual(['2024-11-02-a', '2024-11-02-b']);
  });
});
