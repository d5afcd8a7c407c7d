import type { Bookmark, BookmarkSnapshot } from '@/features/bookmarks/lib/bookmark-model';

/** The newsletter the archive comes from, named in exported references. */
export const NEWSLETTER_NAME = 'Neural Frontier';

/** One bookmark ready to export: its snapshot (or the archive's current data) and its page in this app. */
export interface ExportRecord {
  bookmark: Bookmark;
  snapshot: BookmarkSnapshot | null;
  /** Absolute URL of the entry page in Frontier Reader. */
  appUrl: string;
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
  if (arxivId) return `https://arxiv.org/abs/${encodeURIComponent(arxivId).replace(/%2F/g, '/')}`;
  const own = [record.snapshot?.paper?.url, record.snapshot?.url].find((url) => url !== undefined && url !== null && isHttpUrl(url));
  return own ?? record.appUrl;
}

/** "Neural Frontier, issue of 2024-11-02", or null when the issue is unknown. */
export function recordIssue(record: ExportRecord): string | null {
  return record.snapshot ? `${NEWSLETTER_NAME} newsletter, issue of ${record.snapshot.issueDate}` : null;
}

/** YYYY-MM-DD of an ISO timestamp. */
export function isoDay(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}
