import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { FromSearchWorker, ToSearchWorker } from '@/features/search/worker/protocol';
import { createSearchHost } from '@/features/search/worker/search-host';
import { archiveFetch, renderApp } from '../support/render-app';

function searchBox() {
  return screen.getByRole('searchbox', { name: 'Search entries' });
}

/** The lazy route and the archive load first; jsdom is slow at it. */
const LOAD = { timeout: 10_000 };
configure({ asyncUtilTimeout: 5_000 });

/** A search worker run in-process by the real worker code, whose answers the test can hold back. */
class HeldWorker extends EventTarget {
  static last: HeldWorker | null = null;
  hold = false;
  private held: FromSearchWorker[] = [];
  private readonly handle = createSearchHost((message) => {
    if (this.hold && message.type === 'result') this.held.push(message);
    else this.deliver(message);
  });

  constructor() {
    super();
    HeldWorker.last = this;
  }

  /** How many answers are held back. */
  get waiting(): number {
    return this.held.length;
  }

  postMessage(message: ToSearchWorker) {
    this.handle(structuredClone(message));
  }

  terminate() {}

  /** Sends the held answers and stops holding. */
  release() {
    this.hold = false;
    for (const message of this.held.splice(0)) this.deliver(message);
  }

  private deliver(message: FromSearchWorker) {
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: structuredClone(message) })), 0);
  }
}

describe('search page', () => {
  it('keeps the previous results on screen until the worker answers the next keystroke', async () => {
    vi.stubGlobal('Worker', HeldWorker);
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const { user } = renderApp('/search?q=mixture');
    expect(await screen.findByText('4 results for “mixture”', {}, LOAD)).toBeInTheDocument();
    const worker = HeldWorker.last!;
    worker.hold = true;
    await user.type(searchBox(), ' sqlite');
    await waitFor(() => expect(worker.waiting).toBeGreaterThan(0));
    expect(screen.getAllByRole('article')).toHaveLength(4);
    expect(screen.queryByText(/^No results/)).not.toBeInTheDocument();
    worker.release();
    expect(await screen.findByText('No results for “mixture sqlite”.')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('shows results as you type, with the matched words marked, and keeps the query in the URL', async () => {
    const { user, router } = renderApp('/search');
    await user.type(await screen.findByRole('searchbox', { name: 'Search entries' }, LOAD), 'sqlite');
    expect(await screen.findByText('1 result for “sqlite”')).toBeInTheDocument();
    const result = screen.getByRole('article', { name: 'AI Identifies Database Vulnerability' });
    const marks = [...result.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toContain('SQLite');
    expect(within(result).getByRole('link', { name: 'AI Identifies Database Vulnerability' })).toHaveAttribute(
      'href',
      '/entries/2024-11-02-ai-identifies-database-vulnerability',
    );
    expect(within(result).getByText('Summary')).toBeInTheDocument();
    expect(within(result).getByText('Body')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=sqlite');
    // Typing replaced the history entry rather than pushing one per keystroke.
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('renders source text as text, never as markup', async () => {
    renderApp('/search?q=%22root-cause+analysis%22');
    const result = await screen.findByRole('article', { name: 'AI Identifies Database Vulnerability' }, LOAD);
    expect(result.querySelector('script')).toBeNull();
  });

  it('narrows by two facets, counts each facet against the others, and clears them', async () => {
    const { user, router } = renderApp('/search');
    await user.click(await screen.findByRole('checkbox', { name: /Mixture of Experts/ }, LOAD));
    expect(await screen.findByText('4 results')).toBeInTheDocument();
    expect(router.state.historyAction).toBe('PUSH');
    await user.click(screen.getByRole('checkbox', { name: /^Oct 27, 2024/ }));
    expect(await screen.findByText('2 results')).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).getAll('topic')).toEqual(['Mixture of Experts']);
    expect(new URLSearchParams(router.state.location.search).getAll('issue')).toEqual(['2024-10-27']);
    // Another issue still shows what choosing it too would add; a topic with nothing left is disabled.
    expect(screen.getByRole('checkbox', { name: /^Nov 2, 2024 \(1 result\)/ })).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: /^Agents \(0 results\)/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Remove filter Issue: Oct 27, 2024' }));
    expect(await screen.findByText('4 results')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear all filters' })[0]!);
    expect(await screen.findByText('9 results')).toBeInTheDocument();
  });

  it('restores the state from the URL and goes back through committed changes', async () => {
    const { user, router } = renderApp('/search?q=mixture&topic=Mixture+of+Experts&sort=newest');
    expect(await screen.findByRole('searchbox', { name: 'Search entries' }, LOAD)).toHaveValue('mixture');
    expect(await screen.findByText('4 results for “mixture”')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Mixture of Experts/ })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveValue('newest');
    await user.click(screen.getByRole('checkbox', { name: /^Harvard University/ }));
    expect(await screen.findByText('1 result for “mixture”')).toBeInTheDocument();
    await router.navigate(-1);
    expect(await screen.findByText('4 results for “mixture”')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Harvard University/ })).not.toBeChecked();
  });

  it('says when nothing matches, suggests a spelling and offers to clear the filters', async () => {
    const { user } = renderApp('/search?q=bigg+sleep&kind=paper');
    expect(await screen.findByText('No results for “bigg sleep”.', {}, LOAD)).toBeInTheDocument();
    const suggestion = await screen.findByRole('link', { name: 'big sleep' }, LOAD);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('No results for “bigg sleep”.')).toBeInTheDocument();
    await user.click(suggestion.isConnected ? suggestion : screen.getByRole('link', { name: 'big sleep' }));
    expect(await screen.findByText('1 result for “big sleep”')).toBeInTheDocument();
    expect(searchBox()).toHaveValue('big sleep');
  });

  it('says what it searched for when it respelt a word the archive lacks', async () => {
    renderApp('/search?q=parrtos');
    expect(await screen.findByText('1 result for “parrtos”', {}, LOAD)).toBeInTheDocument();
    const notice = screen.getAllByRole('status').find((status) => status.textContent?.startsWith('Showing results'));
    expect(notice).toHaveTextContent('Showing results for parrots');
    const result = screen.getByRole('article', { name: 'Mixture of Parrots' });
    expect([...result.querySelectorAll('mark')].map((mark) => mark.textContent)).toContain('Parrots');
  });

  it('shows no correction for words the archive has', async () => {
    renderApp('/search?q=parrots');
    expect(await screen.findByText('1 result for “parrots”', {}, LOAD)).toBeInTheDocument();
    expect(screen.queryByText(/Showing results for/)).not.toBeInTheDocument();
  });

  it('finds the entry about a paper from a pasted arXiv id or link', async () => {
    const { user } = renderApp('/search');
    const box = await screen.findByRole('searchbox', { name: 'Search entries' }, LOAD);
    for (const pasted of ['arXiv:2410.21647', 'https://arxiv.org/abs/2410.21647']) {
      await user.clear(box);
      await user.click(box);
      await user.paste(pasted);
      expect(await screen.findByText(`1 result for “${pasted}”`)).toBeInTheDocument();
      expect(screen.getAllByRole('article')[0]).toHaveAccessibleName('Benchmarking Code Generation');
    }
  });

  it('sorts by the paper’s date on request, and keeps it in the URL', async () => {
    const { user, router } = renderApp('/search?q=mixture');
    await screen.findByText('4 results for “mixture”', {}, LOAD);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Paper date, newest first');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('paper'));
    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveValue('paper');
  });

  it('groups entries about the same paper and lists every issue that covered it', async () => {
    const { user } = renderApp('/search?q=embedding+model');
    expect(await screen.findByText('2 results for “embedding model”', {}, LOAD)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Group by paper' }));
    expect(await screen.findByText('1 paper for “embedding model”')).toBeInTheDocument();
    expect(screen.getByText('Covered in 2 issues')).toBeInTheDocument();
  });

  it('moves through results with the arrow keys and clears with Escape', async () => {
    const { user } = renderApp('/search?q=mixture');
    await screen.findByText('4 results for “mixture”', {}, LOAD);
    const links = screen.getAllByRole('article').map((article) => within(article).getAllByRole('link')[1]!);
    searchBox().focus();
    await user.keyboard('{ArrowDown}');
    expect(links[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(links[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(searchBox()).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(searchBox()).toHaveValue('');
    expect(await screen.findByText('9 results')).toBeInTheDocument();
  });

  it('opens a result with Enter', async () => {
    const { user, router } = renderApp('/search?q=parrots');
    await screen.findByText('1 result for “parrots”', {}, LOAD);
    searchBox().focus();
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/entries/2024-10-27-mixture-of-parrots'));
  });

  it('explains the query syntax in a disclosure', async () => {
    const { user } = renderApp('/search');
    const tips = await screen.findByRole('button', { name: 'Search tips' }, LOAD);
    expect(tips).toHaveAttribute('aria-expanded', 'false');
    await user.click(tips);
    expect(tips).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('"exact phrase"')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(tips).toHaveAttribute('aria-expanded', 'false');
  });

  it('filters a long organisation list inside the facet', async () => {
    const many = (await import('../support/fixture-bundle')).makeFixtureArchive((bundle) => {
      bundle.entries[0]!.organizations = Array.from({ length: 14 }, (_, i) => `Lab ${String.fromCharCode(65 + i)}`);
    });
    const { user } = renderApp('/search', { bundle: many });
    const showAll = await screen.findByRole('button', { name: /Show all \d+ organisations/ }, LOAD);
    expect(screen.queryByRole('checkbox', { name: /^Lab N/ })).not.toBeInTheDocument();
    await user.click(showAll);
    await user.type(screen.getByRole('searchbox', { name: 'Filter organisations' }), 'lab n');
    expect(screen.getByRole('checkbox', { name: /^Lab N/ })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /^Lab A/ })).not.toBeInTheDocument();
  });
});

describe('search without the archive', () => {
  it('says the archive could not be downloaded, with a way back, when the issues it must search cannot be fetched', async () => {
    // The catalogue is in (the page shows), but the connection drops before the other issues' files arrive.
    const served = archiveFetch();
    const offline = archiveFetch('network-error');
    renderApp('/search?q=sqlite', {
      fetchImpl: (input, init) => {
        const url = input instanceof Request ? input.url : input.toString();
        return url.includes('data/issues/') ? offline(input, init) : served(input, init);
      },
    });
    expect(await screen.findByRole('heading', { name: 'This page could not be shown' }, LOAD)).toBeInTheDocument();
    expect(screen.getByText('The archive could not be downloaded. Check your connection and try again.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the latest issue' })).toHaveAttribute('href', '/');
  });
});

describe('header search', () => {
  it('opens the search page as you type and hands over the focus', async () => {
    const { user, router } = renderApp('/');
    await user.type(await screen.findByRole('searchbox', { name: 'Search the archive' }, LOAD), 'parr');
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(await screen.findByText('1 result for “parr”', {}, LOAD)).toBeInTheDocument();
    expect(searchBox()).toHaveValue('parr');
    expect(searchBox()).toHaveFocus();
    expect(screen.queryByRole('searchbox', { name: 'Search the archive' })).not.toBeInTheDocument();
  });

  it('focuses the search box on / or Ctrl-K, but not while typing in a field', async () => {
    const { user } = renderApp('/');
    const box = await screen.findByRole('searchbox', { name: 'Search the archive' }, LOAD);
    await user.keyboard('/');
    expect(box).toHaveFocus();
    expect(box).toHaveValue('');
    box.blur();
    await user.keyboard('{Control>}k{/Control}');
    expect(box).toHaveFocus();
  });

  it('leaves / alone while typing in a field', async () => {
    const { user } = renderApp('/search');
    const filter = await screen.findByRole('searchbox', { name: 'Search entries' }, LOAD);
    await user.click(screen.getByRole('button', { name: 'Search tips' }));
    await user.click(filter);
    await user.keyboard('a/b');
    expect(filter).toHaveValue('a/b');
    expect(filter).toHaveFocus();
  });
});
