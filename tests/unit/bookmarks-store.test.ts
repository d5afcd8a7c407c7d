import { describe, expect, it, vi } from 'vitest';
import { BOOKMARKS_KEY, createBookmarkStore, type KeyValueStorage } from '@/features/bookmarks/lib/bookmark-store';
import { parseEnvelope, type BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';

const snapshot: BookmarkSnapshot = {
  headline: 'Benchmarking Code Generation',
  issueId: '2024-11-02',
  issueDate: '2024-11-02',
  position: 2,
  publishedOn: '2024-10-31',
  paper: { title: 'Can Language Models Replace Programmers?', url: 'https://arxiv.org/pdf/2410.21647', arxivId: '2410.21647' },
  url: 'https://arxiv.org/pdf/2410.21647',
  organizations: ['Purdue University'],
};

/** An in-memory Storage whose writes can be made to fail. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  let failWith: (() => Error) | null = null;
  const storage: KeyValueStorage = {
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

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const fixedNow = () => new Date('2025-01-15T10:00:00.000Z');

describe('bookmark store', () => {
  it('adds, persists and removes bookmarks in a versioned envelope', () => {
    const { storage, data } = memoryStorage();
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    expect(store.toggle('2024-11-02-benchmarking-code-generation', snapshot)).toBe(true);
    const stored = JSON.parse(data.get(BOOKMARKS_KEY) ?? 'null');
    expect(stored).toEqual({
      version: 2,
      items: [
        {
          entryId: '2024-11-02-benchmarking-code-generation',
          addedAt: '2025-01-15T10:00:00.000Z',
          updatedAt: '2025-01-15T10:00:00.000Z',
          note: '',
          tags: [],
          snapshot,
        },
      ],
    });
    expect(store.getState().ids.has('2024-11-02-benchmarking-code-generation')).toBe(true);
    expect(store.toggle('2024-11-02-benchmarking-code-generation', snapshot)).toBe(false);
    expect(JSON.parse(data.get(BOOKMARKS_KEY) ?? 'null').items).toEqual([]);
  });

  it('keeps the ids set identical while the bookmarked entries do not change', () => {
    const { storage } = memoryStorage();
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    store.add('a-1', snapshot);
    const ids = store.getState().ids;
    store.update('a-1', { note: 'read later', tags: ['llm'] });
    expect(store.getState().ids).toBe(ids);
    expect(store.getState().byId.get('a-1')?.note).toBe('read later');
    store.add('b-2', snapshot);
    expect(store.getState().ids).not.toBe(ids);
  });

  it('normalises tags and restores a removed bookmark exactly for undo', () => {
    const { storage } = memoryStorage();
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    store.add('a-1', snapshot);
    store.update('a-1', { tags: [' LLM ', 'llm', '', 'agents'] });
    expect(store.getState().byId.get('a-1')?.tags).toEqual(['LLM', 'agents']);
    const removed = store.remove('a-1');
    expect(store.getState().bookmarks).toEqual([]);
    store.restore(removed!);
    expect(store.getState().bookmarks).toEqual([removed]);
  });

  it('migrates version 1 (bare ids and objects without tags) to the current version', () => {
    const v1 = { version: 1, items: ['2024-10-06-old-entry', { entryId: '2024-10-13-with-note', addedAt: '2024-10-14T08:00:00.000Z', note: 'MoE' }, '2024-10-06-old-entry'] };
    const { storage, data } = memoryStorage({ [BOOKMARKS_KEY]: JSON.stringify(v1) });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    expect(store.getState().bookmarks).toEqual([
      { entryId: '2024-10-06-old-entry', addedAt: '2025-01-15T10:00:00.000Z', updatedAt: '2025-01-15T10:00:00.000Z', note: '', tags: [], snapshot: null },
      { entryId: '2024-10-13-with-note', addedAt: '2024-10-14T08:00:00.000Z', updatedAt: '2024-10-14T08:00:00.000Z', note: 'MoE', tags: [], snapshot: null },
    ]);
    expect(store.getState().recovered).toBeNull();
    store.fillSnapshots((id) => (id === '2024-10-13-with-note' ? snapshot : undefined));
    const stored = JSON.parse(data.get(BOOKMARKS_KEY) ?? 'null');
    expect(stored.version).toBe(2);
    expect(stored.items[1].snapshot).toEqual(snapshot);
    expect(stored.items[0].snapshot).toBeNull();
  });

  it.each([
    ['invalid JSON', '{"version": 2, "items": [', 'not valid JSON'],
    ['a wrong shape', JSON.stringify({ version: 2, items: [{ entryId: 42 }] }), 'malformed'],
    ['no version', JSON.stringify(['a-1']), 'no version'],
  ])('moves %s to a backup key and keeps working', (_label, raw, reason) => {
    const { storage, data } = memoryStorage({ [BOOKMARKS_KEY]: raw });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    const { recovered, persistent, bookmarks } = store.getState();
    expect(bookmarks).toEqual([]);
    expect(persistent).toBe(true);
    expect(recovered?.backupKey).toBe(`${BOOKMARKS_KEY}:backup`);
    expect(recovered?.raw).toBe(raw);
    expect(recovered?.reason).toContain(reason);
    expect(data.get(`${BOOKMARKS_KEY}:backup`)).toBe(raw);
    store.add('a-1', snapshot);
    expect(JSON.parse(data.get(BOOKMARKS_KEY) ?? 'null').items).toHaveLength(1);
    expect(data.get(`${BOOKMARKS_KEY}:backup`)).toBe(raw);
  });

  it('never overwrites an earlier, different backup', () => {
    const { storage, data } = memoryStorage({ [BOOKMARKS_KEY]: 'garbage-2', [`${BOOKMARKS_KEY}:backup`]: 'garbage-1' });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    expect(store.getState().recovered?.backupKey).toBe(`${BOOKMARKS_KEY}:backup:2025-01-15T10:00:00.000Z`);
    expect(data.get(`${BOOKMARKS_KEY}:backup`)).toBe('garbage-1');
    expect(data.get(`${BOOKMARKS_KEY}:backup:2025-01-15T10:00:00.000Z`)).toBe('garbage-2');
  });

  it('leaves an unreadable value in place and keeps changes in memory when it cannot be backed up', () => {
    const mem = memoryStorage({ [BOOKMARKS_KEY]: 'not json' });
    mem.failWrites(quotaError);
    const store = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: null });
    expect(store.getState().recovered).toMatchObject({ backupKey: null, raw: 'not json' });
    expect(store.getState().persistent).toBe(false);
    mem.failWrites(null);
    store.add('a-1', snapshot);
    expect(store.getState().ids.has('a-1')).toBe(true);
    expect(mem.data.get(BOOKMARKS_KEY)).toBe('not json');
  });

  it('keeps bookmarks in memory when storage is full, and persists again once there is room', () => {
    const mem = memoryStorage();
    const store = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: null });
    mem.failWrites(quotaError);
    store.add('a-1', snapshot);
    expect(store.getState()).toMatchObject({ persistent: false, problem: { kind: 'quota' } });
    expect(store.getState().ids.has('a-1')).toBe(true);
    store.add('b-2', snapshot);
    expect(store.getState().bookmarks.map((b) => b.entryId)).toEqual(['a-1', 'b-2']);
    mem.failWrites(null);
    store.add('c-3', snapshot);
    expect(store.getState()).toMatchObject({ persistent: true, problem: null });
    expect(JSON.parse(mem.data.get(BOOKMARKS_KEY) ?? 'null').items).toHaveLength(3);
  });

  it('works for the session when localStorage is unavailable', () => {
    const store = createBookmarkStore({
      getStorage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      now: fixedNow,
      eventTarget: null,
    });
    expect(store.getState()).toMatchObject({ persistent: false, problem: { kind: 'unavailable' } });
    store.add('a-1', snapshot);
    expect(store.getState().ids.has('a-1')).toBe(true);
  });

  it('does not overwrite bookmarks saved by a newer version of the app', () => {
    const raw = JSON.stringify({ version: 99, items: [{ whatever: true }] });
    const mem = memoryStorage({ [BOOKMARKS_KEY]: raw });
    const store = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: null });
    expect(store.getState().problem?.kind).toBe('newer-version');
    store.add('a-1', snapshot);
    expect(mem.data.get(BOOKMARKS_KEY)).toBe(raw);
    expect(mem.data.has(`${BOOKMARKS_KEY}:backup`)).toBe(false);
  });

  it('follows changes made in another tab through the storage event', () => {
    const mem = memoryStorage();
    const events = new EventTarget();
    const tabA = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: events as unknown as Window });
    const tabB = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: null });
    const listener = vi.fn();
    const unsubscribe = tabA.subscribe(listener);
    tabB.add('a-1', snapshot);
    expect(listener).not.toHaveBeenCalled();
    events.dispatchEvent(Object.assign(new Event('storage'), { key: BOOKMARKS_KEY }));
    expect(listener).toHaveBeenCalled();
    expect(tabA.getState().ids.has('a-1')).toBe(true);
    unsubscribe();
  });

  it('ignores storage events for other keys', () => {
    const mem = memoryStorage();
    const events = new EventTarget();
    const store = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: events as unknown as Window });
    const listener = vi.fn();
    store.subscribe(listener);
    mem.data.set('theme', 'dark');
    events.dispatchEvent(Object.assign(new Event('storage'), { key: 'theme' }));
    expect(listener).not.toHaveBeenCalled();
  });

  it('applies a change on top of what another tab wrote a moment ago', () => {
    const mem = memoryStorage();
    const tabA = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: null });
    const tabB = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: null });
    tabA.subscribe(() => {});
    tabB.subscribe(() => {});
    tabA.add('a-1', snapshot);
    tabB.add('b-2', snapshot);
    expect(JSON.parse(mem.data.get(BOOKMARKS_KEY) ?? 'null').items.map((b: { entryId: string }) => b.entryId)).toEqual(['a-1', 'b-2']);
  });

  it('uses real localStorage by default', () => {
    const store = createBookmarkStore({ now: fixedNow, eventTarget: null });
    store.add('a-1', snapshot);
    expect(parseEnvelope(JSON.parse(localStorage.getItem(BOOKMARKS_KEY) ?? 'null')).items[0]?.entryId).toBe('a-1');
  });
});
