import { toCitationSource, type ExportRecord } from '@/features/bookmarks/lib/export-record';
import { toBibtex as sourcesToBibtex } from '@/lib/citation/bibtex';

/** A .bib file of the bookmarks, in the given order, built by the same code as the entry page's Cite menu. */
export function toBibtex(records: readonly ExportRecord[]): string {
  return sourcesToBibtex(records.map(toCitationSource));
}
