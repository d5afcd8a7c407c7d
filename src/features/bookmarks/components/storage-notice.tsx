import { Link } from 'react-router';
import { Button, buttonClasses } from '@/components/ui/button';
import { useBookmarkState } from '@/features/bookmarks/hooks/use-bookmark-state';
import { reportSentence, type ReadReport } from '@/features/bookmarks/lib/bookmark-model';
import { getBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import { downloadText } from '@/features/bookmarks/lib/download';
import { toBackupJson } from '@/features/bookmarks/lib/export-backup';

/** "3 of 5 are exactly as you saved them." */
function asSaved(report: ReadReport): string {
  const intact = report.total - report.setAside.length - report.repaired.length;
  return `${intact} of ${report.total} ${intact === 1 ? 'is' : 'are'} exactly as you saved ${intact === 1 ? 'it' : 'them'}.`;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Tells the reader when bookmarks could not be read or will not persist. */
export function StorageNotice() {
  const { problem, recovered, bookmarks } = useBookmarkState();
  if (!problem && !recovered) return null;

  const persistMessage =
    problem?.kind === 'quota'
      ? 'This browser’s storage is full, so bookmark changes are kept only until you close this tab.'
      : problem?.kind === 'unavailable'
        ? 'This browser does not allow Frontier Reader to store data (private mode or blocked storage), so bookmarks are kept only until you close this tab.'
        : problem?.kind === 'newer-version'
          ? 'Your bookmarks were saved by a newer version of Frontier Reader. Reload to get it; until then changes here are not saved, and your saved bookmarks are left untouched.'
          : null;

  return (
    <section
      aria-labelledby="storage-notice-title"
      className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-50"
    >
      <div role="status" className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-3 sm:px-6">
        <h2 id="storage-notice-title" className="font-semibold">
          {recovered?.report
            ? 'Some saved bookmarks needed attention'
            : recovered
              ? 'Your saved bookmarks could not be read'
              : 'Bookmarks are not being saved'}
        </h2>
        {recovered?.report && (
          <p className="text-sm">
            {reportSentence(recovered.report)} {asSaved(recovered.report)}{' '}
            {recovered.backupKey
              ? 'The data as it was is kept under Recovered data on the Bookmarks page, where you can download or restore it.'
              : 'The data as it was is left untouched. Download it to keep a copy.'}
          </p>
        )}
        {recovered && !recovered.report && (
          <p className="text-sm">
            {recovered.backupKey
              ? 'They were set aside, not deleted, and Frontier Reader started a new list. Download the old data to keep it or to recover it by hand.'
              : 'They were left untouched. Download the data to keep a copy.'}{' '}
            <span className="text-amber-900 dark:text-amber-200">({recovered.reason})</span>
          </p>
        )}
        {persistMessage && <p className="text-sm">{persistMessage}</p>}
        <div className="flex flex-wrap gap-2">
          {recovered?.backupKey && (
            <Link to="/bookmarks#recovered-data" className={buttonClasses({ size: 'sm' })}>
              Go to Recovered data
            </Link>
          )}
          {recovered && !recovered.report && (
            <Button
              size="sm"
              onClick={() =>
                downloadText(`frontier-reader-unreadable-bookmarks-${today()}.txt`, recovered.raw, 'text/plain')
              }
            >
              Download the unreadable data
            </Button>
          )}
          {recovered?.report && !recovered.backupKey && (
            <Button
              size="sm"
              onClick={() =>
                downloadText(`frontier-reader-recovered-bookmarks-${today()}.json`, recovered.raw, 'application/json')
              }
            >
              Download the data as it was
            </Button>
          )}
          {problem && problem.kind !== 'newer-version' && bookmarks.length > 0 && (
            <Button
              size="sm"
              onClick={() =>
                downloadText(
                  `frontier-reader-bookmarks-${today()}.json`,
                  toBackupJson(bookmarks, new Date().toISOString()),
                  'application/json',
                )
              }
            >
              Download a backup of this session’s bookmarks
            </Button>
          )}
          {recovered && !problem && (
            <Button size="sm" onClick={() => getBookmarkStore().dismissRecovered()}>
              Dismiss
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}
