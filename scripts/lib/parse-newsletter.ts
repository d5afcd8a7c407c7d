/**
 * The newsletter parser: a pure function from one document's text to raw issues and entries,
 * with `file:line` diagnostics. It knows the markup; normalisation happens in build-archive.ts.
 */
import { dateProblem, parseHeadingDate, parseLeadingDate, type MonthDay } from './dates';
import { cleanText } from './inline';

/** How serious a diagnostic is: errors fail the build, warnings and info do not. */
export type Severity = 'error' | 'warning' | 'info';

/** The entry a diagnostic is about (its entry line) and which problem it reports, so a correction can retire it. */
export interface DiagnosticSubject {
  entryLine: number;
  problem: 'no-headline' | 'stray-line';
  /** The stray line's text, for `stray-line`. */
  text?: string;
}

/** A problem found in a source document, printed as `file:line: severity: message`. */
export interface Diagnostic {
  file: string;
  line: number;
  severity: Severity;
  message: string;
  /** Set on the entry problems that data/corrections.json can resolve. */
  subject?: DiagnosticSubject;
}

/** A line of an entry body as written, with its line number. */
export interface SourceLine {
  line: number;
  text: string;
}

/** One numbered entry as parsed, before normalisation. */
export interface RawEntry {
  number: number;
  line: number;
  /** Null when the bold block has no headline of its own. */
  headline: string | null;
  summary: string;
  body: SourceLine[];
}

/** One issue heading and the entries under it. */
export interface RawIssue {
  date: MonthDay;
  heading: string;
  line: number;
  entries: RawEntry[];
}

/** Everything parsed from one document. */
export interface ParsedDocument {
  file: string;
  issues: RawIssue[];
  /** Entry lines the parser recognised; `findLostLines` checks independently that none was missed. */
  entryLineCount: number;
  diagnostics: Diagnostic[];
}

/** The largest entry number accepted; a longer number is a typo, not an entry. */
const MAX_ENTRY_NUMBER = 99_999;

/**
 * An entry line as authors write it: `12. ***…` is the house form; any white space (or none) after the
 * number, `)` for `.`, two asterisks for three and full-width digits are read too, with a warning.
 */
const ENTRY_LINE = /^(\s*)([0-9\uFF10-\uFF19]+)([.)\uFF0E\uFF09])(\s*)(\*{2,3})([^]*)$/u;
/** `***Nov 2***`, the house form of an issue heading. */
const HEADING_LINE = /^\*\*\*([^]*?)\*\*\*$/u;
/** `**Nov 2**`: read as a heading only when it holds a date, since two asterisks are also plain bold text. */
const TWO_STAR_HEADING_LINE = /^\*\*([^*][^]*?)\*\*$/u;
const BREAK = /<br\s*\/?>/i;

interface OpenEntry {
  number: number;
  line: number;
  /** `***` or `**`: the bold block closes with the marker it opened with. */
  marker: string;
  bold: SourceLine[];
  boldClosed: boolean;
  /** Text after the bold block on its closing line that is not a body. */
  after: SourceLine | null;
  body: SourceLine[];
  /** The entry line itself was an error; the entry is dropped and its error already reported. */
  rejected: boolean;
}

/** An entry line as read: its number, bold marker, text after the marker and how it strays from `N. ***`. */
interface EntryLine {
  number: number | null;
  digits: string;
  marker: string;
  rest: string;
  variants: string[];
}

/** Splits a document into lines, accepting a BOM and LF, CRLF or CR line ends. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** A character that cleaning never removes: anything but white space, `*` and the letters of `<br>` and `<br/>`. */
const KEPT_CHARACTER = /[^\s*<>/bBrR]/;

function isBlank(text: string): boolean {
  // Most lines have a kept character early on, found without building the cleaned text.
  return !KEPT_CHARACTER.test(text) && cleanText(text) === '';
}

/** Names the distinct white-space characters of a run (`U+00A0 + space`), since a reader cannot see them. */
function describeSpace(text: string): string {
  return [...new Set(text)]
    .map((c) =>
      c === ' '
        ? 'space'
        : c === '\t'
          ? 'tab'
          : `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
    )
    .join(' + ');
}

function readEntryLine(raw: string): EntryLine | null {
  const match = ENTRY_LINE.exec(raw);
  if (!match) return null;
  const [, indent = '', written = '', delimiter = '', space = '', marker = '', rest = ''] = match;
  const variants: string[] = [];
  if (!/^[ \t]*$/.test(indent)) variants.push(`indented with ${describeSpace(indent)}`);
  const digits = written.replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (digits !== written) variants.push('full-width digits');
  if (delimiter !== '.') variants.push(`"${delimiter}" after the number`);
  if (space === '') variants.push('no space after the number');
  else if (!/^[ \t]+$/.test(space)) variants.push(`${describeSpace(space)} after the number`);
  if (marker === '**') variants.push('two asterisks');
  const significant = digits.replace(/^0+(?=\d)/, '');
  const number =
    significant.length <= String(MAX_ENTRY_NUMBER).length && Number(significant) <= MAX_ENTRY_NUMBER
      ? Number(significant)
      : null;
  return { number, digits: significant, marker, rest, variants };
}

/** A body's first line: a date at the start, indented under the entry (bold block still open) or not. */
function startsBody(raw: string, boldOpen: boolean): boolean {
  const trimmed = raw.trim();
  if (!parseLeadingDate(trimmed)) return false;
  return !boldOpen || /^[ \t]{2,}/.test(raw);
}

/** Parses one newsletter document. Never throws on malformed input: problems become diagnostics. */
export function parseNewsletter(text: string, file: string): ParsedDocument {
  const lines = splitLines(text);
  const diagnostics: Diagnostic[] = [];
  const issues: RawIssue[] = [];
  const report = (line: number, severity: Severity, message: string, subject?: DiagnosticSubject) =>
    diagnostics.push(subject ? { file, line, severity, message, subject } : { file, line, severity, message });

  if (text.trim() === '') {
    report(
      1,
      'error',
      text === ''
        ? 'document is empty (expected issue headings "***Mon D, YYYY***" and numbered entries)'
        : 'document has only white space (expected issue headings "***Mon D, YYYY***" and numbered entries)',
    );
    return { file, issues, entryLineCount: 0, diagnostics };
  }

  let issue: RawIssue | null = null;
  let entry: OpenEntry | null = null;
  let entryLineCount = 0;
  let headingSeen = false;

  const finishEntry = () => {
    if (!entry) return;
    const open = entry;
    entry = null;
    if (open.rejected) return;
    if (!open.boldClosed) {
      report(
        open.line,
        'error',
        `bold block of entry ${open.number} opens here and never closes (expected "${open.marker}")`,
      );
      return;
    }
    if (open.body.length === 0) {
      report(
        open.line,
        'error',
        `entry ${open.number} has no body (expected an indented paragraph starting "Mon D, …")`,
      );
      return;
    }
    const bold = interpretBold(open, report);
    if (!issue) return;
    issue.entries.push({
      number: open.number,
      line: open.line,
      headline: bold.headline,
      summary: bold.summary,
      body: open.body,
    });
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const trimmed = raw.trim();
    const entryLine = readEntryLine(raw);
    const threeStarHeading = !entryLine && trimmed.startsWith('***');
    const twoStarMatch = entryLine || threeStarHeading ? null : TWO_STAR_HEADING_LINE.exec(trimmed);
    const twoStarDate = twoStarMatch ? parseHeadingDate(twoStarMatch[1] ?? '') : null;
    const looksLikeHeading = threeStarHeading || twoStarDate !== null;

    if (entry && !entry.boldClosed) {
      if (entryLine || looksLikeHeading) {
        finishEntry();
      } else if (startsBody(raw, true)) {
        report(
          entry.line,
          'warning',
          `bold block of entry ${entry.number} is not closed before its body on line ${lineNumber}; closed there`,
        );
        entry.boldClosed = true;
      } else {
        const close = raw.indexOf(entry.marker);
        if (close === -1) {
          entry.bold.push({ line: lineNumber, text: raw });
          return;
        }
        entry.bold.push({ line: lineNumber, text: raw.slice(0, close) });
        entry.boldClosed = true;
        keepAfterBold(entry, raw.slice(close + entry.marker.length), lineNumber);
        return;
      }
    }

    if (looksLikeHeading) {
      finishEntry();
      headingSeen = true;
      const headingMatch = threeStarHeading ? HEADING_LINE.exec(trimmed) : twoStarMatch;
      const content = headingMatch?.[1]?.trim() ?? '';
      let date = threeStarHeading ? (headingMatch ? parseHeadingDate(content) : null) : twoStarDate;
      const problem = date ? dateProblem(date) : null;
      if (!headingMatch) {
        report(
          lineNumber,
          'error',
          `issue heading is not closed: expected "***Mon D***", found "${trimmed.slice(0, 60)}"`,
        );
      } else if (!date) {
        report(
          lineNumber,
          'error',
          `issue heading "${content.slice(0, 60)}" is not a date (expected "Mon D" or "Mon D, YYYY")`,
        );
      } else if (problem) {
        report(lineNumber, 'error', `issue heading "${content}" is not a real date: ${problem}`);
        date = null;
      } else if (!threeStarHeading) {
        report(
          lineNumber,
          'warning',
          `issue heading written with two asterisks ("**${content}**"); read as an issue heading (expected "***${content}***")`,
        );
      }
      issue = date ? { date, heading: content, line: lineNumber, entries: [] } : null;
      if (issue) issues.push(issue);
      return;
    }

    if (entryLine) {
      finishEntry();
      entryLineCount += 1;
      const number = entryLine.number ?? 0;
      const rejected = entryLine.number === null;
      if (rejected) {
        const shown =
          entryLine.digits.length > 20
            ? `${entryLine.digits.slice(0, 20)}… (${entryLine.digits.length} digits)`
            : entryLine.digits;
        report(lineNumber, 'error', `entry number ${shown} is too large (at most ${MAX_ENTRY_NUMBER})`);
      } else {
        if (!issue) {
          report(
            lineNumber,
            'error',
            `entry ${number} appears before any issue heading (expected "***Mon D***" above it)`,
          );
        }
        if (entryLine.variants.length > 0) {
          const written = raw.trimStart();
          const start = written.slice(0, Math.min(40, written.length - entryLine.rest.length));
          report(
            lineNumber,
            'warning',
            `entry ${number} is written "${start}" (${entryLine.variants.join(', ')}); read as an entry (expected "${number}. ***")`,
          );
        }
      }
      const rest = entryLine.rest;
      const close = rest.indexOf(entryLine.marker);
      entry = {
        number,
        line: lineNumber,
        marker: entryLine.marker,
        bold: [],
        boldClosed: close !== -1,
        after: null,
        body: [],
        rejected,
      };
      entry.bold.push({ line: lineNumber, text: close === -1 ? rest : rest.slice(0, close) });
      if (close !== -1) keepAfterBold(entry, rest.slice(close + entryLine.marker.length), lineNumber);
      return;
    }

    if (isBlank(raw)) return;
    if (entry) {
      entry.body.push({ line: lineNumber, text: raw });
      return;
    }
    report(
      lineNumber,
      'warning',
      `text outside any entry is not part of the archive: "${cleanText(raw).slice(0, 60)}"`,
    );
  });
  finishEntry();
  if (!headingSeen) {
    report(1, 'error', 'document has no issue heading (expected a line such as "***Nov 2, 2024***" above its entries)');
  }
  return { file, issues, entryLineCount, diagnostics };
}

/** Text after a bold block's closing marker on the same line: a body when it starts with a date, else kept aside. */
function keepAfterBold(entry: OpenEntry, rest: string, line: number): void {
  if (isBlank(rest)) return;
  if (parseLeadingDate(cleanText(rest))) {
    entry.body.push({ line, text: rest });
    return;
  }
  entry.after = { line, text: rest };
}

/** Splits a bold block into headline and summary, whichever of the seen layouts it uses. */
function interpretBold(
  entry: OpenEntry,
  report: (line: number, severity: Severity, message: string, subject?: DiagnosticSubject) => void,
): { headline: string | null; summary: string } {
  const [first, ...others] = entry.bold;
  const after = entry.after ? { line: entry.after.line, text: cleanText(entry.after.text) } : null;
  const segments: SourceLine[] = [];
  for (const part of entry.bold) {
    for (const piece of part.text.split(/<br\s*\/?>/i)) {
      const text = cleanText(piece);
      if (text) segments.push({ line: part.line, text });
    }
  }
  const firstHasBreak = first ? BREAK.test(first.text) : false;
  const multiLine = others.some((part) => !isBlank(part.text));
  let headline: string | null = null;
  let rest = segments;
  if (firstHasBreak || multiLine) {
    headline = segments[0]?.text ?? null;
    rest = segments.slice(1);
  } else if (segments.length === 1 && segments[0]) {
    const split = splitInlineHeadline(segments[0].text);
    if (split) {
      headline = split.headline;
      rest = [{ line: segments[0].line, text: split.summary }];
    } else if (after && (entry.marker === '**' || segments[0].text.endsWith(':'))) {
      // `6. **Headline:** Summary…`: the bold block is the headline and the summary follows it.
      headline = segments[0].text;
      rest = [after];
    }
  }
  if (after && rest[0] !== after) {
    report(
      after.line,
      'warning',
      `stray text "${after.text.slice(0, 40)}" after the bold block of entry ${entry.number} is not part of the entry`,
    );
  }
  if (headline !== null) headline = headline.replace(/\s*:\s*$/, '');
  if (!headline) {
    headline = null;
    report(entry.line, 'warning', `entry ${entry.number} has no headline in its bold block; the paper title is used`, {
      entryLine: entry.line,
      problem: 'no-headline',
    });
  }
  const [summary, ...strays] = rest;
  for (const stray of strays) {
    report(
      stray.line,
      'warning',
      `stray line inside the bold block of entry ${entry.number} ("${stray.text.slice(0, 60)}"); kept at the end of the summary`,
      { entryLine: entry.line, problem: 'stray-line', text: stray.text },
    );
  }
  if (!summary) report(entry.line, 'warning', `entry ${entry.number} has no summary`);
  return { headline, summary: rest.map((part) => part.text).join(' ') };
}

/** `Headline: summary…` on one line with no `<br>`: a short title-like prefix before the first colon. */
function splitInlineHeadline(text: string): { headline: string; summary: string } | null {
  const colon = text.indexOf(': ');
  if (colon <= 0 || colon > 100) return null;
  const headline = text.slice(0, colon);
  if (/[.!?]\s/.test(headline) || headline.split(/\s+/).length > 12) return null;
  return { headline, summary: text.slice(colon + 2).trim() };
}

/*
 * The lost-line check. Deliberately looser than the parser and sharing none of its patterns, so a line
 * the parser fails to recognise as an entry or a heading is caught here instead of being merged into
 * the entry above it.
 */

/** Any decimal digits, then `.` or `)` and an asterisk, or two asterisks straight after the number. */
const LOOKS_LIKE_ENTRY = /^\s*\p{Nd}+\s*(?:[.)\uFF0E\uFF09]\s*[*\uFF0A]|[*\uFF0A]{2})/u;
/** Bold or italic markers, a month name and a day number: the start of something like `**Nov 9, 2024**`. */
const LOOKS_LIKE_HEADING_START =
  /^[*_\uFF0A]+\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?\s*\p{Nd}/iu;
const MARKUP_BREAK = /<br\s*\/?>/gi;

/** A short line that opens and closes with emphasis around a date. */
function looksLikeHeading(raw: string): boolean {
  const trimmed = raw.trim();
  if (!LOOKS_LIKE_HEADING_START.test(trimmed)) return false;
  const bare = trimmed.replace(MARKUP_BREAK, '').trim();
  return bare.length <= 80 && /[*_\uFF0A]$/u.test(bare);
}

/** Lines that look like the start of an entry or of an issue heading, by the loose test. */
export function startLikeLines(text: string): { entries: number[]; headings: number[] } {
  const entries: number[] = [];
  const headings: number[] = [];
  splitLines(text).forEach((raw, index) => {
    if (LOOKS_LIKE_ENTRY.test(raw)) entries.push(index + 1);
    else if (looksLikeHeading(raw)) headings.push(index + 1);
  });
  return { entries, headings };
}

/** Counts the lines that look like the start of an entry: every one of them must reach the bundle. */
export function countEntryLines(text: string): number {
  return startLikeLines(text).entries.length;
}

/**
 * An error for every line that looks like an entry or an issue heading but became neither, found
 * independently of the parser: `kept` are the entries that reached the bundle.
 */
export function findLostLines(
  sources: readonly { file: string; text: string }[],
  documents: readonly ParsedDocument[],
  kept: readonly { file: string; line: number }[],
): Diagnostic[] {
  const keptLines = new Set(kept.map((entry) => `${entry.file}:${entry.line}`));
  const headingLines = new Set(
    documents.flatMap((document) => document.issues.map((issue) => `${document.file}:${issue.line}`)),
  );
  const lost: Diagnostic[] = [];
  for (const source of sources) {
    const lines = splitLines(source.text);
    const starts = startLikeLines(source.text);
    const quote = (line: number) => cleanText(lines[line - 1] ?? '').slice(0, 40);
    for (const line of starts.entries) {
      if (keptLines.has(`${source.file}:${line}`)) continue;
      lost.push({
        file: source.file,
        line,
        severity: 'error',
        message: `line looks like the start of an entry ("${quote(line)}") but no entry was read from it (write it as "N. ***Headline: <br>Summary***")`,
      });
    }
    for (const line of starts.headings) {
      if (headingLines.has(`${source.file}:${line}`)) continue;
      lost.push({
        file: source.file,
        line,
        severity: 'error',
        message: `line looks like an issue heading ("${quote(line)}") but no issue was read from it (write it as "***Mon D, YYYY***")`,
      });
    }
  }
  return lost.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** A document's text decoded from its bytes, or null with an error when it cannot be read as text. */
export interface DecodedDocument {
  text: string | null;
  diagnostics: Diagnostic[];
}

/** Index of the first byte that breaks UTF-8 (overlong forms and surrogates included), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** The 1-based line of a byte offset, counting LF, CRLF and lone CR as line ends. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/** Windows-1252 characters for bytes 0x80–0x9F (0 where the code page defines none); other bytes are Latin-1. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes Windows-1252 by table, since Node 20's TextDecoder reads that label as Latin-1; stops at a byte with no character. */
function decodeWindows1252(bytes: Uint8Array): { text: string } | { undefinedAt: number } {
  const chars: string[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    const code = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? 0) : byte;
    if (code === 0) return { undefinedAt: i };
    chars.push(String.fromCharCode(code));
  }
  return { text: chars.join('') };
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Decodes a source document: UTF-8 (with or without BOM); UTF-16 LE or BE by its BOM; otherwise
 * Windows-1252 with a warning naming the first line that is not UTF-8. No character is ever replaced:
 * NUL bytes (a binary file) and bytes that are no character in any of these encodings are errors.
 */
export function decodeDocument(bytes: Uint8Array, file: string): DecodedDocument {
  const diagnostics: Diagnostic[] = [];
  const fail = (line: number, message: string): DecodedDocument => ({
    text: null,
    diagnostics: [...diagnostics, { file, line, severity: 'error', message }],
  });
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return fail(
        1,
        `not valid ${utf16.toUpperCase()} although it starts with a UTF-16 byte-order mark (save the file as UTF-8)`,
      );
    }
    const nul = text.indexOf('\u0000');
    if (nul !== -1)
      return fail(
        splitLines(text.slice(0, nul)).length,
        'binary file: it contains NUL characters (expected a text document)',
      );
    return { text, diagnostics };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      lineOfByte(bytes, nul),
      'binary file: it contains NUL bytes (expected a text document; UTF-16 needs a byte-order mark)',
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad === -1) return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return fail(
      lineOfByte(bytes, bad),
      `not valid UTF-8 (byte ${hex(bytes[bad] ?? 0)}) although it starts with a UTF-8 byte-order mark (save the file as UTF-8)`,
    );
  }
  const windows = decodeWindows1252(bytes);
  if ('undefinedAt' in windows) {
    const at = windows.undefinedAt;
    return fail(
      lineOfByte(bytes, at),
      `not UTF-8, and byte ${hex(bytes[at] ?? 0)} is not a character in Windows-1252 either (save the file as UTF-8)`,
    );
  }
  const byte = bytes[bad] ?? 0;
  const shown = decodeWindows1252(Uint8Array.of(byte));
  diagnostics.push({
    file,
    line: lineOfByte(bytes, bad),
    severity: 'warning',
    message: `not UTF-8 (byte ${hex(byte)} is "${'text' in shown ? shown.text : ''}" in Windows-1252); read as Windows-1252 (save the file as UTF-8 to be sure)`,
  });
  return { text: windows.text, diagnostics };
}
