import { isoDay, recordIssue, recordTitle, recordUrl, type ExportRecord } from '@/features/bookmarks/lib/export-record';

/** The subset of a CSL-JSON item this app writes. */
export interface CslItem {
  id: string;
  type: 'article' | 'webpage';
  title: string;
  URL: string;
  issued?: { 'date-parts': [[number, number, number]] };
  accessed: { 'date-parts': [[number, number, number]] };
  DOI?: string;
  number?: string;
  publisher?: string;
  genre?: string;
  note?: string;
  keyword?: string;
}

function dateParts(day: string): { 'date-parts': [[number, number, number]] } {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return { 'date-parts': [[year, month, date]] };
}

/** One CSL-JSON item: an arXiv preprint (`article`) or a `webpage`. */
export function toCslItem(record: ExportRecord): CslItem {
  const { bookmark, snapshot } = record;
  const arxivId = snapshot?.paper?.arxivId ?? null;
  const notes = [
    snapshot && snapshot.organizations.length > 0 ? `Organisations: ${snapshot.organizations.join(', ')}` : null,
    recordIssue(record),
    bookmark.note.trim() || null,
  ].filter((line): line is string => line !== null);
  const item: CslItem = {
    id: bookmark.entryId,
    type: arxivId ? 'article' : 'webpage',
    title: recordTitle(record),
    URL: recordUrl(record),
    accessed: dateParts(isoDay(bookmark.addedAt)),
  };
  if (snapshot) item.issued = dateParts(snapshot.publishedOn);
  if (arxivId) {
    Object.assign(item, {
      DOI: `10.48550/arXiv.${arxivId}`,
      number: `arXiv:${arxivId}`,
      publisher: 'arXiv',
      genre: 'Preprint',
    });
  }
  if (notes.length > 0) item.note = notes.join('\n');
  if (bookmark.tags.length > 0) item.keyword = bookmark.tags.join(', ');
  return item;
}

/** A CSL-JSON array, as Zotero, Pandoc and citeproc read it. */
export function toCslJson(records: readonly ExportRecord[]): string {
  return `${JSON.stringify(records.map(toCslItem), null, 2)}\n`;
}
