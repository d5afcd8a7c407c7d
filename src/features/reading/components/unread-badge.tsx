import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { issuePath } from '@/components/entry/paths';
import { countRead } from '@/features/reading/components/read-count';
import { useReadIds } from '@/features/reading/hooks/use-read-state';
import { catalogueQueryOptions } from '@/lib/archive-query';
import { getReadStore } from '@/lib/read-state/read-store';

/** Main-navigation item linking to the latest issue with how many of its entries are unread; records the visit once the catalogue is known. */
export function UnreadBadge() {
  const { data } = useQuery(catalogueQueryOptions());
  const readIds = useReadIds();
  const latest = data?.issues[0];
  const latestId = latest?.id ?? null;
  useEffect(() => {
    if (data) getReadStore().recordVisit(latestId);
  }, [data, latestId]);
  if (!data || !latest) return null;
  const unread =
    data.latestEntries.length -
    countRead(
      data.latestEntries.map((entry) => entry.id),
      readIds,
    );
  if (unread === 0) return null;
  // A list item of the main navigation, a count like the Bookmarks link's; its name and tooltip say what it counts.
  const label = `${unread} unread in the latest issue`;
  return (
    <li>
      <Link to={issuePath(latest.id)} aria-label={label} title={label}>
        <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-indigo-100 px-1.5 text-xs font-semibold text-indigo-900 tabular-nums dark:bg-indigo-900 dark:text-indigo-100">
          {unread}
        </span>
      </Link>
    </li>
  );
}
