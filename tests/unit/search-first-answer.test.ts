import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromSearchWorker, WireSearchRequest } from '@/features/search/worker/protocol';
import { createSearchHost } from '@/features/search/worker/search-host';
import { SEARCH_SHARDS_PATH } from '@/shared/search-shards';
import { fixtureBundle } from '../support/fixture-bundle';
import { searchableArchive } from '../support/search-engine';
import { servedArchive } from '../support/served-archive';

/** A host and what it has said, each message with the files requested until then. */
function host() {
  const said: { message: FromSearchWorker; requested: string[] }[] = [];
  let requested: string[] = [];
  const handle = createSearchHost((message) => said.push({ message, requested: [...requested] }));
  return {
    said,
    watch: (log: string[]) => (requested = log),
    handle,
    /** Resolves with the result of search `id`, and the files requested before it was sent. */
    result: (id: number) =>
      vi.waitFor(() => {
        const found = said.find(({ message }) => message.type === 'result' && message.id === id);
        if (!found || found.message.type !== 'result') throw new Error(`no result ${id} yet`);
        return { response: found.message.response, requested: found.requested };
      }),
  };
}

function request(query: string): WireSearchRequest {
  return { query, selection: {}, sort: 'relevance', groupByPaper: false, bookmarkedIds: [], limit: 20 };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the search worker’s first answer', () => {
  it('answers a plain query from the search shards and the files of its results, before the whole archive is fetched', async () => {
    const served = servedArchive(fixtureBundle);
    const worker = host();
    worker.watch(served.requested);
    worker.handle({ type: 'load' });
    worker.handle({ type: 'search', id: 1, request: request('parrots') });

    const { response, requested } = await worker.result(1);
    const { ids } = await searchableArchive(fixtureBundle);
    expect(response.hits.map((hit) => hit.entry.id)).toEqual(ids('parrots'));
    expect(response.hits.length).toBeGreaterThan(0);
    expect(requested).toContain(SEARCH_SHARDS_PATH);
    // Only one small file per result, no issue file: the rest of the archive downloads after the answer.
    expect(requested.filter((path) => served.issueFiles.includes(path))).toEqual([]);
    const entryFilesBefore = requested.filter((path) => served.entryFiles.includes(path));
    expect(entryFilesBefore).toHaveLength(response.hits.length);
    expect(entryFilesBefore.every((path) => path.includes('2024-10-27'))).toBe(true);

    // Then the whole archive loads, and the complete engine answers with facets.
    await vi.waitFor(() =>
      expect(worker.said.map(({ message }) => message)).toContainEqual({ type: 'status', status: 'ready' }),
    );
    expect(new Set(served.requested.filter((path) => served.issueFiles.includes(path))).size).toBe(
      served.issueFiles.length,
    );
    worker.handle({ type: 'search', id: 2, request: request('parrots') });
    const complete = await worker.result(2);
    expect(complete.response.hits.map((hit) => hit.entry.id)).toEqual(ids('parrots'));
    expect(complete.response.facets.length).toBeGreaterThan(0);
  });

  it('fetches what the first page’s query needs before the page asks, so the answer needs no more files', async () => {
    const served = servedArchive(fixtureBundle);
    const worker = host();
    worker.watch(served.requested);
    worker.handle({ type: 'load', page: 'q=parrots' });
    await vi.waitFor(() =>
      expect(served.requested.filter((path) => served.entryFiles.includes(path)).length).toBeGreaterThan(0),
    );
    await vi.waitFor(() => expect(served.requested.some((path) => path.includes('/terms-'))).toBe(true));
    // The answer is sent ahead, unasked, for the page's first render; no search is answered before the page asks.
    await vi.waitFor(() => expect(worker.said.some(({ message }) => message.type === 'early')).toBe(true));
    expect(worker.said.filter(({ message }) => message.type === 'result')).toEqual([]);
    const fetchedAhead = [...served.requested];

    worker.handle({ type: 'search', id: 1, request: request('parrots') });
    const { response, requested } = await worker.result(1);
    const { ids } = await searchableArchive(fixtureBundle);
    expect(response.hits.map((hit) => hit.entry.id)).toEqual(ids('parrots'));
    const early = worker.said.find(({ message }) => message.type === 'early')!.message;
    expect(early.type === 'early' && early.response).toEqual(response);
    expect(requested.filter((path) => served.entryFiles.includes(path))).toEqual(
      fetchedAhead.filter((path) => served.entryFiles.includes(path)),
    );
  });

  it('loads the whole archive on its own when no search comes', async () => {
    const served = servedArchive(fixtureBundle);
    const worker = host();
    worker.handle({ type: 'load' });
    await vi.waitFor(
      () => expect(worker.said.map(({ message }) => message)).toContainEqual({ type: 'status', status: 'ready' }),
      { timeout: 5000 },
    );
    expect(new Set(served.requested.filter((path) => served.issueFiles.includes(path))).size).toBe(
      served.issueFiles.length,
    );
  });

  it('holds the whole archive back while searches keep coming, and completes it once they stop', async () => {
    // The worker's clock is the test's: the pause after each search is measured in it, whatever the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      servedArchive(fixtureBundle);
      const worker = host();
      const ready = () => worker.said.some(({ message }) => message.type === 'status' && message.status === 'ready');
      /** Lets the worker's fetches, messages and yields run, then moves its clock on by `ms`. */
      const pass = async (ms: number) => {
        for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
        await vi.advanceTimersByTimeAsync(ms);
      };
      worker.handle({ type: 'load' });
      // A reader typing for three seconds, a keystroke every 100 ms: each is answered, the index does not complete.
      const typed = 'reasoning models that plan ahead'.split('').map((_, n, all) => all.slice(0, n + 1).join(''));
      for (const [n, query] of typed.entries()) {
        worker.handle({ type: 'search', id: n + 1, request: request(query) });
        await pass(100);
      }
      expect(worker.said.filter(({ message }) => message.type === 'result').length).toBeGreaterThan(typed.length / 2);
      expect(ready()).toBe(false);
      // Once the typing stops, it does.
      for (let waited = 0; waited < 30_000 && !ready(); waited += 100) await pass(100);
      expect(ready()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a query with a filter to the complete engine', async () => {
    const served = servedArchive(fixtureBundle);
    const worker = host();
    worker.watch(served.requested);
    worker.handle({ type: 'load' });
    worker.handle({ type: 'search', id: 1, request: request('"mixture of experts"') });
    const { response, requested } = await worker.result(1);
    expect(requested.filter((path) => served.issueFiles.includes(path))).toHaveLength(served.issueFiles.length);
    expect(response.status).not.toBe('idle');
  });

  it('searches as before when the archive has no search shards', async () => {
    const served = servedArchive(fixtureBundle, false);
    const worker = host();
    worker.watch(served.requested);
    worker.handle({ type: 'load' });
    worker.handle({ type: 'search', id: 1, request: request('parrots') });
    const { requested } = await worker.result(1);
    expect(requested.some((url) => url.endsWith(SEARCH_SHARDS_PATH))).toBe(true);
    expect(requested.filter((path) => served.issueFiles.includes(path))).toHaveLength(served.issueFiles.length);
    expect(worker.said.some(({ message }) => message.type === 'error')).toBe(false);
  });
});
