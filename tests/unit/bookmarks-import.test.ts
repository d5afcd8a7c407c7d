import { describe, expect, it } from 'vitest';
import { BookmarksFormatError, type Bookmark } from '@/features/bookmarks/lib/bookmark-model';
import { mergeBookmarks } from '@/features/bookmarks/lib/bookmark-merge';
import { parseBackup, toBackupJson } from '@/features/bookmarks/lib/export-backup';
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
    ['another app', JSON.stringify({ format: 'zotero', version: 2, items: [] }), 'not a Frontier Reader bookmark backup'],
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
