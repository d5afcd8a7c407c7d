import { Button } from '@/components/ui/button';
import { useIsRead } from '@/features/reading/hooks/use-read-state';
import { getReadStore } from '@/lib/read-state/read-store';

/** Props of the mark-read toggle on entry cards and entry pages. */
export interface ReadToggleProps {
  entryId: string;
  /** Used in the accessible name: "Mark read: <headline>". */
  headline: string;
}

/** A toggle button that marks an entry read or unread (`m` on a focused card does the same). */
export function ReadToggle({ entryId, headline }: ReadToggleProps) {
  const read = useIsRead(entryId);
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-pressed={read}
      aria-label={`${read ? 'Mark unread' : 'Mark read'}: ${headline}`}
      title={read ? 'Mark unread (m)' : 'Mark read (m)'}
      onClick={() => getReadStore().toggle(entryId)}
    >
      <span aria-hidden="true">{read ? 'Mark unread' : 'Mark read'}</span>
    </Button>
  );
}
