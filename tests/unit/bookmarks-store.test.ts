import { describe, expect, it, vi } from 'vitest';
import { BOOKMARKS_KEY, createBookmarkStore, type KeyValueStorage } from '@/features/bookmarks/lib/bookmark-store';
import {
  parseEnvelope,
  type Bookmark,
  type BookmarksEnvelope,
  type BookmarkSnapshot,
} from '@/features/bookmarks/lib/bookmark-model';

const snapshot: BookmarkSnapshot = {
  headline: 'Benchmarking Code Generation',
  issueId: '2024-11-02',
  issueDate: '2024-11-02',
  position: 2,
  publishedOn: '2024-10-31',
  paper: {
    title: 'Can Language Models Replace Programmers?',
    url: 'https://arxiv.org/pdf/2410.21647',
    arxivId: '2410.21647',
  },
  url: 'https://arxiv.org/pdf/2410.21647',
  organizations: ['Purdue University'],
};

/** An in-memory Storage whose writes can be made to fail. */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  let failWith: (() => Error) | null = null;
  const storage: KeyValueStorage = {
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
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

/** The stored envelope under `key`, typed for assertions. */
function storedEnvelope(value: string | null | undefined): BookmarksEnvelope {
  return JSON.parse(value ?? '{"version":2,"items":[]}') as BookmarksEnvelope;
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const fixedNow = () => new Date('2025-01-15T10:00:00.000Z');

describe('bookmark store', () => {
  it('adds, persists and removes bookmarks in a versioned envelope', () => {
    const { storage, data } = memoryStorage();
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    expect(store.toggle('2024-11-02-benchmarking-code-generation', snapshot)).toBe(true);
    const stored = storedEnvelope(data.get(BOOKMARKS_KEY));
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
    expect(storedEnvelope(data.get(BOOKMARKS_KEY)).items).toEqual([]);
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
    const v1 = {
      version: 1,
      items: [
        '2024-10-06-old-entry',
        { entryId: '2024-10-13-with-note', addedAt: '2024-10-14T08:00:00.000Z', note: 'MoE' },
        '2024-10-06-old-entry',
      ],
    };
    const { storage, data } = memoryStorage({ [BOOKMARKS_KEY]: JSON.stringify(v1) });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    expect(store.getState().bookmarks).toEqual([
      {
        entryId: '2024-10-06-old-entry',
        addedAt: '2025-01-15T10:00:00.000Z',
        updatedAt: '2025-01-15T10:00:00.000Z',
        note: '',
        tags: [],
        snapshot: null,
      },
      {
        entryId: '2024-10-13-with-note',
        addedAt: '2024-10-14T08:00:00.000Z',
        updatedAt: '2024-10-14T08:00:00.000Z',
        note: 'MoE',
        tags: [],
        snapshot: null,
      },
    ]);
    expect(store.getState().recovered).toBeNull();
    store.fillSnapshots((id) => (id === '2024-10-13-with-note' ? snapshot : undefined));
    const stored = storedEnvelope(data.get(BOOKMARKS_KEY));
    expect(stored.version).toBe(2);
    expect(stored.items[1]?.snapshot).toEqual(snapshot);
    expect(stored.items[0]?.snapshot).toBeNull();
  });

  it.each([
    ['invalid JSON', '{"version": 2, "items": [', 'not valid JSON'],
    ['a wrong envelope', JSON.stringify({ version: 2, items: { entryId: 42 } }), 'malformed'],
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
    expect(storedEnvelope(data.get(BOOKMARKS_KEY)).items).toHaveLength(1);
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
    expect(storedEnvelope(mem.data.get(BOOKMARKS_KEY)).items).toHaveLength(3);
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
    const tabA = createBookmarkStore({
      getStorage: () => mem.storage,
      now: fixedNow,
      eventTarget: events as unknown as Window,
    });
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
    const store = createBookmarkStore({
      getStorage: () => mem.storage,
      now: fixedNow,
      eventTarget: events as unknown as Window,
    });
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
    expect(storedEnvelope(mem.data.get(BOOKMARKS_KEY)).items.map((b) => b.entryId)).toEqual(['a-1', 'b-2']);
  });

  it('uses real localStorage by default', () => {
    const store = createBookmarkStore({ now: fixedNow, eventTarget: null });
    store.add('a-1', snapshot);
    expect(parseEnvelope(storedEnvelope(localStorage.getItem(BOOKMARKS_KEY))).items[0]?.entryId).toBe('a-1');
  });
});

/** A tab's view of shared storage, whose own writes can be made to fail as when its quota is reached. */
function tabStorage(shared: KeyValueStorage) {
  let full = false;
  const storage: KeyValueStorage = {
    getItem: (key) => shared.getItem(key),
    setItem: (key, value) => {
      if (full) throw quotaError();
      shared.setItem(key, value);
    },
    removeItem: (key) => shared.removeItem(key),
  };
  return {
    storage,
    setFull: (value: boolean) => {
      full = value;
    },
  };
}

/** A clock that moves forward one minute each time it is read, so every change has its own time. */
function tickingClock(start = '2025-01-15T10:00:00.000Z') {
  let at = Date.parse(start);
  return () => {
    at += 60_000;
    return new Date(at);
  };
}

function storedItems(data: Map<string, string>): Bookmark[] {
  return (JSON.parse(data.get(BOOKMARKS_KEY) ?? '{"items":[]}') as { items: Bookmark[] }).items;
}

function storedIdsOf(data: Map<string, string>): string[] {
  return storedItems(data).map((bookmark) => bookmark.entryId);
}

/** Two tabs on one storage; tab A's writes can fail. */
function twoTabs() {
  const mem = memoryStorage();
  const clock = tickingClock();
  const a = tabStorage(mem.storage);
  const tabA = createBookmarkStore({ getStorage: () => a.storage, now: clock, eventTarget: null });
  const tabB = createBookmarkStore({ getStorage: () => mem.storage, now: clock, eventTarget: null });
  return { mem, tabA, tabB, setAFull: (full: boolean) => a.setFull(full) };
}

describe('two tabs, one of them unable to save for a while', () => {
  it('keeps what the other tab added while this one could not save (read, merge, write)', () => {
    const { mem, tabA, tabB, setAFull } = twoTabs();
    setAFull(true);
    tabA.add('x-1', snapshot);
    expect(tabA.getState()).toMatchObject({ persistent: false, problem: { kind: 'quota' } });
    tabB.add('y-2', snapshot);
    expect(storedIdsOf(mem.data)).toEqual(['y-2']);
    setAFull(false);
    tabA.add('z-3', snapshot);
    expect(storedIdsOf(mem.data).sort()).toEqual(['x-1', 'y-2', 'z-3']);
    expect(tabA.getState()).toMatchObject({ persistent: true, problem: null });
    expect(
      tabB
        .getState()
        .bookmarks.map((b) => b.entryId)
        .sort(),
    ).toEqual(['x-1', 'y-2', 'z-3']);
  });

  it('shows the other tab’s changes while it cannot save, keeping its own unsaved ones', () => {
    const { tabA, tabB, setAFull } = twoTabs();
    setAFull(true);
    tabA.add('x-1', snapshot);
    tabB.add('y-2', snapshot);
    tabA.refresh();
    expect(
      tabA
        .getState()
        .bookmarks.map((b) => b.entryId)
        .sort(),
    ).toEqual(['x-1', 'y-2']);
    expect(tabA.getState().persistent).toBe(false);
  });

  it('does not bring back a bookmark the other tab removed', () => {
    const { mem, tabA, tabB, setAFull } = twoTabs();
    tabB.add('y-2', snapshot);
    tabA.refresh();
    setAFull(true);
    tabA.add('x-1', snapshot);
    expect(tabA.getState().ids.has('y-2')).toBe(true);
    tabB.remove('y-2');
    setAFull(false);
    tabA.add('z-3', snapshot);
    expect(storedIdsOf(mem.data).sort()).toEqual(['x-1', 'z-3']);
    expect(tabA.getState().ids.has('y-2')).toBe(false);
  });

  it('does not bring back a bookmark this tab removed while it could not save', () => {
    const { mem, tabA, tabB, setAFull } = twoTabs();
    tabB.add('y-2', snapshot);
    tabB.add('w-4', snapshot);
    setAFull(true);
    tabA.remove('y-2');
    tabB.update('w-4', { note: 'from B' });
    setAFull(false);
    tabA.add('z-3', snapshot);
    expect(storedIdsOf(mem.data).sort()).toEqual(['w-4', 'z-3']);
    expect(storedItems(mem.data).find((b) => b.entryId === 'w-4')?.note).toBe('from B');
  });

  it('keeps the later of two note edits to the same bookmark', () => {
    const { mem, tabA, tabB, setAFull } = twoTabs();
    tabB.add('y-2', snapshot);
    tabB.add('v-5', snapshot);
    tabA.refresh();
    setAFull(true);
    tabA.update('y-2', { note: 'A, earlier', tags: ['a'] });
    tabB.update('y-2', { note: 'B, later', tags: ['b'] });
    tabB.update('v-5', { note: 'B, earlier' });
    tabA.update('v-5', { note: 'A, later' });
    setAFull(false);
    tabA.add('z-3', snapshot);
    const byId = new Map(storedItems(mem.data).map((b) => [b.entryId, b]));
    expect(byId.get('y-2')).toMatchObject({ note: 'B, later', tags: ['b'] });
    expect(byId.get('v-5')).toMatchObject({ note: 'A, later' });
  });

  it('lets a removal in the other tab win over an earlier edit this tab could not save', () => {
    const { mem, tabA, tabB, setAFull } = twoTabs();
    tabB.add('y-2', snapshot);
    tabA.refresh();
    setAFull(true);
    tabA.update('y-2', { note: 'edited before the removal' });
    tabB.remove('y-2');
    tabA.refresh();
    expect(tabA.getState().ids.has('y-2')).toBe(false);
    setAFull(false);
    tabA.add('z-3', snapshot);
    expect(storedIdsOf(mem.data)).toEqual(['z-3']);
  });

  it('records removals, and lets a removed bookmark be added again or put back by undo', () => {
    const { mem, tabA, tabB } = twoTabs();
    tabA.add('x-1', snapshot);
    tabB.remove('x-1');
    expect(storedEnvelope(mem.data.get(BOOKMARKS_KEY)).removed?.map((tombstone) => tombstone.entryId)).toEqual(['x-1']);
    tabA.add('x-1', snapshot);
    expect(storedIdsOf(mem.data)).toEqual(['x-1']);
    expect(storedEnvelope(mem.data.get(BOOKMARKS_KEY)).removed).toBeUndefined();

    // Undo puts the bookmark back as it was, even though its removal was recorded and seen by the other tab.
    tabA.update('x-1', { note: 'keep me' });
    const removed = tabA.remove('x-1')!;
    tabB.add('y-2', snapshot);
    tabA.restore(removed);
    expect(storedItems(mem.data).find((b) => b.entryId === 'x-1')).toEqual(removed);
    tabB.add('z-3', snapshot);
    expect(storedIdsOf(mem.data).sort()).toEqual(['x-1', 'y-2', 'z-3']);
    expect(storedEnvelope(mem.data.get(BOOKMARKS_KEY)).removed).toBeUndefined();
  });
});

describe('a stored list with some unreadable items', () => {
  const good = {
    entryId: 'good-1',
    addedAt: '2025-01-10T10:00:00.000Z',
    updatedAt: '2025-01-10T10:00:00.000Z',
    note: 'fine',
    tags: ['ok'],
    snapshot,
  };
  const longNote = 'n'.repeat(2001);
  const longTag = 't'.repeat(41);
  const list = {
    version: 2,
    items: [
      good,
      { ...good, entryId: 'long-note', note: longNote },
      { ...good, entryId: 'long-tag', tags: ['short', longTag] },
      { ...good, entryId: 'Upper-Case-ID' },
      { ...good, entryId: 'not an id!' },
    ],
  };
  const raw = JSON.stringify(list);

  it('keeps every readable bookmark, repairs what it can and backs up the original', () => {
    const { storage, data } = memoryStorage({ [BOOKMARKS_KEY]: raw });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    const { bookmarks, recovered, persistent, backups } = store.getState();
    expect(bookmarks.map((b) => b.entryId)).toEqual(['good-1', 'long-note', 'long-tag', 'upper-case-id']);
    expect(bookmarks[1]?.note).toBe('n'.repeat(2000));
    expect(bookmarks[2]?.tags).toEqual(['short', 't'.repeat(40)]);
    expect(bookmarks[0]).toEqual(good);
    expect(persistent).toBe(true);
    expect(recovered?.reason).toBe('1 bookmark could not be read and was set aside; 3 bookmarks were repaired');
    expect(recovered?.report?.setAside).toEqual([
      { index: 4, entryId: null, reason: 'entryId: "not an id!" is not an entry id' },
    ]);
    expect(data.get(`${BOOKMARKS_KEY}:backup`)).toBe(raw);
    expect(storedEnvelope(data.get(`${BOOKMARKS_KEY}:backup`)).items[1]?.note).toBe(longNote);
    expect(storedIdsOf(data)).toEqual(['good-1', 'long-note', 'long-tag', 'upper-case-id']);
    expect(backups).toEqual([{ key: `${BOOKMARKS_KEY}:backup`, raw, setAsideAt: null }]);
  });

  it.each([
    ['a 2,001-character note', { note: longNote }, 'note: 2001 characters'],
    ['a 41-character tag', { tags: [longTag] }, 'longer than 40 characters'],
    ['an uppercase id', { entryId: 'GOOD-2' }, 'lower-cased'],
  ])('one item with %s does not hide the others', (_label, change, reason) => {
    const { storage } = memoryStorage({
      [BOOKMARKS_KEY]: JSON.stringify({ version: 2, items: [good, { ...good, entryId: 'good-2', ...change }] }),
    });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    expect(store.getState().bookmarks).toHaveLength(2);
    expect(store.getState().recovered?.reason).toBe('1 bookmark was repaired');
    expect(store.getState().recovered?.report?.repaired[0]?.reason).toContain(reason);
  });

  it('keeps the backup reachable after a reload, without the notice', () => {
    const { storage } = memoryStorage({ [BOOKMARKS_KEY]: raw });
    createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    const reloaded = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    expect(reloaded.getState().recovered).toBeNull();
    expect(reloaded.getState().bookmarks).toHaveLength(4);
    expect(reloaded.getState().backups.map((b) => b.raw)).toEqual([raw]);
  });

  it('restores a backup the old app made of a whole list, and deletes it once all of it is back', async () => {
    const legacy = JSON.stringify({ version: 2, items: [good, { ...good, entryId: 'other-2' }] });
    const { storage, data } = memoryStorage({ [`${BOOKMARKS_KEY}:backup`]: legacy });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    store.add('new-3', snapshot);
    expect(store.getState().backups).toHaveLength(1);
    const result = await store.restoreBackup(`${BOOKMARKS_KEY}:backup`);
    expect(result.summary.added).toEqual(['good-1', 'other-2']);
    expect(result.cleared).toBe(true);
    expect(storedIdsOf(data)).toEqual(['new-3', 'good-1', 'other-2']);
    expect(data.has(`${BOOKMARKS_KEY}:backup`)).toBe(false);
    expect(store.getState().backups).toEqual([]);
  });

  it('keeps a backup that could not be restored in full until the reader deletes it', async () => {
    const { storage, data } = memoryStorage({ [BOOKMARKS_KEY]: raw });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    store.remove('good-1');
    const result = await store.restoreBackup(`${BOOKMARKS_KEY}:backup`);
    expect(result).toMatchObject({ cleared: false, summary: { added: ['good-1'] } });
    expect(result.report.setAside).toHaveLength(1);
    expect(data.get(`${BOOKMARKS_KEY}:backup`)).toBe(raw);
    store.deleteBackup(`${BOOKMARKS_KEY}:backup`);
    expect(data.has(`${BOOKMARKS_KEY}:backup`)).toBe(false);
    expect(store.getState().backups).toEqual([]);
  });

  it('does not delete a backup whose restored bookmarks could only be kept in memory', async () => {
    const legacy = JSON.stringify({ version: 2, items: [good] });
    const mem = memoryStorage({ [`${BOOKMARKS_KEY}:backup`]: legacy });
    const store = createBookmarkStore({ getStorage: () => mem.storage, now: fixedNow, eventTarget: null });
    mem.failWrites(quotaError);
    const result = await store.restoreBackup(`${BOOKMARKS_KEY}:backup`);
    expect(result.cleared).toBe(false);
    expect(store.getState().ids.has('good-1')).toBe(true);
    expect(mem.data.get(`${BOOKMARKS_KEY}:backup`)).toBe(legacy);
  });

  it('refuses to restore a backup in which nothing can be read, and keeps it', async () => {
    const { storage, data } = memoryStorage({ [`${BOOKMARKS_KEY}:backup`]: '{"version":2,"items":[{"entryId":"half' });
    const store = createBookmarkStore({ getStorage: () => storage, now: fixedNow, eventTarget: null });
    await expect(store.restoreBackup(`${BOOKMARKS_KEY}:backup`)).rejects.toThrow('not JSON');
    expect(data.has(`${BOOKMARKS_KEY}:backup`)).toBe(true);
  });
});
