import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { readShown, RESULT_PAGE_SIZE, writeShown } from '@/features/search/lib/search-params';

/**
 * How many results to show: one page, one more per {@link showMore}. The count lives in the URL (`shown=60`), so Back
 * from a result shows as many again; any other change of the URL's state drops it. `current` is false while the
 * results on screen are for another query than the URL's (typing ahead of it), which always start at one page.
 */
export function useResultPaging(current: boolean): { limit: number; showMore: () => void } {
  const [params, setParams] = useSearchParams();
  const shown = readShown(params);
  const showMore = useCallback(() => {
    setParams((previous) => writeShown(previous, readShown(previous) + RESULT_PAGE_SIZE), {
      replace: true,
      preventScrollReset: true,
    });
  }, [setParams]);
  return { limit: current ? shown : RESULT_PAGE_SIZE, showMore };
}
