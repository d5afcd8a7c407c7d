/**
 * Renders the whole app (real routes, layout and providers) at a path, with the archive fetch mocked.
 * Every component test goes through this one helper so routes are exercised the way users reach them.
 */
import { QueryClient } from '@tanstack/react-query';
import { configure, render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import {
  MemoryRouter,
  useLocation,
  useNavigate,
  useNavigationType,
  type Location,
  type NavigationType,
} from 'react-router';
import { onTestFinished, vi, type Mock } from 'vitest';
import { AppProvider } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import { CATALOGUE_PATH } from '@/shared/archive-layout';
import { BUNDLE_PATH, type ArchiveBundle } from '@/shared/bundle';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { fixtureBundle } from './fixture-bundle';

// Route modules load lazily; on a busy machine that can take longer than the default one second.
configure({ asyncUtilTimeout: 5000 });

/** How the mocked server answers the archive request. */
export type ArchiveResponse =
  /** 200 with `bundle` as JSON (default). */
  | 'ok'
  /** fetch rejects, as when offline with nothing cached. */
  | 'network-error'
  /** 404 Not Found. */
  | 'not-found'
  /** 500 Internal Server Error. */
  | 'server-error'
  /** 200 with a body that is not JSON. */
  | 'malformed-json';

export interface RenderAppOptions {
  /** What the archive request returns; may be any JSON to test validation. Defaults to the fixture. */
  bundle?: unknown;
  /** How the archive request is answered; defaults to 'ok'. Ignored when `fetchImpl` is given. */
  response?: ArchiveResponse;
  /** Full control over fetch, e.g. to fail once and then succeed. */
  fetchImpl?: typeof fetch;
  /** Extra history entries before `path`, oldest first, for back-navigation tests. */
  history?: string[];
}

export interface RenderAppResult extends RenderResult {
  user: UserEvent;
  /** Where the app is, and a way to move it, as a test would ask a router. */
  router: TestRouter;
  queryClient: QueryClient;
  /** The mocked global fetch, to count or inspect requests. */
  fetchMock: Mock<typeof fetch>;
}

/** The app's current location and history action, and its navigate function. */
export interface TestRouter {
  readonly state: { location: Location; historyAction: NavigationType };
  navigate: (to: string | number) => Promise<void>;
}

function createTestRouter() {
  let location: Location | undefined;
  let historyAction: NavigationType | undefined;
  let navigate: ((to: string | number) => void) | undefined;
  const router: TestRouter = {
    get state() {
      if (!location || !historyAction) throw new Error('render-app: the router has not rendered yet');
      return { location, historyAction };
    },
    navigate: (to) => {
      if (!navigate) throw new Error('render-app: the router has not rendered yet');
      if (typeof to === 'number') navigate(to);
      else navigate(to);
      return Promise.resolve();
    },
  };
  /** Renders nothing; reports the router's state to the test. */
  function RouterProbe() {
    location = useLocation();
    historyAction = useNavigationType();
    const navigateTo = useNavigate();
    navigate = (to) => void (typeof to === 'number' ? navigateTo(to) : navigateTo(to));
    return null;
  }
  return { router, RouterProbe };
}

/** The archive's files as the build writes them for `bundle`: the whole bundle, the catalogue and one file per issue. */
function archiveFiles(bundle: unknown): Map<string, unknown> {
  const files = new Map<string, unknown>([[BUNDLE_PATH, bundle]]);
  try {
    const layout = layoutArchive(bundle as ArchiveBundle);
    for (const file of [layout.catalogue, ...layout.issueFiles]) files.set(file.path, JSON.parse(file.json));
  } catch {
    // A bundle too broken to split is what a broken catalogue looks like to the app, too.
    files.set(CATALOGUE_PATH, bundle);
  }
  return files;
}

/** A fetch that answers every archive file (bundle, catalogue, issue files) as `response` says and 404s anything else. */
export function archiveFetch(response: ArchiveResponse = 'ok', bundle: unknown = fixtureBundle): typeof fetch {
  const files = archiveFiles(bundle);
  return (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = [...files.keys()].find((path) => url.endsWith(path));
    if (file === undefined) return Promise.resolve(new Response('Not found', { status: 404, statusText: 'Not Found' }));
    // fetch reports a network failure by rejecting, never by throwing synchronously.
    if (response === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(archiveResponse(response, files.get(file)));
  };
}

function archiveResponse(response: Exclude<ArchiveResponse, 'network-error'>, bundle: unknown): Response {
  switch (response) {
    case 'not-found':
      return new Response('Not found', { status: 404, statusText: 'Not Found' });
    case 'server-error':
      return new Response('Server error', { status: 500, statusText: 'Internal Server Error' });
    case 'malformed-json':
      return new Response('{"schemaVersion": 1, "issues": [', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    case 'ok':
      return new Response(JSON.stringify(bundle), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
}

/** A fetch whose archive response waits until `respond()` is called, to observe the loading state. */
export function deferredArchiveFetch(response: ArchiveResponse = 'ok', bundle: unknown = fixtureBundle) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetchImpl: typeof fetch = async (input, init) => {
    await released;
    return archiveFetch(response, bundle)(input, init);
  };
  return { fetchImpl, respond: () => release() };
}

function restoreProperty(target: object, key: string, descriptor: PropertyDescriptor | undefined): void {
  if (descriptor) Object.defineProperty(target, key, descriptor);
  else Reflect.deleteProperty(target, key);
}

/** Renders the app at `path` with a fresh query client (no retries) and a mocked archive fetch. */
export function renderApp(path: string, options: RenderAppOptions = {}): RenderAppResult {
  const originalFetch = globalThis.fetch;
  const fetchMock = vi.fn(options.fetchImpl ?? archiveFetch(options.response, options.bundle ?? fixtureBundle));
  globalThis.fetch = fetchMock;
  // jsdom does not implement scrolling (scrollIntoView is not even defined); ScrollRestoration and keyboard navigation call these.
  const scrollTo = Object.getOwnPropertyDescriptor(window, 'scrollTo');
  const scrollIntoView = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
  window.scrollTo = () => {};
  Element.prototype.scrollIntoView = () => {};
  onTestFinished(() => {
    globalThis.fetch = originalFetch;
    restoreProperty(window, 'scrollTo', scrollTo);
    restoreProperty(Element.prototype, 'scrollIntoView', scrollIntoView);
  });

  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, networkMode: 'always' },
    },
  });
  const { router, RouterProbe } = createTestRouter();
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient}>
      <MemoryRouter initialEntries={[...(options.history ?? []), path]}>
        <AppRoutes />
        <RouterProbe />
      </MemoryRouter>
    </AppProvider>,
  );
  onTestFinished(() => {
    queryClient.clear();
  });
  return { ...result, user, router, queryClient, fetchMock };
}
