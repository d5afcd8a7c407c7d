import { Button } from '@/components/ui/button';
import { useReadState } from '@/features/reading/hooks/use-read-state';
import { getReadStore } from '@/lib/read-state/read-store';

/** Tells the reader when read marks could not be read as stored, or are not being saved. */
export function ReadStorageNotice() {
  const { problem, recovered } = useReadState();
  if (!problem && !recovered) return null;
  const why =
    problem?.kind === 'quota'
      ? 'This browser’s storage is full, so read marks are kept only until you close this tab.'
      : problem?.kind === 'unavailable'
        ? 'This browser does not let Frontier Reader store data, so read marks are kept only until you close this tab.'
        : problem?.kind === 'newer-version'
          ? 'Your read marks were saved by a newer version of Frontier Reader. Reload to get it; until then they are left untouched.'
          : null;
  return (
    <div
      role="status"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-50"
    >
      {recovered && (
        <p>
          Some saved read marks could not be read ({recovered.reason.replace(/\.$/, '')}).{' '}
          {recovered.backupKey
            ? `The data as it was is kept in this browser under “${recovered.backupKey}”.`
            : 'The data as it was is left untouched.'}
        </p>
      )}
      {why && <p>{why}</p>}
      {recovered && !problem && (
        <Button size="sm" className="mt-2" onClick={() => getReadStore().dismissRecovered()}>
          Dismiss
        </Button>
      )}
    </div>
  );
}
