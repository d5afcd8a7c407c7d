import { isoDay, recordIssue, recordTitle, recordUrl, type ExportRecord } from '@/features/bookmarks/lib/export-record';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Control characters other than tab and newline have no place in a .bib file. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 32 && char !== '\n' && char !== '\t') || code === 127;
}

/** Escapes text for a braced BibTeX field: TeX specials become commands, so braces always balance. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('')
    .filter((char) => !isControl(char))
    .join('')
    .replace(/[\\{}$%&#_~^]/g, (char) => SPECIAL[char] ?? char);
}

/** Escapes a title and braces words with inner capitals (LLMs, GPT-4, TokenFormer) so styles that lower-case titles keep them. */
export function escapeBibtexTitle(title: string): string {
  return title
    .split(/(\s+)/)
    .map((word) => {
      const escaped = escapeBibtex(word);
      return /^\S.*\p{Lu}/u.test(word) && /\p{L}/u.test(word) ? `{${escaped}}` : escaped;
    })
    .join('');
}

/** A URL for a verbatim field: only characters that would unbalance or break the field are percent-encoded. */
function escapeVerbatim(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => encodeURIComponent(char));
}

/** A citation key from the entry id: unique because entry ids are, and stable across exports. */
export function bibtexKey(entryId: string): string {
  return entryId.replace(/[^A-Za-z0-9_:.-]/g, '-');
}

function field(name: string, value: string): string {
  return `  ${name} = {${value}}`;
}

/** One BibTeX record: `@misc` with eprint fields for arXiv papers, `@online` for everything else. */
export function toBibtexEntry(record: ExportRecord): string {
  const { bookmark, snapshot } = record;
  const arxivId = snapshot?.paper?.arxivId ?? null;
  const fields: string[] = [field('title', escapeBibtexTitle(recordTitle(record)))];
  if (snapshot) {
    fields.push(field('year', snapshot.publishedOn.slice(0, 4)), field('date', snapshot.publishedOn));
  }
  if (arxivId) {
    fields.push(
      field('eprint', escapeBibtex(arxivId)),
      field('archivePrefix', 'arXiv'),
      field('doi', escapeVerbatim(`10.48550/arXiv.${arxivId}`)),
    );
  }
  fields.push(field('url', escapeVerbatim(recordUrl(record))), field('urldate', isoDay(bookmark.addedAt)));
  if (snapshot && snapshot.organizations.length > 0) {
    fields.push(field('note', escapeBibtex(`Organisations: ${snapshot.organizations.join(', ')}`)));
  }
  const issue = recordIssue(record);
  if (issue) fields.push(field('addendum', escapeBibtex(issue)));
  if (bookmark.tags.length > 0) fields.push(field('keywords', escapeBibtex(bookmark.tags.join(', '))));
  if (bookmark.note.trim()) fields.push(field('annote', escapeBibtex(bookmark.note.trim())));
  return `@${arxivId ? 'misc' : 'online'}{${bibtexKey(bookmark.entryId)},\n${fields.join(',\n')}\n}\n`;
}

/** A .bib file of the records, in the given order. */
export function toBibtex(records: readonly ExportRecord[]): string {
  return records.map(toBibtexEntry).join('\n');
}
