import type { Bookmark, BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';
import type { CitationSource } from '@/lib/citation/citation-source';

/** One bookmark ready to export: its snapshot (or the archive's current data) and its page in this app. */
export interface ExportRecord {
  bookmark: Bookmark;
  snapshot: BookmarkSnapshot | null;
  /** Absolute URL of the entry page in Frontier Reader. */
  appUrl: string;
  /** The newsletter's name from the archive (`bundle.publication.name`); absent while the archive is not loaded. */
  publication?: string;
}

/** YYYY-MM-DD of an ISO timestamp. */
export function isoDay(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** A bookmark as the shared citation formats read it: accessed on the day it was saved, with the reader's note and tags. */
export function toCitationSource(record: ExportRecord): CitationSource {
  const { bookmark, snapshot } = record;
  const paper = snapshot?.paper;
  return {
    id: bookmark.entryId,
    headline: snapshot?.headline ?? null,
    paper: paper ? { title: paper.title, url: paper.url, arxivId: paper.arxivId, doi: paper.doi ?? null } : null,
    url: snapshot?.url ?? null,
    outlet: snapshot?.outlet ?? null,
    publishedOn: snapshot?.publishedOn ?? null,
    issueDate: snapshot?.issueDate ?? null,
    organizations: snapshot?.organizations ?? [],
    disputed: (snapshot?.paperConflicts?.length ?? 0) > 0,
    appUrl: record.appUrl,
    ...(record.publication === undefined ? {} : { publication: record.publication }),
    accessed: isoDay(bookmark.addedAt),
    note: bookmark.note,
    tags: bookmark.tags,
  };
}
