import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { toCitationSource, type ExportRecord } from '@/features/bookmarks/lib/export-record';
import { identifierLines, zoteroIdentifiers } from '@/lib/citation/identifiers';

type Kind = 'arxiv' | 'doi';
type CopyResult = { kind: Kind; ok: boolean };

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const LABELS: Record<Kind, { one: string; many: string }> = {
  arxiv: { one: 'arXiv id', many: 'arXiv ids' },
  doi: { one: 'DOI', many: 'DOIs' },
};

/**
 * The bookmarks' arXiv ids and DOIs, one per line, for Zotero's Add Item by Identifier, which fetches full records with
 * authors. Two lists, because Zotero reads one kind of identifier per paste; disputed ids are left out, and the
 * bookmarks with no identifier are counted.
 */
export function ZoteroIdentifiers({ records }: { records: readonly ExportRecord[] }) {
  const headingId = useId();
  const identifiers = useMemo(() => zoteroIdentifiers(records.map(toCitationSource)), [records]);
  const [result, setResult] = useState<CopyResult | null>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const lists: Record<Kind, string[]> = { arxiv: identifiers.arxivIds, doi: identifiers.dois };

  useEffect(() => {
    if (result?.ok !== false) return;
    fallback.current?.focus();
    fallback.current?.select();
  }, [result]);

  const copy = async (kind: Kind) => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(identifierLines(lists[kind]));
      setResult({ kind, ok: true });
    } catch {
      setResult({ kind, ok: false });
    }
  };

  const left: string[] = [];
  if (identifiers.withoutIdentifier > 0) {
    left.push(
      `${count(identifiers.withoutIdentifier, 'bookmark has', 'bookmarks have')} no arXiv id or DOI (export ${identifiers.withoutIdentifier === 1 ? 'it' : 'them'} as BibTeX or CSL-JSON)`,
    );
  }
  if (identifiers.disputed > 0) {
    left.push(
      `${count(identifiers.disputed, 'bookmark is', 'bookmarks are')} left out because the newsletter gives ${identifiers.disputed === 1 ? 'its' : 'their'} arXiv id to two different papers`,
    );
  }
  const copiedList = result ? lists[result.kind] : [];
  const copiedLabel = result ? count(copiedList.length, LABELS[result.kind].one, LABELS[result.kind].many) : '';

  return (
    <div role="group" aria-labelledby={headingId} className="mt-4 border-t border-stone-200 pt-4 dark:border-stone-800">
      <h3 id={headingId} className="text-sm font-semibold text-stone-900 dark:text-stone-100">
        Identifiers for Zotero
      </h3>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Copy the arXiv ids and DOIs and paste them into Zotero’s Add Item by Identifier, which fetches authors and full
        details. Paste each list on its own: Zotero reads one kind of identifier per paste.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" disabled={identifiers.arxivIds.length === 0} onClick={() => void copy('arxiv')}>
          Copy {count(identifiers.arxivIds.length, LABELS.arxiv.one, LABELS.arxiv.many)}
        </Button>
        {identifiers.dois.length > 0 && (
          <Button size="sm" onClick={() => void copy('doi')}>
            Copy {count(identifiers.dois.length, LABELS.doi.one, LABELS.doi.many)}
          </Button>
        )}
      </div>
      {left.length > 0 && <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{`${left.join('; ')}.`}</p>}
      <div role="status" className="mt-2 text-sm text-stone-800 empty:hidden dark:text-stone-200">
        {result?.ok === true && `Copied ${copiedLabel}, one per line.`}
        {result?.ok === false &&
          'Couldn’t copy automatically. The list is selected below; press Ctrl+C (⌘C on a Mac) to copy it.'}
      </div>
      {result?.ok === false && (
        <textarea
          ref={fallback}
          readOnly
          rows={Math.min(8, Math.max(2, copiedList.length))}
          value={identifierLines(copiedList)}
          aria-label={`${LABELS[result.kind].many} to paste into Zotero`}
          className="mt-2 block w-full max-w-md rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm text-stone-900 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
        />
      )}
    </div>
  );
}
