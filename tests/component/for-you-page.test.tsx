import { configure, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { BOOKMARKS_KEY, resetBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import type { FromSearchWorker, ToSearchWorker } from '@/features/search/worker/protocol';
import { createSearchHost } from '@/features/search/worker/search-host';
import { getReadStore, resetReadStore } from '@/lib/read-state/read-store';
import { makeBookmark } from '../support/bookmarks';
import { renderApp } from '../support/render-app';

const PARROTS = '2024-10-27-mixture-of-parrots';
const READ_ME = '2024-10-27-read-me-router-decoupled-moe';
/** Two entries about one paper, both about mixtures of experts like the two bookmarks. */
const MOE_PAPER = ['2024-11-02-mixture-of-experts-as-embedding-models', '2024-10-21-moe-llms-as-embedding-models'];

/** The lazy route and the archive load first, then the whole archive for the ranking; jsdom is slow at it. */
const LOAD = { timeout: 10_000 };
configure({ asyncUtilTimeout: 5_000 });

/** The search worker's own code, run in-process: answers cross a structured clone as they would between threads. */
class InProcessWorker extends EventTarget {
  /** How many rankings were asked of any worker. */
  static rankings = 0;
  private readonly handle = createSearchHost((message: FromSearchWorker) => {
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: structuredClone(message) })), 0);
  });

  postMessage(message: ToSearchWorker) {
    if (message.type === 'recommend') InProcessWorker.rankings++;
    this.handle(structuredClone(message));
  }

  terminate() {}
}

function bookmark(...entryIds: string[]) {
  localStorage.setItem(
    BOOKMARKS_KEY,
    JSON.stringify({ version: 2, items: entryIds.map((id) => makeBookmark(id, null)) }),
  );
}

beforeEach(() => {
  resetBookmarkStore();
  resetReadStore();
});

describe('For you', () => {
  it('without bookmarks, says how it works and offers the latest issue', async () => {
    renderApp('/for-you');
    expect(await screen.findByRole('heading', { level: 1, name: 'For you' }, LOAD)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'How For you works' })).toBeInTheDocument();
    expect(screen.getByText(/ranks the entries you have not read by how much their text has in common/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Start with the latest issue, November 2, 2024' })).toHaveAttribute(
      'href',
      '/issues/2024-11-02',
    );
    expect(screen.queryByRole('list', { name: 'Suggestions' })).not.toBeInTheDocument();
  });

  for (const where of ['on the main thread', 'in the search worker'] as const) {
    it(`with bookmarks, suggests similar entries once per paper and says which bookmarks they are like, ${where}`, async () => {
      InProcessWorker.rankings = 0;
      if (where === 'in the search worker') {
        vi.stubGlobal('Worker', InProcessWorker);
        onTestFinished(() => {
          vi.unstubAllGlobals();
        });
      }
      bookmark(PARROTS, READ_ME);
      renderApp('/for-you');
      const list = await screen.findByRole('list', { name: 'Suggestions' }, LOAD);
      expect(InProcessWorker.rankings > 0).toBe(where === 'in the search worker');
      expect(within(screen.getByRole('main')).getByRole('status')).toHaveTextContent(
        /^\d+ suggestions?, ranked by your 2 bookmarks$/,
      );
      const cards = within(list).getAllByRole('article');
      const ids = cards.map((card) => card.dataset.entryId);
      expect(ids).not.toContain(PARROTS);
      expect(ids).not.toContain(READ_ME);
      expect(ids.filter((id) => MOE_PAPER.includes(id!))).toHaveLength(1);

      const moe = cards.find((card) => MOE_PAPER.includes(card.dataset.entryId!))!;
      const reason = within(moe).getByText(/^Like/);
      expect(reason).toHaveTextContent(/in your bookmarks$/);
      expect(
        within(reason).getByRole('link', { name: 'Read-ME: Router-Decoupled Mixture of Experts' }),
      ).toHaveAttribute('href', `/entries/${READ_ME}`);
      expect(within(reason).getByRole('link', { name: 'Mixture of Parrots' })).toHaveAttribute(
        'href',
        `/entries/${PARROTS}`,
      );
    });
  }

  it('leaves out entries read, and every entry about a paper read', async () => {
    bookmark(PARROTS, READ_ME);
    getReadStore().setRead(MOE_PAPER[1]!, true);
    renderApp('/for-you');
    const list = await screen.findByRole('list', { name: 'Suggestions' }, LOAD);
    const ids = within(list)
      .getAllByRole('article')
      .map((card) => card.dataset.entryId);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of MOE_PAPER) expect(ids).not.toContain(id);
  });

  it('keeps the choice to rank by read entries in the URL', async () => {
    bookmark(PARROTS);
    const { user, router } = renderApp('/for-you');
    const toggle = await screen.findByRole('checkbox', { name: 'Also rank by entries I have read' }, LOAD);
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(toggle).toBeChecked();
    expect(router.state.location.search).toBe('?read=1');
  });
});
