import { describe, expect, it } from 'vitest';
import { BookmarksFormatError, type Bookmark } from '@/features/bookmarks/lib/bookmark-model';
import { EMPTY_LIST, mergeBookmarks, mergeLists } from '@/features/bookmarks/lib/bookmark-merge';
import { parseBackup, readBackup, toBackupJson } from '@/features/bookmarks/lib/export-backup';
import { createBookmarkStore, type KeyValueStorage } from '@/features/bookmarks/lib/bookmark-store';

function bookmark(entryId: string, extra: Partial<Bookmark> = {}): Bookmark {
  return {
    entryId,
    addedAt: '2025-01-10T10:00:00.000Z',
    updatedAt: '2025-01-10T10:00:00.000Z',
    note: '',
    tags: [],
    snapshot: null,
    ...extra,
  };
}

describe('import merge', () => {
  it('adds new bookmarks, lets the newer note win and reports what changed', () => {
    const current = [
      bookmark('a-1', { note: 'old note', updatedAt: '2025-01-10T10:00:00.000Z' }),
      bookmark('b-2', { note: 'kept: newer here', updatedAt: '2025-01-12T10:00:00.000Z' }),
      bookmark('c-3'),
    ];
    const incoming = [
      bookmark('a-1', { note: 'newer note', tags: ['moe'], updatedAt: '2025-01-11T10:00:00.000Z' }),
      bookmark('b-2', { note: 'stale note', updatedAt: '2025-01-11T10:00:00.000Z' }),
      bookmark('c-3'),
      bookmark('d-4', { note: 'brand new' }),
    ];
    const { items, summary } = mergeBookmarks(current, incoming);
    expect(summary).toEqual({ added: ['d-4'], updated: ['a-1'], unchanged: ['b-2', 'c-3'] });
    expect(items.map((b) => [b.entryId, b.note, b.tags])).toEqual([
      ['a-1', 'newer note', ['moe']],
      ['b-2', 'kept: newer here', []],
      ['c-3', '', []],
      ['d-4', 'brand new', []],
    ]);
  });

  it('is idempotent: importing the same backup twice changes nothing the second time', () => {
    const first = mergeBookmarks([bookmark('a-1')], [bookmark('a-1'), bookmark('b-2')]);
    const second = mergeBookmarks(first.items, [bookmark('a-1'), bookmark('b-2')]);
    expect(second.summary).toEqual({ added: [], updated: [], unchanged: ['a-1', 'b-2'] });
    expect(second.items).toEqual(first.items);
  });
});

describe('backup file', () => {
  it('round-trips every bookmark with its note and tags', () => {
    const items = [bookmark('a-1', { note: 'n', tags: ['x', 'y'] }), bookmark('b-2')];
    expect(parseBackup(toBackupJson(items, '2025-01-15T10:00:00.000Z')).items).toEqual(items);
  });

  it('reads a version 1 file through the migration', () => {
    expect(parseBackup(JSON.stringify({ version: 1, items: ['a-1'] })).items.map((b) => b.entryId)).toEqual(['a-1']);
  });

  it.each([
    ['not JSON', 'hello', 'not JSON'],
    [
      'another app',
      JSON.stringify({ format: 'zotero', version: 2, items: [] }),
      'not a Frontier Reader bookmark backup',
    ],
    ['a broken item', JSON.stringify({ version: 2, items: [{ entryId: 'A B' }] }), 'malformed'],
    ['a newer version', JSON.stringify({ version: 7, items: [] }), 'newer version'],
  ])('rejects %s with a reason', (_label, text, reason) => {
    expect(() => parseBackup(text)).toThrow(BookmarksFormatError);
    expect(() => parseBackup(text)).toThrow(reason);
  });

  it('an import through the store changes nothing when the file is invalid', () => {
    const data = new Map<string, string>();
    const storage: KeyValueStorage = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    const store = createBookmarkStore({ getStorage: () => storage, eventTarget: null });
    store.add('a-1', null);
    const before = data.get('frontier-reader:bookmarks');
    expect(() => store.importEnvelope(parseBackup('{"version": 2, "items": [1]}'))).toThrow();
    expect(data.get('frontier-reader:bookmarks')).toBe(before);
    const summary = store.importEnvelope(parseBackup(toBackupJson([bookmark('b-2')], '2025-01-15T10:00:00.000Z')));
    expect(summary.added).toEqual(['b-2']);
    expect(store.getState().bookmarks.map((b) => b.entryId)).toEqual(['a-1', 'b-2']);
  });
});

describe('merging two tabs from the list both started with', () => {
  const now = new Date('2025-02-01T00:00:00.000Z');
  const at = (minute: number) => `2025-01-20T10:${String(minute).padStart(2, '0')}:00.000Z`;
  const list = (items: Bookmark[], removed: { entryId: string; removedAt: string }[] = []) => ({ items, removed });
  const ids = (merged: { items: readonly Bookmark[] }) => merged.items.map((b) => b.entryId);

  it('keeps additions from both sides and removals from either side', () => {
    const base = list([bookmark('kept'), bookmark('removed-here'), bookmark('removed-there')]);
    const local = list(
      [bookmark('kept'), bookmark('removed-there'), bookmark('added-here')],
      [{ entryId: 'removed-here', removedAt: at(1) }],
    );
    const theirs = list(
      [bookmark('kept'), bookmark('removed-here'), bookmark('added-there')],
      [{ entryId: 'removed-there', removedAt: at(2) }],
    );
    const merged = mergeLists(base, local, theirs, now);
    expect(ids(merged)).toEqual(['kept', 'added-there', 'added-here']);
    expect(merged.removed.map((t) => t.entryId).sort()).toEqual(['removed-here', 'removed-there']);
  });

  it('keeps the later of two edits, whole note and tags together', () => {
    const base = list([bookmark('a-1')]);
    const local = list([bookmark('a-1', { note: 'here', tags: ['x'], updatedAt: at(5) })]);
    const theirs = list([bookmark('a-1', { note: 'there', tags: ['y'], updatedAt: at(3) })]);
    expect(mergeLists(base, local, theirs, now).items[0]).toMatchObject({ note: 'here', tags: ['x'] });
    expect(mergeLists(base, theirs, local, now).items[0]).toMatchObject({ note: 'here', tags: ['x'] });
  });

  it('weighs an edit against a removal by which came later', () => {
    const base = list([bookmark('a-1')]);
    const edited = (minute: number) => list([bookmark('a-1', { note: 'edited', updatedAt: at(minute) })]);
    const removed = list([], [{ entryId: 'a-1', removedAt: at(5) }]);
    expect(ids(mergeLists(base, edited(4), removed, now))).toEqual([]);
    expect(ids(mergeLists(base, edited(6), removed, now))).toEqual(['a-1']);
    expect(ids(mergeLists(base, removed, edited(4), now))).toEqual([]);
    expect(ids(mergeLists(base, removed, edited(6), now))).toEqual(['a-1']);
  });

  it('keeps an edit when the other side removed the bookmark without saying when', () => {
    const merged = mergeLists(
      list([bookmark('a-1')]),
      list([bookmark('a-1', { note: 'keep', updatedAt: at(1) })]),
      EMPTY_LIST,
      now,
    );
    expect(merged.items).toMatchObject([{ entryId: 'a-1', note: 'keep' }]);
  });

  it('forgets removals older than 90 days and keeps at most 500', () => {
    const old = { entryId: 'old-1', removedAt: '2024-09-01T00:00:00.000Z' };
    const many = Array.from({ length: 600 }, (_, i) => ({ entryId: `gone-${i}`, removedAt: at(i % 60) }));
    const merged = mergeLists(EMPTY_LIST, list([], [old, ...many]), EMPTY_LIST, now);
    expect(merged.removed).toHaveLength(500);
    expect(merged.removed.some((t) => t.entryId === 'old-1')).toBe(false);
  });
});

describe('importing item by item', () => {
  it('imports the data the app set aside, repairing what it can and setting aside the rest', () => {
    const raw = JSON.stringify({
      version: 2,
      items: [
        bookmark('a-1'),
        bookmark('b-2', { note: 'x'.repeat(2001) }),
        bookmark('C-3'),
        { entryId: 'not an id', addedAt: 'never' },
      ],
    });
    expect(() => parseBackup(raw)).not.toThrow();
    const storage = memory();
    const store = createBookmarkStore({ getStorage: () => storage, eventTarget: null });
    const summary = store.importEnvelope(parseBackup(raw));
    expect(summary.added).toEqual(['a-1', 'b-2', 'c-3']);
    expect(store.getState().byId.get('b-2')?.note).toHaveLength(2000);
  });

  it('reports what it repaired and what it set aside', async () => {
    const raw = JSON.stringify({ version: 2, items: [bookmark('a-1', { tags: ['t'.repeat(41)] }), 7] });
    const { report, envelope } = await readBackup(raw);
    expect(envelope.items.map((b) => b.entryId)).toEqual(['a-1']);
    expect(report.repaired.map(({ index, entryId }) => ({ index, entryId }))).toEqual([{ index: 0, entryId: 'a-1' }]);
    expect(report.repaired[0]?.reason).toContain('longer than 40 characters');
    expect(report.setAside).toEqual([{ index: 1, entryId: null, reason: 'not a bookmark (expected an object)' }]);
  });

  it('validates 25,000 items in chunks, yielding to the event loop and reporting progress', async () => {
    const items = Array.from({ length: 25_000 }, (_, i) =>
      bookmark(`entry-${i}`, { note: `note ${i}`, tags: ['bulk'] }),
    );
    const progress: number[] = [];
    let otherTaskRan = false;
    setTimeout(() => {
      otherTaskRan = true;
    });
    const read = await readBackup(toBackupJson(items, '2025-01-15T10:00:00.000Z'), {
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(otherTaskRan).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(25_000 / 500);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(read.envelope.items).toHaveLength(25_000);

    const storage = memory();
    const store = createBookmarkStore({ getStorage: () => storage, eventTarget: null });
    store.add('entry-0', null);
    const summary = store.importEnvelope(read.envelope);
    expect(summary.added).toHaveLength(24_999);
    expect(summary.updated).toEqual(['entry-0']);
    expect(store.getState().bookmarks).toHaveLength(25_000);
  });
});

function memory(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
