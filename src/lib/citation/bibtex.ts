import {
  arxivDoi,
  citationArxivId,
  citationDoi,
  citationIssue,
  citationKind,
  citationPublisher,
  citationTitle,
  citationUrl,
  disputeNote,
  organisationsNote,
  type CitationKind,
  type CitationSource,
} from '@/lib/citation/citation-source';

/** TeX specials as text-mode commands, so a parser gives back the character and braces always balance. */
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
  // In TeX's default font encoding `<` and `>` print as `¡` and `¿`.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Pairs TeX reads as one glyph (`--` en dash, `''` closing quote, `?`` ¡…); an empty group between them keeps both. */
const LIGATURE_PAIRS = new Set(['--', "''", '``', '?`', '!`', ',,']);

/** Control characters other than whitespace have no place in a .bib file. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 32 && !/\s/.test(char)) || code === 127;
}

/** Runs of ASCII whitespace are one space to BibTeX, and a blank line would start a paragraph; so write one space. */
function collapseWhitespace(text: string): string {
  return [...text]
    .filter((char) => !isControl(char))
    .join('')
    .replace(/[ \t\n\r\f\v]+/g, ' ');
}

/**
 * Escapes text for a braced BibTeX field so that a BibTeX parser gives back exactly this text, with each run of
 * whitespace read as one space: TeX specials become commands, ligature pairs are split, braces always balance.
 */
export function escapeBibtex(text: string): string {
  let escaped = '';
  let previous = '';
  for (const char of collapseWhitespace(text)) {
    if (LIGATURE_PAIRS.has(previous + char)) escaped += '{}';
    escaped += SPECIAL[char] ?? char;
    previous = char;
  }
  return escaped;
}

/** Escapes a title and braces words with inner capitals (LLMs, GPT-4, TokenFormer) so styles that lower-case titles keep them. */
function escapeBibtexTitle(title: string): string {
  return collapseWhitespace(title)
    .split(/( +)/)
    .map((word) => {
      const escaped = escapeBibtex(word);
      return /^\S.*\p{Lu}/u.test(word) && /\p{L}/u.test(word) ? `{${escaped}}` : escaped;
    })
    .join('');
}

/**
 * A URL for a verbatim field. Verbatim fields have no escapes, so characters that would unbalance the braces, escape
 * one (`\`), open math (`$`) or be read as a space are percent-encoded: the same URL, written safely.
 */
function escapeBibtexUrl(url: string): string {
  return [...url]
    .filter((char) => !isControl(char))
    .join('')
    .replace(/[{}\\$\s]/gu, (char) => encodeURIComponent(char));
}

/** Separators, math and braces have no escape in the verbatim keyword list; their full-width forms keep the tag readable. */
const KEYWORD_REPLACEMENTS: Record<string, string> = {
  ',': '\uff0c',
  ';': '\uff1b',
  $: '\uff04',
  '{': '\uff5b',
  '}': '\uff5d',
};

/** One tag for the `keywords` list, which BibTeX tools read verbatim and split at commas and semicolons. */
function escapeBibtexKeyword(tag: string): string {
  return collapseWhitespace(tag)
    .trim()
    .replace(/[,;${}]/g, (char) => KEYWORD_REPLACEMENTS[char] ?? char);
}

/** The `keywords` field: tags joined by commas; a final backslash is kept from escaping the closing brace. */
function keywordList(tags: readonly string[]): string {
  const list = tags
    .map(escapeBibtexKeyword)
    .filter((tag) => tag !== '')
    .join(', ');
  return list.endsWith('\\') ? `${list} ` : list;
}

/** A citation key from the entry id: unique because entry ids are, and stable across exports. */
function bibtexKey(entryId: string): string {
  return entryId.replace(/[^A-Za-z0-9_:.-]/g, '-');
}

function field(name: string, value: string): string {
  return `  ${name} = {${value}}`;
}

/** The entry type of each kind: biblatex's, which Zotero and Better BibTeX read. */
const ENTRY_TYPES: Record<CitationKind, string> = {
  preprint: 'misc',
  article: 'article',
  report: 'techreport',
  paper: 'misc',
  webpage: 'online',
};

/** Where the item appeared: the journal of an article, the institution of a report, the server of a preprint. */
function venueField(source: CitationSource, kind: CitationKind): string | null {
  const publisher = citationPublisher(source);
  if (!publisher || kind === 'webpage' || citationArxivId(source)) return null;
  const name = kind === 'article' ? 'journal' : kind === 'report' ? 'institution' : 'publisher';
  return field(name, escapeBibtex(publisher));
}

/**
 * One BibTeX record: `@misc` with eprint fields for an arXiv preprint, `@article` with its journal, `@techreport` for a
 * paper an organisation published itself, `@misc` for other papers and `@online` for everything else. A known DOI is
 * given; a disputed paper gives no identifier and says why in `note`.
 */
export function toBibtexEntry(source: CitationSource): string {
  const kind = citationKind(source);
  const arxivId = citationArxivId(source);
  const doi = citationDoi(source) ?? (arxivId ? arxivDoi(arxivId) : null);
  const fields: string[] = [field('title', escapeBibtexTitle(citationTitle(source)))];
  const venue = venueField(source, kind);
  if (venue) fields.push(venue);
  if (source.publishedOn) {
    fields.push(
      field('year', escapeBibtex(source.publishedOn.slice(0, 4))),
      field('date', escapeBibtex(source.publishedOn)),
    );
  }
  if (arxivId) fields.push(field('eprint', escapeBibtexUrl(arxivId)), field('archivePrefix', 'arXiv'));
  if (doi) fields.push(field('doi', escapeBibtexUrl(doi)));
  fields.push(field('url', escapeBibtexUrl(citationUrl(source))), field('urldate', source.accessed));
  const note = [disputeNote(source), organisationsNote(source)].filter((part) => part !== null).join(' ');
  if (note) fields.push(field('note', escapeBibtex(note)));
  const issue = citationIssue(source);
  if (issue) fields.push(field('addendum', escapeBibtex(issue)));
  const keywords = keywordList(source.tags);
  if (keywords) fields.push(field('keywords', keywords));
  if (source.note.trim()) fields.push(field('annote', escapeBibtex(source.note.trim())));
  return `@${ENTRY_TYPES[kind]}{${bibtexKey(source.id)},\n${fields.join(',\n')}\n}\n`;
}

/** A .bib file of the sources, in the given order. */
export function toBibtex(sources: readonly CitationSource[]): string {
  return sources.map(toBibtexEntry).join('\n');
}
