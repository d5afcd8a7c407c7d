/**
 * The page's one way to search: an asynchronous client that runs the engine in a Web Worker, or on the main thread
 * (slower, but whole) where the worker cannot start or fails.
 */
import type { SearchEngine, SearchRequest, SearchResponse } from '@/features/search/lib/search-engine';
import type { RecommendRequest, RecommendResponse } from '@/features/search/lib/recommend';
import type {
  FromSearchWorker,
  ToSearchWorker,
  WireSearchRequest,
  WireSearchResponse,
} from '@/features/search/worker/protocol';
import {
  adoptPrewarmed,
  createSearchWorker,
  prewarmedSaid,
  type SearchWorkerFactory,
} from '@/features/search/lib/search-worker-start';
import { toWireRequest } from '@/features/search/worker/protocol';
import { fetchWholeBundle } from '@/lib/archive-files';
import type { Archive } from '@/lib/archive-query';
import { IndexStatusSource, type IndexStatus } from '@/features/search/lib/index-status';

/** Searches one archive; every answer is asynchronous, wherever the engine runs. */
export interface SearchClient {
  /** How far the index has got. */
  readonly status: IndexStatus;
  /** Changes whenever the client can answer more; for `useSyncExternalStore`. */
  readonly version: number;
  /** Calls `listener` whenever {@link version} changes. */
  subscribe: (listener: () => void) => () => void;
  /** Starts loading and indexing (once); searching starts it too. */
  start: () => void;
  /**
   * Answers a request from the index as it is now. `onFirstScreen` may get the answer's first hits before it resolves
   * (the first page's own query, whose rest is still downloading).
   */
  search: (request: SearchRequest, onFirstScreen?: (response: SearchResponse) => void) => Promise<SearchResponse>;
  /**
   * The answer to `request` if it is already here (the first page's own query, sent ahead by the worker), perhaps only
   * its first screen of hits, else null.
   */
  peek: (request: SearchRequest) => SearchResponse | null;
  /** Ranks the entries most like the reader's bookmarks ("For you"), wherever the engine runs. */
  recommend: (request: RecommendRequest) => Promise<RecommendResponse>;
}

type EarlyAnswer = Extract<FromSearchWorker, { type: 'early' }>;

const isEarly = (message: FromSearchWorker): message is EarlyAnswer => message.type === 'early';

/**
 * Whether an answer to `asked` answers `request` too. Only plain queries are answered ahead (no facet selected), and
 * their hits do not depend on the reader's bookmarks or read entries.
 */
function answersSame(asked: WireSearchRequest, request: SearchRequest): boolean {
  return (
    asked.query === request.query &&
    asked.sort === request.sort &&
    asked.groupByPaper === request.groupByPaper &&
    asked.limit === request.limit &&
    Object.values(request.selection).every((values) => !values || values.length === 0)
  );
}

interface PendingSearch {
  request: SearchRequest;
  onFirstScreen?: (response: SearchResponse) => void;
  resolve: (response: SearchResponse) => void;
  reject: (error: unknown) => void;
}

interface PendingRecommendation {
  request: RecommendRequest;
  resolve: (response: RecommendResponse) => void;
  reject: (error: unknown) => void;
}

/** Ranks "For you" with the engine's entries on the main thread; the recommender loads with it, on demand. */
function recommendOnMainThread(engine: Promise<SearchEngine>, request: RecommendRequest): Promise<RecommendResponse> {
  return Promise.all([engine, import('@/features/search/lib/recommend')])
    .then(([{ entries }, { recommenderFor }]) => recommenderFor(entries))
    .then((recommender) => recommender.recommend(request));
}

/** A {@link SearchClient} that prefers a worker and falls back to the main thread for good on its first failure. */
class ArchiveSearchClient extends IndexStatusSource implements SearchClient {
  private worker: Worker | null = null;
  private fallback: Promise<SearchEngine> | null = null;
  private readonly pending = new Map<number, PendingSearch>();
  private readonly pendingRecommendations = new Map<number, PendingRecommendation>();
  private nextId = 1;
  private started = false;
  /** The worker's answer to the first page's own query, sent ahead. */
  private early: EarlyAnswer | null = null;

  constructor(
    private readonly archive: Archive,
    private readonly createWorker: SearchWorkerFactory,
  ) {
    super();
  }

  private setStatus(status: IndexStatus) {
    if (status !== this.status) this.announce(status);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const warm = this.createWorker === createSearchWorker ? adoptPrewarmed() : null;
    let worker: Worker;
    try {
      worker = warm?.worker ?? this.createWorker();
    } catch {
      this.fallBack();
      return;
    }
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<FromSearchWorker>) => this.receive(event.data));
    worker.addEventListener('error', () => this.fallBack());
    worker.addEventListener('messageerror', () => this.fallBack());
    if (warm?.failed) {
      this.fallBack();
      return;
    }
    for (const message of warm?.said ?? []) this.receive(message);
    if (!warm) this.post({ type: 'load' });
  }

  peek(request: SearchRequest): SearchResponse | null {
    if (this.fallback) return null;
    // Before start() has adopted the prewarmed worker, what that worker has said so far.
    const adoptable = !this.started && this.createWorker === createSearchWorker;
    const early = this.early ?? (adoptable ? prewarmedSaid().findLast(isEarly) : undefined);
    return early && answersSame(early.request, request) ? this.resolveHits(early.response) : null;
  }

  /** The early answer, while the worker would still answer `request` from the shards exactly so; else null. */
  private earlyAnswerTo(request: SearchRequest): EarlyAnswer | null {
    return this.early && this.status !== 'ready' && answersSame(this.early.request, request) ? this.early : null;
  }

  search(request: SearchRequest, onFirstScreen?: (response: SearchResponse) => void): Promise<SearchResponse> {
    this.start();
    if (this.fallback) return this.fallback.then((engine) => engine.search(request));
    const early = this.earlyAnswerTo(request);
    if (early?.complete) return Promise.resolve(this.resolveHits(early.response));
    if (early) onFirstScreen?.(this.resolveHits(early.response));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { request, onFirstScreen, resolve, reject });
      this.post({ type: 'search', id, request: toWireRequest(request) });
    });
  }

  recommend(request: RecommendRequest): Promise<RecommendResponse> {
    this.start();
    if (this.fallback) return recommendOnMainThread(this.fallback, request);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pendingRecommendations.set(id, { request, resolve, reject });
      this.post({ type: 'recommend', id, request });
    });
  }

  private post(message: ToSearchWorker) {
    try {
      this.worker?.postMessage(message);
    } catch {
      this.fallBack();
    }
  }

  private receive(message: FromSearchWorker) {
    if (this.fallback) return;
    if (message.type === 'early') this.answerEarly(message);
    else if (message.type === 'status') this.setStatus(message.status);
    else if (message.type === 'error') this.fallBack();
    else if (message.type === 'no-early') return;
    else if (message.type === 'recommendations') {
      const pending = this.pendingRecommendations.get(message.id);
      this.pendingRecommendations.delete(message.id);
      pending?.resolve(message.response);
    } else {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      pending?.resolve(this.resolveHits(message.response));
    }
  }

  /** Keeps the early answer, and gives it to the searches waiting for it now rather than when the worker gets to them. */
  private answerEarly(message: EarlyAnswer) {
    this.early = message;
    for (const [id, { request, onFirstScreen, resolve }] of this.pending) {
      const early = this.earlyAnswerTo(request);
      if (!early) continue;
      const response = this.resolveHits(early.response);
      if (!early.complete) {
        onFirstScreen?.(response);
        continue;
      }
      this.pending.delete(id);
      resolve(response);
    }
  }

  /** Adds each hit's issue, from the page's catalogue. */
  private resolveHits(response: WireSearchResponse): SearchResponse {
    const { issueById } = this.archive;
    return { ...response, hits: response.hits.map((hit) => ({ ...hit, issue: issueById.get(hit.entry.issueId) })) };
  }

  /** Searches on the main thread from now on, and answers what the worker left unanswered. */
  private fallBack() {
    if (this.fallback) return;
    this.worker?.terminate();
    this.worker = null;
    // Loaded on demand so MiniSearch stays out of the page's JavaScript while the worker does the work.
    const whole = this.archive.complete ? Promise.resolve(this.archive.bundle) : fetchWholeBundle();
    this.fallback = Promise.all([import('@/features/search/lib/search-engine'), whole]).then(
      ([{ engineFor }, bundle]) => {
        const engine = engineFor(bundle);
        engine.subscribe(() => this.setStatus(engine.status));
        void engine.start();
        this.setStatus(engine.status);
        return engine;
      },
    );
    const unanswered = [...this.pending.values()];
    this.pending.clear();
    // A failed download fails the searches waiting for it, as it fails later ones, rather than leaving them waiting.
    this.fallback.then(
      (engine) => {
        for (const { request, resolve } of unanswered) resolve(engine.search(request));
      },
      (error: unknown) => {
        for (const { reject } of unanswered) reject(error);
      },
    );
    const unrecommended = [...this.pendingRecommendations.values()];
    this.pendingRecommendations.clear();
    for (const { request, resolve, reject } of unrecommended) {
      recommendOnMainThread(this.fallback, request).then(resolve, reject);
    }
  }
}

const clients = new WeakMap<object, SearchClient>();

/**
 * The one search client for a load of the archive, partial or whole ({@link Archive.origin}): the index is built once,
 * never per keystroke, route change or the whole archive arriving after the catalogue.
 */
export function clientFor(archive: Archive, createWorker: SearchWorkerFactory = createSearchWorker): SearchClient {
  let client = clients.get(archive.origin);
  if (!client) {
    client = new ArchiveSearchClient(archive, createWorker);
    clients.set(archive.origin, client);
  }
  return client;
}
