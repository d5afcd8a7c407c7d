import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { BOOKMARKS_KEY, resetBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import type { Bookmark } from '@/features/bookmarks/lib/bookmark-model';
import { renderApp } from '../support/render-app';

const BENCH = '2024-11-02-benchmarking-code-generation';
const GRADIENTS = '2024-11-02-layer-gradients-in-llms';
const PARROTS = '2024-10-27-mixture-of-parrots';

function saved(entryId: string, addedAt: string): Bookmark {
  return { entryId, addedAt, updatedAt: addedAt, note: '', tags: [], snapshot: null };
}

function storedIds(): string[] {
  return (JSON.parse(localStorage.getItem(BOOKMARKS_KEY) ?? '{"items":[]}') as { items: Bookmark[] }).items.map(
    (b) => b.entryId,
  );
}

function bookmarkCard(headline: string): HTMLElement {
  return screen.getByRole('article', { name: headline });
}

beforeEach(() => {
  resetBookmarkStore();
  localStorage.setItem(
    BOOKMARKS_KEY,
    JSON.stringify({
      version: 2,
      items: [
        saved(BENCH, '2025-01-10T10:00:00.000Z'),
        saved(GRADIENTS, '2025-01-11T10:00:00.000Z'),
        saved(PARROTS, '2025-01-12T10:00:00.000Z'),
      ],
    }),
  );
});

describe('keys on the bookmarks page', () => {
  it('moves between bookmarks with j and k and opens the focused one with Enter', async () => {
    const { user, router } = renderApp('/bookmarks');
    await screen.findByRole('link', { name: 'Layer Gradients in LLMs' });
    // Newest first.
    await user.keyboard('j');
    expect(bookmarkCard('Mixture of Parrots')).toHaveFocus();
    await user.keyboard('jj');
    expect(bookmarkCard('Benchmarking Code Generation')).toHaveFocus();
    await user.keyboard('k');
    expect(bookmarkCard('Layer Gradients in LLMs')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Layer Gradients in LLMs' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/entries/${GRADIENTS}`);
  });

  it('removes the focused bookmark with b, moves on to the next, and Undo brings it back', async () => {
    const { user } = renderApp('/bookmarks');
    const link = await screen.findByRole('link', { name: 'Layer Gradients in LLMs' });
    act(() => link.closest<HTMLElement>('[data-entry-id]')!.focus());
    await user.keyboard('b');
    expect(storedIds()).toEqual([BENCH, PARROTS]);
    expect(screen.getByText('Removed “Layer Gradients in LLMs”')).toBeInTheDocument();
    await screen.findByRole('article', { name: 'Benchmarking Code Generation' });
    await act(() => new Promise(requestAnimationFrame));
    expect(bookmarkCard('Benchmarking Code Generation')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(storedIds()).toEqual([BENCH, GRADIENTS, PARROTS]);
    expect(screen.getByRole('link', { name: 'Bookmarks (3)' })).toBeInTheDocument();
  });

  it('marks the focused bookmark read and unread with m, saying so', async () => {
    const { user } = renderApp('/bookmarks');
    const link = await screen.findByRole('link', { name: 'Mixture of Parrots' });
    const card = bookmarkCard('Mixture of Parrots');
    act(() => link.closest<HTMLElement>('[data-entry-id]')!.focus());
    expect(within(card).queryByText('Read', { exact: true })).not.toBeInTheDocument();
    await user.keyboard('m');
    expect(await within(card).findByText('Read', { exact: true })).toBeInTheDocument();
    expect(screen.getByText('Marked “Mixture of Parrots” as read')).toBeInTheDocument();
    await user.keyboard('m');
    expect(within(card).queryByText('Read', { exact: true })).not.toBeInTheDocument();
    expect(screen.getByText('Marked “Mixture of Parrots” as unread')).toBeInTheDocument();
  });
});
