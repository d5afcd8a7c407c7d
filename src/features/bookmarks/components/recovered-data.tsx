import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormattedDate } from '@/components/ui/formatted-date';
import { ImportProgress } from '@/features/bookmarks/components/import-progress';
import { useBookmarkState } from '@/features/bookmarks/hooks/use-bookmark-state';
import { reportSentence } from '@/features/bookmarks/lib/bookmark-model';
import { getBookmarkStore, type StoredBackup } from '@/features/bookmarks/lib/bookmark-store';
import { downloadText } from '@/features/bookmarks/lib/download';
import { readBackupSync } from '@/features/bookmarks/lib/export-backup';

const RECOVERED_DATA_ID = 'recovered-data';

/** What a backup holds, read the way an import would read it. */
interface BackupSummary {
  readable: number;
  repaired: number;
  unreadable: number;
  /** Why nothing can be read, when nothing can. */
  error: string | null;
}

function summarize(raw: string): BackupSummary {
  try {
    const { envelope, report } = readBackupSync(raw);
    return {
      readable: envelope.items.length,
      repaired: report.repaired.length,
      unreadable: report.setAside.length,
      error: null,
    };
  } catch (error) {
    return { readable: 0, repaired: 0, unreadable: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

function bookmarks(count: number): string {
  return `${count} bookmark${count === 1 ? '' : 's'}`;
}

function sizeOf(raw: string): string {
  const bytes = new Blob([raw]).size;
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

function describe(summary: BackupSummary): string {
  if (summary.error) return `Nothing in it can be read as bookmarks. ${summary.error.replace('The file is', 'It is')}`;
  const parts = [`${bookmarks(summary.readable)} can be read`];
  if (summary.repaired > 0) parts.push(`${summary.repaired} of them only in part (kept in full here)`);
  if (summary.unreadable > 0) parts.push(`${bookmarks(summary.unreadable)} cannot`);
  return `${parts.join('; ')}.`;
}

type Phase = { kind: 'idle' } | { kind: 'restoring'; progress: number } | { kind: 'confirm-delete' };

/** One backup with Download, Restore and Delete (after confirmation). */
function RecoveredBackup({ backup, onMessage }: { backup: StoredBackup; onMessage: (message: string) => void }) {
  const headingId = useId();
  const summary = useMemo(() => summarize(backup.raw), [backup.raw]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const day = backup.setAsideAt?.slice(0, 10) ?? null;
  const isJson = summary.error === null || !summary.error.includes('not JSON');

  const download = () =>
    downloadText(
      `frontier-reader-recovered-bookmarks${day ? `-${day}` : ''}.${isJson ? 'json' : 'txt'}`,
      backup.raw,
      isJson ? 'application/json' : 'text/plain',
    );

  const restore = async () => {
    setPhase({ kind: 'restoring', progress: 0 });
    try {
      const result = await getBookmarkStore().restoreBackup(backup.key, {
        onProgress: (done, total) => setPhase({ kind: 'restoring', progress: total ? done / total : 1 }),
      });
      const { added, updated, unchanged } = result.summary;
      const counts = `Restored ${added.length} added, ${updated.length} updated, ${unchanged.length} unchanged.`;
      onMessage(
        result.cleared
          ? `${counts} Everything was restored, so the recovered data was deleted.`
          : `${counts}${reportSentence(result.report, ' ')} The recovered data is kept; delete it once you have what you need.`,
      );
    } catch (error) {
      onMessage(`Nothing was restored. ${error instanceof Error ? error.message : String(error)}`);
    }
    setPhase({ kind: 'idle' });
  };

  const remove = () => {
    getBookmarkStore().deleteBackup(backup.key);
    onMessage('The recovered data was deleted.');
  };

  return (
    <li className="rounded-lg border border-amber-200 bg-white p-3 sm:p-4 dark:border-amber-900 dark:bg-stone-900">
      <h3 id={headingId} className="text-sm font-semibold text-stone-900 dark:text-stone-100">
        {day ? (
          <>
            Set aside on <FormattedDate date={day} />
          </>
        ) : (
          'Set aside earlier'
        )}{' '}
        <span className="font-normal text-stone-600 dark:text-stone-400">({sizeOf(backup.raw)})</span>
      </h3>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{describe(summary)}</p>
      {phase.kind === 'confirm-delete' ? (
        <div role="group" aria-label="Delete the recovered data?" className="mt-3 flex flex-wrap items-center gap-2">
          <p className="w-full text-sm font-medium text-stone-900 sm:w-auto dark:text-stone-100">
            Delete it for good? Download it first if you may want it later.
          </p>
          <Button variant="danger" size="sm" onClick={remove}>
            Delete
          </Button>
          <Button size="sm" onClick={() => setPhase({ kind: 'idle' })}>
            Keep it
          </Button>
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button size="sm" onClick={download}>
            Download
          </Button>
          {summary.readable > 0 && (
            <Button size="sm" disabled={phase.kind === 'restoring'} onClick={() => void restore()}>
              Restore
            </Button>
          )}
          <Button size="sm" disabled={phase.kind === 'restoring'} onClick={() => setPhase({ kind: 'confirm-delete' })}>
            Delete…
          </Button>
        </div>
      )}
      {phase.kind === 'restoring' && (
        <div role="status" className="mt-2 text-sm">
          <ImportProgress label="Restoring…" value={phase.progress} />
        </div>
      )}
    </li>
  );
}

/** Bookmark data the app set aside instead of losing it: shown on the bookmarks page for as long as any is kept. */
export function RecoveredData() {
  const { backups } = useBookmarkState();
  const [message, setMessage] = useState<string | null>(null);
  const { hash } = useLocation();
  const section = useRef<HTMLElement>(null);
  const shown = backups.length > 0 || message !== null;
  useEffect(() => {
    // The router does not scroll to a fragment, and the notice links here.
    if (shown && hash === `#${RECOVERED_DATA_ID}`) section.current?.focus();
  }, [hash, shown]);
  if (!shown) return null;
  return (
    <section
      ref={section}
      id={RECOVERED_DATA_ID}
      tabIndex={-1}
      aria-labelledby={`${RECOVERED_DATA_ID}-title`}
      className="mt-6 scroll-mt-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 outline-none focus-visible:ring-2 focus-visible:ring-amber-600 sm:p-5 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-50"
    >
      <h2 id={`${RECOVERED_DATA_ID}-title`} className="font-semibold">
        Recovered data
      </h2>
      {backups.length > 0 && (
        <p className="mt-1 text-sm">
          Saved bookmark data that could not be read as it was is kept here, so nothing is lost. Download it to keep a
          copy (it can be imported again), or restore what can be read into your bookmarks.
        </p>
      )}
      <div role="status" className="mt-2 text-sm font-medium empty:hidden">
        {message}
      </div>
      {backups.length > 0 && (
        <ul className="mt-3 flex flex-col gap-3">
          {backups.map((backup) => (
            <RecoveredBackup key={backup.key} backup={backup} onMessage={setMessage} />
          ))}
        </ul>
      )}
    </section>
  );
}
