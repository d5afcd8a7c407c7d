import { recordTitle, recordUrl, type ExportRecord } from '@/features/bookmarks/lib/export-record';

/** Escapes text so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&');
}

function linkDestination(url: string): string {
  return url.replace(/[\s()<>]/g, (char) => encodeURIComponent(char));
}

/** A Markdown reading list: one item per bookmark with its organisations, issue, tags and note. */
export function toMarkdown(records: readonly ExportRecord[], exportedOn: string): string {
  const lines = [`# Reading list`, '', `Exported from Frontier Reader on ${exportedOn}; ${records.length} bookmark${records.length === 1 ? '' : 's'}.`, ''];
  for (const record of records) {
    const { snapshot, bookmark } = record;
    const details = [
      snapshot?.organizations.length ? snapshot.organizations.join(', ') : null,
      snapshot?.paper?.arxivId ? `arXiv:${snapshot.paper.arxivId}` : null,
      snapshot ? `published ${snapshot.publishedOn}` : null,
      snapshot ? `issue of ${snapshot.issueDate}` : null,
    ].filter((detail): detail is string => detail !== null);
    lines.push(`- [${escapeMarkdown(recordTitle(record))}](${linkDestination(recordUrl(record))})`);
    if (snapshot?.paper && snapshot.headline !== recordTitle(record)) lines.push(`  ${escapeMarkdown(snapshot.headline)}`);
    if (details.length > 0) lines.push(`  ${escapeMarkdown(details.join(' · '))}`);
    lines.push(`  [Read in Frontier Reader](${linkDestination(record.appUrl)})`);
    if (bookmark.tags.length > 0) lines.push(`  Tags: ${bookmark.tags.map((tag) => escapeMarkdown(tag)).join(', ')}`);
    if (bookmark.note.trim()) lines.push(`  Note: ${escapeMarkdown(bookmark.note.trim())}`);
  }
  return `${lines.join('\n')}\n`;
}
