/**
 * What the browser benchmark measures in one page, cold (a new browser context, so no HTTP cache, and service
 * workers blocked): when a target element is first on screen, the bytes the server sent up to then, the main
 * thread's JS heap, keystroke input-to-next-paint from the Event Timing API, and the longest main-thread task.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { ServedRequest, StaticServer } from './static-server';

/** Reported Event Timing entries start at this duration (the API's minimum); a keystroke not reported took less. */
export const EVENT_THRESHOLD_MS = 16;

/** Typed one character at a time after the first answer; lower case, so every character is one key. */
export const TYPED_QUERIES = ['mixture of experts', 'reasoning', 'speculative decoding'] as const;

/** Between two keystrokes: a quick typist (about 80 words a minute). */
export const KEY_DELAY_MS = 150;

/** How long a target may take to appear before the measurement gives up on it. */
const TARGET_TIMEOUT_MS = 180_000;

/** After typing, time for the last keystroke's results to render before the entries are read. */
const SETTLE_MS = 1500;

/** The page function the probe reports through; prefixed so it cannot clash with a page's own globals. */
const BINDING = '__browserBenchReached';

/** An element to wait for, reported once on screen. */
interface Target {
  name: string;
  selector: string;
}

/** What the probe keeps in the page (`window.__browserBench`). */
interface ProbeState {
  longTasks: number[];
  events: { interactionId: number; startTime: number; duration: number }[];
}

/**
 * Runs in every document before its own scripts: observes long tasks and Event Timing entries, and reports each
 * target through the binding at the first animation frame after it is in the DOM with a box (laid out, not hidden).
 * Source text rather than a function, because tsx wraps nested functions in a `__name` helper the page lacks.
 */
function probeScript(targets: readonly Target[]): string {
  return `(() => {
  const state = { longTasks: [], events: [] };
  window.__browserBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId)
        state.events.push({ interactionId: entry.interactionId, startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'event', durationThreshold: ${EVENT_THRESHOLD_MS}, buffered: true });
  const waiting = ${JSON.stringify(targets)};
  const observer = new MutationObserver(() => {
    for (const target of [...waiting]) {
      const element = document.querySelector(target.selector);
      if (!element) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      waiting.splice(waiting.indexOf(target), 1);
      requestAnimationFrame(() => window.${BINDING}(target.name, performance.now()));
    }
    if (waiting.length === 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;
}

/** A target as reached: milliseconds since navigation start, and what the server had sent since then. */
export interface Reached {
  ms: number;
  bytes: number;
  /** The requests since navigation start, with the bytes sent for each by then. */
  requests: ServedRequest[];
}

/** A cold page with the probe installed. */
interface ProbedPage {
  context: BrowserContext;
  page: Page;
  /** A DevTools session on the page, through which the measurement reads it. */
  session: CDPSession;
  /** Resolves when the target is on screen; rejects after the timeout. */
  reached: (name: string) => Promise<Reached>;
}

async function openProbedPage(
  browser: Browser,
  server: StaticServer,
  url: string,
  targets: Target[],
): Promise<ProbedPage> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const reached = new Map<string, Reached>();
  const waiters = new Map<string, (value: Reached) => void>();
  let bytesAtStart = 0;
  let requestsAtStart = 0;
  await context.exposeBinding(BINDING, (_source, name: string, ms: number) => {
    const requests = server
      .requests()
      .slice(requestsAtStart)
      .map((request) => ({ ...request }));
    const value = { ms, bytes: server.bytesSent() - bytesAtStart, requests };
    reached.set(name, value);
    waiters.get(name)?.(value);
  });
  await context.addInitScript({ content: probeScript(targets) });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  bytesAtStart = server.bytesSent();
  requestsAtStart = server.requests().length;
  await page.goto(`${server.origin}${url}`, { waitUntil: 'commit' });
  return {
    context,
    page,
    session,
    reached: (name) => {
      const done = reached.get(name);
      if (done) return Promise.resolve(done);
      return new Promise<Reached>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${url}: ${name} was not on screen after ${TARGET_TIMEOUT_MS / 1000} s`)),
          TARGET_TIMEOUT_MS,
        );
        waiters.set(name, (value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
  };
}

/** The main thread's JS heap after a full garbage collection, in bytes. */
async function mainThreadHeap(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
  if (!used) throw new Error('Performance.getMetrics: error: no JSHeapUsedSize');
  return used.value;
}

/**
 * Evaluates `expression` in the page through the DevTools protocol, by value. Not `page.evaluate` or a locator:
 * Playwright compiles its own scripts into the page for those, the first time in each document, in main-thread tasks
 * of 15–40 ms that the page under test would be charged for.
 */
async function evaluate<T>(session: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) {
    const thrown = exceptionDetails.exception?.description ?? exceptionDetails.text;
    throw new Error(`Runtime.evaluate: error: ${thrown.split('\n')[0]}`);
  }
  return result.value as T;
}

async function probeState(session: CDPSession): Promise<ProbeState> {
  return evaluate<ProbeState>(session, 'window.__browserBench');
}

/**
 * Types each query into `input` one key at a time after clearing it, and returns each keystroke's input-to-next-paint
 * latency: the longest Event Timing entry of its interaction, or {@link EVENT_THRESHOLD_MS} when none was reported.
 * Keys go through the browser's input pipeline, as a reader's do.
 */
async function typeQueries(page: Page, session: CDPSession, input: string): Promise<number[]> {
  const latencies: number[] = [];
  // The box may come a moment after the first answer: our search page draws that answer before the app's first render.
  const focusAndSelect = `(async () => {
    const find = () => document.querySelector(${JSON.stringify(input)});
    for (let waited = 0; !(find() instanceof HTMLInputElement); waited += 20) {
      if (waited > 10000) throw new Error('no search box at ' + ${JSON.stringify(input)});
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    find().focus();
    find().select();
  })()`;
  for (const query of TYPED_QUERIES) {
    await evaluate(session, focusAndSelect);
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(1000);
    const start = await evaluate<number>(session, 'performance.now()');
    await page.keyboard.type(query, { delay: KEY_DELAY_MS });
    await page.waitForTimeout(SETTLE_MS);
    // Keys that missed the box would be measured as keystrokes too fast to report.
    const typed = await evaluate<string>(session, `document.querySelector(${JSON.stringify(input)}).value`);
    if (typed !== query) throw new Error(`${input}: error: typed "${query}", the box holds "${typed}"`);
    const byInteraction = new Map<number, number>();
    for (const event of (await probeState(session)).events) {
      if (event.startTime < start) continue;
      byInteraction.set(event.interactionId, Math.max(byInteraction.get(event.interactionId) ?? 0, event.duration));
    }
    const reported = [...byInteraction.values()];
    latencies.push(
      ...reported,
      ...Array.from({ length: Math.max(0, query.length - reported.length) }, () => EVENT_THRESHOLD_MS),
    );
  }
  return latencies;
}

/** The home page, cold: when the latest issue's first headline is on screen. */
export interface HomeResult extends Reached {
  /** Longest main-thread task up to then; 0 when none reached the Long Tasks API's 50 ms. */
  longestTask: number;
}

/** Opens `/` cold and waits for `headlineSelector` (the latest issue's first headline) on screen. */
export async function measureHome(
  browser: Browser,
  server: StaticServer,
  headlineSelector: string,
): Promise<HomeResult> {
  const { context, session, reached } = await openProbedPage(browser, server, '/', [
    { name: 'home', selector: headlineSelector },
  ]);
  try {
    const home = await reached('home');
    const longestTask = Math.max(0, ...(await probeState(session)).longTasks);
    return { ...home, longestTask };
  } finally {
    await context.close();
  }
}

/** A search page, cold: the first answer, the heap then, and typing afterwards. */
export interface SearchResult extends Reached {
  heap: number;
  keystrokes: number[];
  /** Longest main-thread task from navigation through typing; 0 when none reached 50 ms. */
  longestTask: number;
}

/** Opens `url` cold, waits for `resultSelector` on screen, reads the heap, then types into `inputSelector`. */
export async function measureSearch(
  browser: Browser,
  server: StaticServer,
  url: string,
  resultSelector: string,
  inputSelector: string,
): Promise<SearchResult> {
  const { context, page, session, reached } = await openProbedPage(browser, server, url, [
    { name: 'answer', selector: resultSelector },
  ]);
  try {
    const answer = await reached('answer');
    const heap = await mainThreadHeap(session);
    const keystrokes = await typeQueries(page, session, inputSelector);
    const longestTask = Math.max(0, ...(await probeState(session)).longTasks);
    return { ...answer, heap, keystrokes, longestTask };
  } finally {
    await context.close();
  }
}
