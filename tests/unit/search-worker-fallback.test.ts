import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientFor, type SearchClient } from '@/features/search/lib/search-client';
import type { SearchRequest, SearchResponse } from '@/features/search/lib/search-engine';
import { toWireRequest, type FromSearchWorker, type ToSearchWorker } from '@/features/search/worker/protocol';
import { parseQuery } from '@/features/search/lib/query-parser';
import { prewarmSearchWorker } from '@/features/search/lib/search-worker-start';
import { createSearchHost } from '@/features/search/worker/search-host';
import { indexArchive, partialArchive, type Archive } from '@/lib/archive-query';
import { parseCatalogue } from '@/shared/archive-layout';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { archiveFetch } from '../support/render-app';
import { fixtureBundle } from '../support/fixture-bundle';
import { servedArchive } from '../support/served-archive';

const SQLITE_ENTRY = '2024-11-02-ai-identifies-database-vulnerability';

function request(query: string, groupByPaper = false): SearchRequest {
  return { query, selection: {}, sort: 'relevance', groupByPaper, bookmarkedIds: new Set(), limit: 20 };
}

/** A fresh archive, so each test gets its own client. */
function archive(): Archive {
  return indexArchive(structuredClone(fixtureBundle));
}

function ready(client: SearchClient): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.status === 'ready') resolve();
    };
    client.subscribe(check);
    client.start();
    check();
  });
}

/** Asks once the index is complete. */
async function searchWhenReady(client: SearchClient, query: string, groupByPaper = false): Promise<SearchResponse> {
  await ready(client);
  return client.search(request(query, groupByPaper));
}

/** A stand-in for the worker thread that runs the real worker code, copying messages as postMessage does. */
class InProcessWorker extends EventTarget {
  readonly received: ToSearchWorker[] = [];
  private readonly handle = createSearchHost((message: FromSearchWorker) =>
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: structuredClone(message) }))),
  );
  terminated = false;

  postMessage(message: ToSearchWorker) {
    this.received.push(message);
    this.handle(structuredClone(message));
  }

  terminate() {
    this.terminated = true;
  }
}

/** A worker that accepts messages but never answers; the test makes it fail. */
class SilentWorker extends EventTarget {
  readonly received: ToSearchWorker[] = [];
  terminated = false;
  postMessage(message: ToSearchWorker) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

const hitIds = (response: SearchResponse) => response.hits.map((hit) => hit.entry.id);

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(archiveFetch()));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('search client', () => {
  it('searches on the main thread where there are no Web Workers', async () => {
    expect(typeof Worker).toBe('undefined');
    const response = await searchWhenReady(clientFor(archive()), 'sqlite');
    expect(hitIds(response)).toEqual([SQLITE_ENTRY]);
    expect(response.hits[0]!.snippet.filter((segment) => segment.mark).map((segment) => segment.text)).toContain(
      'SQLite',
    );
  });

  it('searches on the main thread when the worker cannot be created', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('blocked by policy');
        }
      },
    );
    const response = await searchWhenReady(clientFor(archive()), 'sqlite');
    expect(hitIds(response)).toEqual([SQLITE_ENTRY]);
  });

  it('answers the searches a failing worker left unanswered, then keeps searching on the main thread', async () => {
    const worker = new SilentWorker();
    const client = clientFor(archive(), () => worker as unknown as Worker);
    const pending = client.search(request('sqlite'));
    expect(worker.received.map((message) => message.type)).toEqual(['load', 'search']);

    worker.dispatchEvent(new Event('error'));
    const answered = await pending;
    expect(worker.terminated).toBe(true);
    // Answered from the main thread's index as it was then; the client then reports progress until it is whole.
    expect(answered.parsed.words).toEqual(['sqlite']);
    expect(hitIds(await searchWhenReady(client, 'sqlite'))).toEqual([SQLITE_ENTRY]);
  });

  it('fails the searches a failing worker left unanswered when the archive cannot be downloaded, instead of leaving them waiting', async () => {
    const worker = new SilentWorker();
    // Only the catalogue is in, as on a first page: searching on the main thread needs the other issues' files.
    const catalogue = parseCatalogue(JSON.parse(layoutArchive(fixtureBundle).catalogue.json));
    const client = clientFor(partialArchive(catalogue, new Map()), () => worker as unknown as Worker);
    const pending = client.search(request('sqlite'));
    const recommending = client.recommend({ bookmarkedIds: [SQLITE_ENTRY], readIds: [], includeRead: false, limit: 5 });
    // The connection drops: the main thread cannot download the issues it needs to search instead.
    vi.stubGlobal('fetch', vi.fn(archiveFetch('network-error')));
    worker.dispatchEvent(new Event('error'));
    await expect(pending).rejects.toThrow('The archive could not be downloaded. Check your connection and try again.');
    await expect(recommending).rejects.toThrow('The archive could not be downloaded.');
    await expect(client.search(request('sqlite'))).rejects.toThrow('The archive could not be downloaded.');
  });

  it('falls back when the worker reports that it cannot load the archive', async () => {
    const worker = new SilentWorker();
    const client = clientFor(archive(), () => worker as unknown as Worker);
    client.start();
    worker.dispatchEvent(
      new MessageEvent('message', {
        data: { type: 'error', message: 'search-worker: error: HTTP 404' } satisfies FromSearchWorker,
      }),
    );
    expect(hitIds(await searchWhenReady(client, 'sqlite'))).toEqual([SQLITE_ENTRY]);
    expect(worker.terminated).toBe(true);
  });

  it("shows the first page's first screen of results as soon as the worker sends it, and the rest without asking again", async () => {
    const worker = new SilentWorker();
    const bundleArchive = archive();
    const client = clientFor(bundleArchive, () => worker as unknown as Worker);
    const say = (message: FromSearchWorker) => worker.dispatchEvent(new MessageEvent('message', { data: message }));
    const [first, second] = bundleArchive.entries;
    const wireHit = (entry: typeof first) => ({
      entry: entry!,
      fields: ['headline' as const],
      headline: [{ text: entry!.headline, mark: false }],
      snippet: [],
      coverage: [entry!],
    });
    const early = (hits: ReturnType<typeof wireHit>[], complete: boolean): FromSearchWorker => ({
      type: 'early',
      request: toWireRequest(request('agents')),
      response: {
        parsed: parseQuery('agents'),
        facets: [],
        sort: 'relevance',
        suggestion: null,
        correction: null,
        status: 'partial',
        hits,
        total: 2,
      },
      complete,
    });
    const firstScreens: SearchResponse[] = [];
    const answered = client.search(request('agents'), (response) => firstScreens.push(response));
    expect(worker.received.map((message) => message.type)).toEqual(['load', 'search']);

    say(early([wireHit(first)], false));
    expect(firstScreens.map(hitIds)).toEqual([[first!.id]]);
    // The hits carry their issues, from the page's catalogue, as every answer does.
    expect(firstScreens[0]!.hits[0]!.issue).toBe(bundleArchive.issueById.get(first!.issueId));
    say(early([wireHit(first), wireHit(second)], true));
    expect(hitIds(await answered)).toEqual([first!.id, second!.id]);

    // Asked again before the index is complete, the client answers from what the worker sent, without a round trip.
    expect(hitIds(await client.search(request('agents')))).toEqual([first!.id, second!.id]);
    expect(worker.received.filter((message) => message.type === 'search')).toHaveLength(1);
    // Once the index is complete the worker answers: facets and all.
    say({ type: 'status', status: 'ready' });
    void client.search(request('agents'));
    expect(worker.received.filter((message) => message.type === 'search')).toHaveLength(2);
  });

  it('searches through the worker the page started before its code loaded, and starts no second one', async () => {
    // The search shards too: the first page's answer, sent ahead, comes from them.
    servedArchive(fixtureBundle);
    let constructed = 0;
    vi.stubGlobal(
      'Worker',
      class extends InProcessWorker {
        constructor() {
          super();
          constructed++;
        }
      },
    );
    // What public/search-start.js leaves behind on a first page at /search?q=sqlite: the worker, and what it said.
    const early = new Worker('/assets/search-worker.js') as unknown as InProcessWorker;
    const said: FromSearchWorker[] = [];
    const keep = (event: Event) => said.push((event as MessageEvent<FromSearchWorker>).data);
    early.addEventListener('message', keep);
    early.postMessage({ type: 'load', page: 'q=sqlite' });
    const detach = () => early.removeEventListener('message', keep);
    vi.stubGlobal('__frontierReaderSearchWorker', { worker: early, said, failed: false, detach });
    // What src/app/app.tsx does on a first page at /search.
    prewarmSearchWorker(new URLSearchParams('q=sqlite'));

    const client = clientFor(archive());
    // The worker sends the first page's answer ahead; the page can show it before it has asked.
    await vi.waitFor(() => expect(client.peek(request('sqlite'))).not.toBeNull());
    expect(hitIds(client.peek(request('sqlite'))!)).toEqual([SQLITE_ENTRY]);
    expect(client.peek(request('sqlite'))!.hits[0]!.issue).toBeDefined();
    expect(client.peek(request('mixture'))).toBeNull();
    const response = await searchWhenReady(client, 'sqlite');
    expect(hitIds(response)).toEqual([SQLITE_ENTRY]);
    expect(constructed).toBe(1);
    expect(early.received.map((message) => message.type)).toContain('search');
  });

  it('gives the same answers through the worker as on the main thread, entries and issues included', async () => {
    const workerArchive = archive();
    const viaWorker = clientFor(workerArchive, () => new InProcessWorker() as unknown as Worker);
    const onMainThread = clientFor(archive());
    for (const [query, grouped] of [
      ['sqlite', false],
      ['mixture', true],
      ['bigg sleep', false],
      ['parrtos', false],
      ['arXiv:2410.21647', false],
      ['', false],
    ] as const) {
      const [worker, main] = [
        await searchWhenReady(viaWorker, query, grouped),
        await searchWhenReady(onMainThread, query, grouped),
      ];
      expect(worker.total).toBe(main.total);
      expect(hitIds(worker)).toEqual(hitIds(main));
      expect(
        worker.hits.map((hit) => [hit.headline, hit.snippet, hit.fields, hit.coverage.map((entry) => entry.id)]),
      ).toEqual(main.hits.map((hit) => [hit.headline, hit.snippet, hit.fields, hit.coverage.map((entry) => entry.id)]));
      expect(worker.facets).toEqual(main.facets);
      expect(worker.suggestion).toBe(main.suggestion);
      expect(worker.correction).toBe(main.correction);
    }
    const [hit] = (await viaWorker.search(request('sqlite'))).hits;
    expect(hit!.entry).toEqual(workerArchive.entryById.get(SQLITE_ENTRY));
    expect(hit!.issue).toBe(workerArchive.issueById.get(hit!.entry.issueId));
  });
});
