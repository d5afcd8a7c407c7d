import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArchiveBundle, Entry } from '@/shared/bundle';
import { makeFixtureArchive } from '../support/fixture-bundle';
import { renderApp } from '../support/render-app';

/** The lazy route and the archive load first; jsdom is slow at it. */
const LOAD = { timeout: 30_000 };
/** These tests walk several pages; a busy two-core machine needs more than the default. */
const SLOW = 60_000;
configure({ asyncUtilTimeout: 5_000 });

/** The fixture with `extra` more entries in its oldest issue, all about "widgets", so a search has many pages. */
function archiveWithWidgets(extra: number): ArchiveBundle {
  return makeFixtureArchive((bundle) => {
    const template = bundle.entries.find((entry) => entry.paper === null && entry.related.length === 0);
    const issue = bundle.issues.at(-1)!;
    if (!template) throw new Error('search-comfort.test.tsx: error: the fixture has no plain entry to copy');
    for (let index = 1; index <= extra; index += 1) {
      const id = `${issue.id}-widget-${String(index).padStart(3, '0')}`;
      const entry: Entry = {
        ...structuredClone(template),
        id,
        issueId: issue.id,
        headline: `Widget report ${index}`,
        summary: `Widgets, part ${index}.`,
        position: issue.entryIds.length + 1,
        number: issue.entryIds.length + 1,
      };
      bundle.entries.push(entry);
      issue.entryIds.push(id);
    }
  });
}

describe('search: "Show more"', () => {
  it(
    'keeps how many results are shown in the URL, so Back from a result shows them all again',
    async () => {
      const { user, router } = renderApp('/search?q=widget', { bundle: archiveWithWidgets(45) });
      expect(await screen.findByText('45 results for “widget”', {}, LOAD)).toBeInTheDocument();
      expect(screen.getAllByRole('article')).toHaveLength(20);
      await user.click(screen.getByRole('button', { name: /Show more results/ }));
      await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(40));
      expect(new URLSearchParams(router.state.location.search).get('shown')).toBe('40');
      // "Show more" replaces the history entry rather than adding one per page.
      expect(router.state.historyAction).toBe('REPLACE');

      const result = screen.getByRole('article', { name: 'Widget report 33' });
      await user.click(within(result).getByRole('link', { name: 'Widget report 33' }));
      await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/entries\/.*widget-033$/));
      await router.navigate(-1);
      expect(await screen.findByRole('article', { name: 'Widget report 33' }, LOAD)).toBeInTheDocument();
      expect(screen.getAllByRole('article')).toHaveLength(40);
    },
    SLOW,
  );

  it(
    'starts again at one page when the query changes',
    async () => {
      const { user, router } = renderApp('/search?q=widget&shown=40', { bundle: archiveWithWidgets(45) });
      expect(await screen.findByText('45 results for “widget”', {}, LOAD)).toBeInTheDocument();
      await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(40));
      await user.type(screen.getByRole('searchbox', { name: 'Search entries' }), ' report');
      await waitFor(() => expect(router.state.location.search).toBe('?q=widget+report'));
      await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(20));
    },
    SLOW,
  );
});

describe('search: keys on results', () => {
  it(
    'moves between results with j and k, opens one with Enter and bookmarks with b',
    async () => {
      const { user, router } = renderApp('/search?q=mixture');
      await screen.findByText('4 results for “mixture”', {}, LOAD);
      const articles = screen.getAllByRole('article');
      await user.keyboard('j');
      expect(articles[0]).toHaveFocus();
      await user.keyboard('jj');
      expect(articles[2]).toHaveFocus();
      await user.keyboard('k');
      expect(articles[1]).toHaveFocus();

      const bookmark = within(articles[1]!).getByRole('button', { name: /bookmark/i });
      expect(bookmark).toHaveAttribute('aria-pressed', 'false');
      await user.keyboard('b');
      await waitFor(() => expect(bookmark).toHaveAttribute('aria-pressed', 'true'));

      const headline = within(articles[1]!).getAllByRole('link')[1]!;
      articles[1]!.focus();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(router.state.location.pathname).toBe(headline.getAttribute('href')));
    },
    SLOW,
  );

  it(
    'marks the focused result read and unread with m, and dims it while read',
    async () => {
      const { user } = renderApp('/search?q=mixture');
      await screen.findByText('4 results for “mixture”', {}, LOAD);
      await user.keyboard('j');
      const first = screen.getAllByRole('article')[0]!;
      expect(first).toHaveFocus();
      expect(within(first).getByRole('heading')).not.toHaveTextContent('(read)');
      await user.keyboard('m');
      expect(await screen.findByText(/^Marked “.+” as read$/)).toBeInTheDocument();
      const firstHeading = () => within(screen.getAllByRole('article')[0]!).getByRole('heading');
      await waitFor(() => expect(firstHeading()).toHaveTextContent('(read)'));
      await user.keyboard('m');
      expect(await screen.findByText(/^Marked “.+” as unread$/)).toBeInTheDocument();
      await waitFor(() => expect(firstHeading()).not.toHaveTextContent('(read)'));
    },
    SLOW,
  );

  it(
    'leaves j and k to the search box while typing',
    async () => {
      const { user } = renderApp('/search');
      const box = await screen.findByRole('searchbox', { name: 'Search entries' }, LOAD);
      await user.click(box);
      await user.keyboard('jk');
      expect(box).toHaveValue('jk');
      expect(box).toHaveFocus();
    },
    SLOW,
  );
});

describe('search on a narrow screen', () => {
  const dialogPrototype = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  const nativeShowModal = dialogPrototype.showModal;
  const nativeClose = dialogPrototype.close;

  beforeEach(() => {
    // Narrow: every max-width query matches, no min-width one does.
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('max-width'),
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    // jsdom has no modal dialogs: open and close them as a browser would, without the focus trap.
    dialogPrototype.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    dialogPrototype.close = function (this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  });

  afterEach(() => {
    // Unmount while the stand-ins are still there: the sheet closes its dialog on the way out.
    cleanup();
    vi.unstubAllGlobals();
    dialogPrototype.showModal = nativeShowModal;
    dialogPrototype.close = nativeClose;
  });

  it(
    'opens the filters in a sheet with the top values, and closes it with "Show N results"',
    async () => {
      const many = makeFixtureArchive((bundle) => {
        bundle.entries[0]!.organizations = Array.from({ length: 14 }, (_, i) => `Lab ${String.fromCharCode(65 + i)}`);
      });
      const { user, router } = renderApp('/search', { bundle: many });
      await screen.findByText('9 results', {}, LOAD);
      const button = screen.getByRole('button', { name: 'Filters' });
      expect(screen.queryByRole('checkbox', { name: /Mixture of Experts/ })).not.toBeInTheDocument();
      await user.click(button);

      const sheet = screen.getByRole('dialog', { name: 'Filters' });
      // 14 labs and the fixture's own organisations: the top 8 show, the rest behind "Show all".
      const labs = () => within(sheet).queryAllByRole('checkbox', { name: /^Lab [A-N] / });
      expect(labs().length).toBeLessThanOrEqual(8);
      await user.click(within(sheet).getByRole('button', { name: /Show all \d+ organisations/ }));
      expect(labs()).toHaveLength(14);

      await user.click(within(sheet).getByRole('checkbox', { name: /Mixture of Experts/ }));
      expect(await within(sheet).findByRole('button', { name: 'Show 4 results' })).toBeInTheDocument();
      expect(new URLSearchParams(router.state.location.search).getAll('topic')).toEqual(['Mixture of Experts']);
      await user.click(within(sheet).getByRole('button', { name: 'Show 4 results' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: /^Filters\s*\(1\s*active\)$/ })).toHaveFocus();
      expect(screen.getAllByRole('article')).toHaveLength(4);
    },
    SLOW,
  );

  it(
    'closes the sheet with its close button',
    async () => {
      const { user } = renderApp('/search');
      await user.click(await screen.findByRole('button', { name: 'Filters' }, LOAD));
      await user.click(within(screen.getByRole('dialog', { name: 'Filters' })).getByRole('button', { name: 'Close' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Filters' })).toHaveFocus();
    },
    SLOW,
  );

  it(
    'fits a short placeholder into the search box',
    async () => {
      renderApp('/search');
      expect(await screen.findByRole('searchbox', { name: 'Search entries' }, LOAD)).toHaveAttribute(
        'placeholder',
        'Search entries…',
      );
    },
    SLOW,
  );
});
