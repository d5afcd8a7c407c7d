import { useId, useState, type ChangeEvent } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { ImportProgress } from '@/features/bookmarks/components/import-progress';
import { ZoteroIdentifiers } from '@/features/bookmarks/components/zotero-identifiers';
import { reportSentence, type Bookmark, type ReadReport } from '@/features/bookmarks/lib/bookmark-model';
import type { ImportSummary } from '@/features/bookmarks/lib/bookmark-merge';
import { getBookmarkStore } from '@/features/bookmarks/lib/bookmark-store';
import { downloadText } from '@/features/bookmarks/lib/download';
import { readBackup, readReadingBackup, toBackupJson } from '@/features/bookmarks/lib/export-backup';
import { toBibtex } from '@/features/bookmarks/lib/export-bibtex';
import { toCslJson } from '@/features/bookmarks/lib/export-csl';
import { toMarkdown } from '@/features/bookmarks/lib/export-markdown';
import type { ExportRecord } from '@/features/bookmarks/lib/export-record';
import { getReadStore } from '@/lib/read-state/read-store';

export interface ExportImportProps {
  /** The bookmarks shown, in the order shown: what BibTeX, CSL-JSON and Markdown export. */
  records: readonly ExportRecord[];
  /** Every bookmark: what the JSON backup holds. */
  all: readonly Bookmark[];
  /** Describes `records` when a tag filter is on, e.g. "tagged moe". */
  scope: string | null;
}

type ImportResult =
  | { ok: true; summary: ImportSummary; report: ReadReport; newlyRead: number | null; fileName: string }
  | { ok: false; message: string; fileName: string };

/** Reads a chosen file as text. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Export buttons (BibTeX, CSL-JSON, Markdown, JSON backup), identifiers for Zotero, and the backup import, with its summary. */
export function ExportImport({ records, all, scope }: ExportImportProps) {
  const headingId = useId();
  const [result, setResult] = useState<ImportResult | null>(null);
  /** Share of the file validated so far, while an import runs. */
  const [progress, setProgress] = useState<number | null>(null);
  const stamp = () => new Date().toISOString().slice(0, 10);
  const nothing = records.length === 0;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file || progress !== null) return;
    setResult(null);
    setProgress(0);
    try {
      const text = await readText(file);
      const { envelope, report } = await readBackup(text, {
        onProgress: (done, total) => setProgress(total ? done / total : 1),
      });
      // Read before anything is imported, so a file whose read marks are unreadable changes nothing.
      const reading = await readReadingBackup(text);
      const summary = getBookmarkStore().importEnvelope(envelope);
      const newlyRead = reading ? getReadStore().importEnvelope(reading.envelope) : null;
      setResult({ ok: true, summary, report, newlyRead, fileName: file.name });
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error), fileName: file.name });
    } finally {
      setProgress(null);
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-stone-200 bg-stone-50 p-4 dark:border-stone-800 dark:bg-stone-900/60"
    >
      <h2 id={headingId} className="text-sm font-semibold text-stone-900 dark:text-stone-100">
        Export and import
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {nothing
          ? 'Nothing to export yet.'
          : `Reference formats export the ${plural(records.length, 'bookmark')} shown${scope ? ` (${scope})` : ''}; the backup keeps all ${all.length} with notes and tags.`}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          size="sm"
          disabled={nothing}
          onClick={() =>
            downloadText(`frontier-reader-bookmarks-${stamp()}.bib`, toBibtex(records), 'application/x-bibtex')
          }
        >
          BibTeX
        </Button>
        <Button
          size="sm"
          disabled={nothing}
          onClick={() =>
            downloadText(
              `frontier-reader-bookmarks-${stamp()}.csl.json`,
              toCslJson(records),
              'application/vnd.citationstyles.csl+json',
            )
          }
        >
          CSL-JSON
        </Button>
        <Button
          size="sm"
          disabled={nothing}
          onClick={() =>
            downloadText(`frontier-reader-reading-list-${stamp()}.md`, toMarkdown(records, stamp()), 'text/markdown')
          }
        >
          Markdown
        </Button>
        <Button
          size="sm"
          disabled={all.length === 0}
          onClick={() =>
            downloadText(
              `frontier-reader-bookmarks-${stamp()}.json`,
              toBackupJson(all, new Date().toISOString(), getReadStore().getState().envelope),
              'application/json',
            )
          }
        >
          JSON backup
        </Button>
        {/* The label is the visible button; the visually hidden input inside it takes the focus, and focus-ring shows it. */}
        <label className={buttonClasses({ size: 'sm', className: 'relative cursor-pointer' })}>
          Import a backup…
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            disabled={progress !== null}
            onChange={(event) => void onFile(event)}
          />
        </label>
      </div>
      <div role="status" className="mt-3 text-sm empty:hidden">
        {progress !== null && <ImportProgress label="Importing…" value={progress} />}
        {result?.ok === true && (
          <p className="text-stone-800 dark:text-stone-200">
            Imported {result.fileName}: {result.summary.added.length} added, {result.summary.updated.length} updated,{' '}
            {result.summary.unchanged.length} unchanged.{reportSentence(result.report, ' ')}
            {result.newlyRead !== null &&
              ` Read marks: ${result.newlyRead} more ${result.newlyRead === 1 ? 'entry' : 'entries'} marked read.`}
          </p>
        )}
        {result?.ok === false && (
          <p className="text-rose-800 dark:text-rose-300">
            {result.fileName} was not imported, nothing changed. {result.message}
          </p>
        )}
      </div>
      {!nothing && <ZoteroIdentifiers records={records} />}
    </section>
  );
}
