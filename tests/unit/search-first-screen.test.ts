import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { within } from '@testing-library/dom';
import { watchFirstScreen } from '@/features/search/components/first-screen';
import { parseQuery } from '@/features/search/lib/query-parser';
import { adoptPrewarmed, prewarmSearchWorker } from '@/features/search/lib/search-worker-start';
import type { FromSearchWorker, ToSearchWorker, WireSearchHit } from '@/features/search/worker/protocol';
import { createSearchHost } from '@/features/search/worker/search-host';
import { fixtureBundle } from '../support/fixture-bundle';
import { servedArchive } from '../support/served-archive';

/** The real worker code on this thread, copying messages as postMessage does. */
class InProcessWorker extends EventTarget {
  private readonly handle = createSearchHost((message: FromSearchWorker) =>
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: structuredClone(message) }))),
  );
  postMessage(message: ToSearchWorker) {
    this.handle(structuredClone(message));
  }
  terminate() {}
}

/** A worker that says only what the test makes it say. */
class ScriptedWorker extends EventTarget {
  postMessage() {}
  terminate() {}
  say(message: FromSearchWorker) {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
}

/** What public/search-start.js leaves on a first page at /search?`page`, and the app's adoption of it. */
function startedEarly<T extends EventTarget>(worker: T, page: string): T {
  window.history.replaceState(null, '', `/search?${page}`);
  const said: FromSearchWorker[] = [];
  const keep = (event: Event) => said.push((event as MessageEvent<FromSearchWorker>).data);
  worker.addEventListener('message', keep);
  const detach = () => worker.removeEventListener('message', keep);
  vi.stubGlobal('__frontierReaderSearchWorker', { worker, said, failed: false, detach });
  vi.stubGlobal('Worker', EventTarget);
  prewarmSearchWorker(new URLSearchParams(page));
  return worker;
}

/** The real worker, started early on a first page at /search?`page` over the fixture archive, as index.html starts it. */
function realWorkerStartedEarly(page: string): InProcessWorker {
  servedArchive(fixtureBundle);
  const worker = new InProcessWorker();
  worker.postMessage({ type: 'load', page });
  return startedEarly(worker, page);
}

/** The worker's early answer to "agents", with `hits`. */
function earlyAnswer(hits: WireSearchHit[]): FromSearchWorker {
  return {
    type: 'early',
    request: { query: 'agents', selection: {}, sort: 'relevance', groupByPaper: false, bookmarkedIds: [], limit: 20 },
    response: {
      parsed: parseQuery('agents'),
      total: hits.length,
      hits,
      facets: [],
      sort: 'relevance',
      suggestion: null,
      correction: null,
      status: 'partial',
    },
    complete: true,
  };
}

/** index.html's shell as it is before the app's first render. */
const SHELL = '<div id="root"><main id="main"><div role="status">Loading Frontier Reader…</div></main></div>';

const main = () => document.querySelector('main')!;

beforeEach(() => {
  document.body.innerHTML = SHELL;
  document.title = 'Frontier Reader';
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('min-width'), media: query }));
});

afterEach(() => {
  adoptPrewarmed();
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the search page drawn before the app’s first render', () => {
  it('shows the worker’s early answer in the page shell, as the search page shows it', async () => {
    realWorkerStartedEarly('q=sqlite');

    // Resolves well before its bound, once the answer is drawn.
    await watchFirstScreen().settle(60_000);

    const page = within(main());
    expect(page.getByRole('heading', { level: 1, name: 'Search the archive' })).toBeInTheDocument();
    expect(page.getByText('1 result for “sqlite”')).toBeInTheDocument();
    const result = page.getByRole('article', { name: 'AI Identifies Database Vulnerability' });
    const link = within(result).getByRole('link', { name: 'AI Identifies Database Vulnerability' });
    expect(link).toHaveAttribute('href', '/entries/2024-11-02-ai-identifies-database-vulnerability');
    expect(within(result).getByRole('link', { name: 'Issue of Nov 2, 2024' })).toHaveAttribute(
      'href',
      '/issues/2024-11-02',
    );
    expect([...result.querySelectorAll('mark')].map((mark) => mark.textContent?.toLowerCase())).toContain('sqlite');
    expect(document.title).toBe('Search: sqlite · Frontier Reader');
    // The loading skeleton is gone; the controls that only work once the app runs are inert until then.
    expect(page.queryByRole('status', { name: /loading/i })).toBeNull();
    expect(main().querySelector('[inert] input[type="checkbox"]')).not.toBeNull();
  });

  it('draws the page at once, while the answer is on its way', () => {
    startedEarly(new ScriptedWorker(), 'q=agents');
    watchFirstScreen();
    const page = within(main());
    expect(page.getByRole('heading', { level: 1, name: 'Search the archive' })).toBeInTheDocument();
    expect(page.getByText('Preparing search…')).toBeInTheDocument();
    expect(page.queryByRole('article')).toBeNull();
    expect(document.title).toBe('Search: agents · Frontier Reader');
  });

  it('stops waiting, with no results drawn, when the query needs the whole index or there is none', async () => {
    realWorkerStartedEarly('q=%22mixture+of+experts%22');
    await watchFirstScreen().settle(60_000);
    expect(within(main()).queryByRole('article')).toBeNull();
    expect(within(main()).getByText('Preparing search…')).toBeInTheDocument();
    adoptPrewarmed();

    // An empty query: the worker says at once that no early answer will come, and the shell stays as it is.
    realWorkerStartedEarly('');
    document.body.innerHTML = SHELL;
    await watchFirstScreen().settle(60_000);
    expect(main().textContent).toBe('Loading Frontier Reader…');
  });

  it('hears from the worker at once when the first search page has no query to answer early', () => {
    servedArchive(fixtureBundle);
    const said: FromSearchWorker[] = [];
    createSearchHost((message) => said.push(message))({ type: 'load', page: '' });
    expect(said).toEqual([{ type: 'no-early' }]);
  });

  it('stops waiting at once without a worker started early, or when that worker fails', async () => {
    window.history.replaceState(null, '', '/search?q=agents');
    await watchFirstScreen().settle(60_000);
    expect(main().textContent).toBe('Loading Frontier Reader…');

    const worker = startedEarly(new ScriptedWorker(), 'q=agents');
    const waiting = watchFirstScreen().settle(60_000);
    worker.dispatchEvent(new Event('error'));
    await waiting;
    expect(within(main()).queryByRole('article')).toBeNull();
  });

  it('draws no result once the wait is over, so the app’s first render is the only one after it', async () => {
    const worker = startedEarly(new ScriptedWorker(), 'q=agents');
    await watchFirstScreen().settle(1);
    const [entry] = fixtureBundle.entries;
    worker.say(
      earlyAnswer([
        { entry: entry!, fields: [], headline: [{ text: entry!.headline, mark: false }], snippet: [], coverage: [] },
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(within(main()).queryByRole('article')).toBeNull();
  });

  it('draws source text as text, never as markup', async () => {
    const worker = startedEarly(new ScriptedWorker(), 'q=agents');
    const [entry] = fixtureBundle.entries;
    const hostile = '<img src=x onerror="alert(1)"> Agents';
    const settled = watchFirstScreen().settle(60_000);
    worker.say(
      earlyAnswer([
        {
          entry: { ...entry!, headline: hostile, organizations: ['<b>Lab</b>'] },
          fields: ['headline'],
          headline: [
            { text: '<img src=x onerror="alert(1)"> ', mark: false },
            { text: 'Agents', mark: true },
          ],
          snippet: [{ text: '<script>alert(2)</script>', mark: false }],
          coverage: [],
        },
      ]),
    );
    await settled;
    expect(within(main()).getByRole('link', { name: hostile })).toBeInTheDocument();
    expect(main().querySelector('img, script, b')).toBeNull();
    expect(main().textContent).toContain('<script>alert(2)</script>');
    expect(main().textContent).toContain('<b>Lab</b>');
  });
});
