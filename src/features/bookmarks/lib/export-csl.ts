import { toCitationSource, type ExportRecord } from '@/features/bookmarks/lib/export-record';
import { toCslJson as sourcesToCslJson } from '@/lib/citation/csl';

/** A CSL-JSON array of the bookmarks, in the given order, as Zotero, Pandoc and citeproc read it. */
export function toCslJson(records: readonly ExportRecord[]): string {
  return sourcesToCslJson(records.map(toCitationSource));
}
