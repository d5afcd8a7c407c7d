import type { Bookmark, BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';
import { arxivAbsUrl } from '@/shared/arxiv';

/** One bookmark ready to export: its snapshot (or the archive's current data) and its page in this app. */
export interface ExportRecord {
  bookmark: Bookmark;
  snapshot: BookmarkSnapshot | null;
  /** Absolute URL of the entry page in Frontier Reader. */
  appUrl: string;
  /** The newsletter's name from the archive (`bundle.publication.name`); absent while the archive is not loaded. */
  publication?: string;
}

/** The title a reference manager should show: the paper's title when known, else the headline. */
export function recordTitle(record: ExportRecord): string {
  return record.snapshot?.paper?.title.trim() || record.snapshot?.headline || record.bookmark.entryId;
}

/** True for an absolute http(s) URL, the only kind an export links to. */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The canonical abstract page for arXiv papers, else the item's own http(s) link, else the entry in this app. */
export function recordUrl(record: ExportRecord): string {
  const arxivId = record.snapshot?.paper?.arxivId;
  if (arxivId) return arxivAbsUrl(arxivId);
  const own = [record.snapshot?.paper?.url, record.snapshot?.url].find(
    (url) => url !== undefined && url !== null && isHttpUrl(url),
  );
  return own ?? record.appUrl;
}

/** "Neural Frontier newsletter, issue of 2024-11-02" ("Newsletter, issue of …" without the name), or null when the issue is unknown. */
export function recordIssue(record: ExportRecord): string | null {
  if (!record.snapshot) return null;
  return `${record.publication ? `${record.publication} newsletter` : 'Newsletter'}, issue of ${record.snapshot.issueDate}`;
}

/** YYYY-MM-DD of an ISO timestamp. */
export function isoDay(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}
