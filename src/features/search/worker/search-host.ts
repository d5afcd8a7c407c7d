/**
 * What the search worker does with each message, apart from the thread it runs on: fetch and validate the archive's
 * files itself (so the page never copies them across), build the index, and answer searches with entry ids.
 * Until the index is complete, plain queries are answered from the prebuilt search shards ({@link FirstAnswer}), and
 * the whole archive downloads only after the first of those answers, so the two never compete.
 */
import { recommenderFor } from '@/features/search/lib/recommend';
import { loadFirstAnswer, type FirstAnswer } from '@/features/search/lib/first-answer';
import { SearchEngine } from '@/features/search/lib/search-engine';
import { firstPageRequest } from '@/features/search/lib/search-params';
import { toWireResponse, type FromSearchWorker, type ToSearchWorker } from '@/features/search/worker/protocol';
import { fetchCatalogue, fetchWholeBundle } from '@/lib/archive-files';
import { remember } from '@/lib/remember';
import { yieldToMain } from '@/lib/yield-to-main';
import type { Catalogue } from '@/shared/archive-layout';

/** Longer slices than on the main thread: they only delay searches that arrive while the index is being built. */
const WORKER_SLICE_MS = 25;

/** How long after a first answer the whole archive waits, so its downloads do not hold up the page drawing that answer. */
const AFTER_FIRST_ANSWER_MS = 400;

/** How long after `load` the whole archive waits for a first search (answered from the shards) before it downloads. */
const IDLE_START_MS = 1000;

/**
 * How long downloading and indexing the whole archive hold off after each search: while the reader types, each
 * keystroke's answer and the page's paint come first (on two cores the background work slowed keystrokes 2–3×).
 */
const TYPING_PAUSE_MS = 300;

function describe(error: unknown): string {
  return `search-worker: error: ${error instanceof Error ? error.message : String(error)}`;
}

async function loadEngine(
  post: (message: FromSearchWorker) => void,
  catalogue: () => Promise<Catalogue>,
  giveWay: () => Promise<void>,
): Promise<SearchEngine> {
  const bundle = await fetchWholeBundle(undefined, await catalogue(), giveWay);
  const engine = new SearchEngine(bundle.entries, bundle.issues, bundle.topics);
  engine.subscribe(() => post({ type: 'status', status: engine.status }));
  void engine.start({ sliceMs: WORKER_SLICE_MS, yieldToMain: giveWay });
  return engine;
}

/** A function that turns a list of ids into a set, the same set as long as the list stays the same. */
function lastSet(): (ids: readonly string[]) => ReadonlySet<string> {
  let last: { key: string; ids: ReadonlySet<string> } = { key: '', ids: new Set() };
  return (ids) => {
    const key = ids.join('\n');
    if (key !== last.key) last = { key, ids: new Set(ids) };
    return last.ids;
  };
}

/** A message handler that answers through `post`; one per worker. */
export function createSearchHost(post: (message: FromSearchWorker) => void): (message: ToSearchWorker) => void {
  let engine: Promise<SearchEngine> | null = null;
  /** The engine once loaded, to tell whether it is complete. */
  let loaded: SearchEngine | null = null;
  let firstAnswer: Promise<FirstAnswer | null> | null = null;
  /** Starts downloading the whole archive for the engine (once): after a first answer, or when none can be given. */
  let startEngine = () => {};
  /** Searches being answered from the shards: the whole archive waits for them, so the two never compete. */
  let answering = 0;
  // The last bookmark and read lists seen, each as one set, so the engine rebuilds a table only when its list changes.
  const bookmarkSet = lastSet();
  const readSet = lastSet();

  // The shards' meta file, when the page downloads it for the worker (`load`'s shardsMetaFromPage).
  let shardsMetaArrived: (body: ArrayBuffer | null) => void = () => {};
  const shardsMetaFromPage = new Promise<ArrayBuffer | null>((resolve) => (shardsMetaArrived = resolve));

  // The catalogue, downloaded once for the engine and any first answer in the newest issue; a failure is tried again.
  const catalogue = remember(() => fetchCatalogue());

  // Background work gives way between slices, and waits while searches keep coming (TYPING_PAUSE_MS).
  let quietFrom = 0;
  const giveWay = async () => {
    await yieldToMain();
    for (let wait = quietFrom - performance.now(); wait > 0; wait = quietFrom - performance.now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };

  return (message) => {
    if (message.type === 'search') quietFrom = performance.now() + TYPING_PAUSE_MS;
    if (message.type === 'shards-meta') {
      shardsMetaArrived(message.body);
      return;
    }
    if (message.type === 'load') {
      if (engine) return;
      const early = message.page === undefined ? null : firstPageRequest(new URLSearchParams(message.page));
      firstAnswer = loadFirstAnswer(catalogue, message.shardsMetaFromPage ? shardsMetaFromPage : undefined);
      const started = new Promise<void>((resolve) => (startEngine = resolve));
      engine = started.then(() => loadEngine(post, catalogue, giveWay));
      engine.then(
        (ready) => {
          loaded = ready;
        },
        (error: unknown) => post({ type: 'error', message: describe(error) }),
      );
      void firstAnswer.then((answerer) => answerer ?? startEngine());
      setTimeout(() => answering === 0 && startEngine(), IDLE_START_MS);
      if (early) {
        // Fetches the chunks and entry files of the answer (each fetch is kept), so the page's own search finds them here,
        // and sends the answer ahead, its first screen first, so the page can show it as soon as it renders.
        answering++;
        void firstAnswer
          .then((answerer) =>
            answerer?.answer(early, (firstScreen) =>
              post({ type: 'early', request: early, response: firstScreen, complete: false }),
            ),
          )
          .then((response) => {
            post(response ? { type: 'early', request: early, response, complete: true } : { type: 'no-early' });
          })
          .catch(() => post({ type: 'no-early' }))
          .finally(() => answering--);
      } else if (message.page !== undefined) {
        // A first search page without a query has no early answer; the page stops waiting for one.
        post({ type: 'no-early' });
      }
      return;
    }
    if (!engine) {
      post({ type: 'error', message: describe('search before load') });
      return;
    }
    // Only a search may be answered before the whole archive is in.
    if (message.type !== 'search') startEngine();
    // "For you": ranked from the engine's entries by the recommender, built in slices on the first request.
    if (message.type === 'recommend') {
      const { id, request } = message;
      void engine.then(
        async (ready) => {
          try {
            const recommender = await recommenderFor(ready.entries, { sliceMs: WORKER_SLICE_MS });
            post({ type: 'recommendations', id, response: recommender.recommend(request) });
          } catch (error) {
            post({ type: 'error', message: describe(error) });
          }
        },
        // The failed load has already been reported.
        () => undefined,
      );
      return;
    }
    const { id, request } = message;
    const whole = engine;
    const fromEngine = () => {
      startEngine();
      void whole.then(
        (ready) => {
          try {
            post({
              type: 'result',
              id,
              response: toWireResponse(
                ready.search({
                  ...request,
                  bookmarkedIds: bookmarkSet(request.bookmarkedIds),
                  readIds: readSet(request.readIds ?? []),
                }),
              ),
            });
          } catch (error) {
            post({ type: 'error', message: describe(error) });
          }
        },
        // The failed load has already been reported.
        () => undefined,
      );
    };
    if (!firstAnswer || loaded?.status === 'ready') {
      fromEngine();
      return;
    }
    // Before the engine is complete, a plain query is answered from the shards; anything else waits for the engine.
    answering++;
    void firstAnswer
      .then((answerer) => (answerer && loaded?.status !== 'ready' ? answerer.answer(request) : null))
      .catch(() => null)
      .then((response) => {
        answering--;
        if (!response) return fromEngine();
        post({ type: 'result', id, response });
        setTimeout(startEngine, AFTER_FIRST_ANSWER_MS);
      });
  };
}
