import { startTransition, useEffect, useRef, useState } from 'react';
import { useRenderError } from '@/features/search/hooks/use-render-error';
import { clientFor } from '@/features/search/lib/search-client';
import type { IndexStatus } from '@/features/search/lib/index-status';
import type { SearchRequest, SearchResponse } from '@/features/search/lib/search-engine';
import { parseQuery } from '@/features/search/lib/query-parser';
import type { Archive } from '@/lib/archive-query';

/** What the page shows before the first answer arrives. */
function preparing(request: SearchRequest): SearchResponse {
  return {
    parsed: parseQuery(request.query),
    total: 0,
    hits: [],
    facets: [],
    sort: request.sort,
    suggestion: null,
    correction: null,
    status: 'idle',
  };
}

/**
 * Answers `request` from the archive's search client, asking again as the index grows. While an answer is on its way
 * the previous one stays on screen, so typing never flashes an empty page; answers never replace newer ones.
 * Answers and index progress render as transitions, so React renders them in slices and input never waits.
 */
export function useSearch(archive: Archive, request: SearchRequest): { response: SearchResponse; status: IndexStatus } {
  const client = clientFor(archive);
  // Counts the client's progress reports; each one asks again (the search effect runs after this one subscribes).
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    client.start();
    return client.subscribe(() => startTransition(() => setProgress((count) => count + 1)));
  }, [client]);

  const asked = useRef(0);
  // The first page's own query may be answered already (sent ahead by the worker): shown in the first render.
  const [answer, setAnswer] = useState<{ order: number; response: SearchResponse } | null>(() => {
    const early = client.peek(request);
    return early && { order: 0, response: early };
  });
  // A search that cannot be answered (the archive could not be downloaded) goes to the route's error boundary.
  const fail = useRenderError();
  useEffect(() => {
    const order = ++asked.current;
    let answered = false;
    // The first page's own query: its first screen of hits, shown while the rest download, unless something newer is.
    const showFirstScreen = (response: SearchResponse) =>
      startTransition(() =>
        setAnswer((shown) => (answered || (shown && shown.order >= order) ? shown : { order, response })),
      );
    client.search({ ...request, indexVersion: client.version }, showFirstScreen).then((response) => {
      answered = true;
      startTransition(() => setAnswer((shown) => (shown && shown.order > order ? shown : { order, response })));
    }, fail);
  }, [client, progress, request, fail]);
  return { response: answer?.response ?? preparing(request), status: client.status };
}
