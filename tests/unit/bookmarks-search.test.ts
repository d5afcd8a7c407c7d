import { describe, expect, it } from 'vitest';
import type { BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';
import {
  filterBookmarks,
  foldText,
  queryWords,
  searchableBookmarks,
  type BookmarkView,
} from '@/features/bookmarks/lib/bookmark-view';
import { makeBookmark } from '../support/bookmarks';

function view(entryId: string, headline: string | null, note = '', tags: string[] = []): BookmarkView {
  const snapshot: BookmarkSnapshot | null =
    headline === null
      ? null
      : {
          headline,
          issueId: '2024-11-02',
          issueDate: '2024-11-02',
          position: 1,
          publishedOn: '2024-11-01',
          paper: null,
          url: null,
          organizations: [],
        };
  return { bookmark: makeBookmark(entryId, snapshot, { note, tags }), snapshot, inArchive: true };
}

const ids = (views: BookmarkView[]) => views.map((item) => item.bookmark.entryId);

describe('searching bookmarks', () => {
  const items = searchableBookmarks([
    view('a', 'Zürich Café Benchmarks', '', ['évaluation']),
    view('b', 'Mixture of Parrots', 'Compare with ﬁne-tuning results', ['moe', 'to-read']),
    view('c', null, 'snapshot not filled yet'),
  ]);

  it('ignores case, accents and compatibility forms', () => {
    expect(foldText('Zürich CAFÉ ﬁne')).toBe('zurich cafe fine');
    expect(ids(filterBookmarks(items, 'zurich'))).toEqual(['a']);
    expect(ids(filterBookmarks(items, 'EVALUATION'))).toEqual(['a']);
    expect(ids(filterBookmarks(items, 'fine-tuning'))).toEqual(['b']);
  });

  it('matches headline, note and tags, every word somewhere, parts of words included', () => {
    expect(ids(filterBookmarks(items, 'parrots to-read'))).toEqual(['b']);
    expect(ids(filterBookmarks(items, 'parrots zurich'))).toEqual([]);
    expect(ids(filterBookmarks(items, 'bench'))).toEqual(['a']);
    expect(ids(filterBookmarks(items, 'snapshot'))).toEqual(['c']);
  });

  it('keeps every bookmark, in order, for an empty or blank query', () => {
    expect(queryWords('  \t ')).toEqual([]);
    expect(ids(filterBookmarks(items, ''))).toEqual(['a', 'b', 'c']);
    expect(ids(filterBookmarks(items, '   '))).toEqual(['a', 'b', 'c']);
  });

  it('filters 25,000 bookmarks, keeping their order', () => {
    const many = searchableBookmarks(
      Array.from({ length: 25_000 }, (_, index) =>
        view(`e-${index}`, `Entry ${index}`, index % 1000 === 0 ? 'Read with café' : '', index % 2 ? ['odd'] : []),
      ),
    );
    const found = filterBookmarks(many, 'CAFE');
    expect(found).toHaveLength(25);
    expect(ids(found).slice(0, 3)).toEqual(['e-0', 'e-1000', 'e-2000']);
    expect(filterBookmarks(many, 'odd cafe')).toHaveLength(0);
    expect(filterBookmarks(many, 'odd')).toHaveLength(12_500);
  });
});
