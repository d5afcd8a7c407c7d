import { useEffect } from 'react';
import { getReadStore } from '@/lib/read-state/read-store';

/** Marks an entry read when its page opens; marking it unread there afterwards sticks until the page is opened again. */
export function MarkReadOnOpen({ entryId }: { entryId: string }) {
  useEffect(() => {
    getReadStore().setRead(entryId, true);
  }, [entryId]);
  return null;
}
