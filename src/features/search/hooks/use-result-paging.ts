import { useState } from 'react';

/** Results rendered at first and added by "Show more". */
const PAGE_SIZE = 20;

/** How many results to show: one page, one more per {@link showMore}, and back to one page whenever `requestKey` changes. */
export function useResultPaging(requestKey: string): { limit: number; showMore: () => void } {
  const [paging, setPaging] = useState({ key: requestKey, limit: PAGE_SIZE });
  if (paging.key !== requestKey) setPaging({ key: requestKey, limit: PAGE_SIZE });
  const limit = paging.key === requestKey ? paging.limit : PAGE_SIZE;
  return { limit, showMore: () => setPaging((current) => ({ ...current, limit: current.limit + PAGE_SIZE })) };
}
