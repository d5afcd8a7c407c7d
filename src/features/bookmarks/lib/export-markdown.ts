import { toCitationSource, type ExportRecord } from '@/features/bookmarks/lib/export-record';
import { citationArxivId, citationTitle, citationUrl, isHttpUrl } from '@/lib/citation/citation-source';

/** Characters that start inline Markdown anywhere in a line: CommonMark's, plus GFM's `~` and `|` and GitHub's `$` math. */
const INLINE_SPECIAL = /[\\`*_{}[\]()<>#+!|~$]/g;

/** Control characters other than whitespace, which CommonMark would replace or keep invisibly. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Escapes text so Markdown shows it as written, on one line: every inline metacharacter is backslash-escaped, `&` is
 * escaped where it would start an entity, and a leading `-`, `=` or `1.` cannot start a list, heading or rule.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^[-=]/, '\\$&')
    .replace(/^(\d+)\./, '$1\\.');
}

/**
 * The URL as a Markdown link destination, or null unless it is an absolute http(s) URL. Characters that could end the
 * destination or open other syntax are percent-encoded; a backslash or an entity-like `&` is backslash-escaped, so a
 * CommonMark reader gets back the same URL.
 */
function markdownUrl(url: string): string | null {
  if (!isHttpUrl(url)) return null;
  return url
    .replace(/[\u0000-\u0020\u007f()<>[\]]|\s/gu, percentEncode) // eslint-disable-line no-control-regex
    .replace(/\\|&(?=#?[A-Za-z0-9]+;)/g, '\\$&');
}

/** `%XX` for each UTF-8 byte; encodeURIComponent alone leaves `(` and `)` as they are. */
function percentEncode(char: string): string {
  const code = char.charCodeAt(0);
  return code < 128 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(char);
}

/** `[label](url)` when the URL is http(s); otherwise the label alone, as text. */
function linkOrText(label: string, url: string | null): string {
  const destination = url === null ? null : markdownUrl(url);
  return destination === null ? label : `[${label}](${destination})`;
}

/** One list item on one line: the item's link, then its details, its page here, tags and note. */
function itemLine(record: ExportRecord): string {
  const { snapshot, bookmark } = record;
  const source = toCitationSource(record);
  const title = citationTitle(source);
  const arxivId = citationArxivId(source);
  const parts = [linkOrText(escapeMarkdown(title) || escapeMarkdown(bookmark.entryId), citationUrl(source))];
  if (snapshot?.paper && snapshot.headline !== title && snapshot.headline.trim())
    parts.push(escapeMarkdown(snapshot.headline));
  const details = [
    snapshot?.organizations.length ? snapshot.organizations.join(', ') : null,
    arxivId ? `arXiv:${arxivId}` : null,
    source.disputed ? 'the newsletter gives its arXiv id to two different papers' : null,
    snapshot ? `published ${snapshot.publishedOn}` : null,
    snapshot ? `issue of ${snapshot.issueDate}` : null,
  ].filter((detail): detail is string => detail !== null);
  if (details.length > 0) parts.push(escapeMarkdown(details.join(' · ')));
  const appLink = markdownUrl(record.appUrl);
  if (appLink !== null) parts.push(`[Read in Frontier Reader](${appLink})`);
  const tags = bookmark.tags.map((tag) => escapeMarkdown(tag)).filter((tag) => tag !== '');
  if (tags.length > 0) parts.push(`Tags: ${tags.join(', ')}`);
  const note = escapeMarkdown(bookmark.note);
  if (note) parts.push(`Note: ${note}`);
  return `- ${parts.join(' · ')}`;
}

/** A Markdown reading list: a heading, a summary line, then a list with one line per bookmark. */
export function toMarkdown(records: readonly ExportRecord[], exportedOn: string): string {
  const summary = `Exported from Frontier Reader on ${exportedOn}; ${records.length} bookmark${records.length === 1 ? '' : 's'}.`;
  const lines = ['# Reading list', '', escapeMarkdown(summary)];
  if (records.length > 0) lines.push('', ...records.map(itemLine));
  return `${lines.join('\n')}\n`;
}
