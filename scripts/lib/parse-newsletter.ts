/**
 * The newsletter parser: a pure function from one document's text to raw issues and entries,
 * with `file:line` diagnostics. It knows the markup; normalisation happens in build-archive.ts.
 */
import { parseHeadingDate, parseLeadingDate, type MonthDay } from './dates';
import { cleanText } from './inline';

/** How serious a diagnostic is: errors fail the build, warnings and info do not. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a source document, printed as `file:line: severity: message`. */
export interface Diagnostic {
  file: string;
  line: number;
  severity: Severity;
  message: string;
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
  /** Lines that start a numbered entry: every one of them must reach the bundle. */
  entryLineCount: number;
  diagnostics: Diagnostic[];
}

/** `12. ***…`, with a space or tab after the number. */
export const ENTRY_LINE = /^[ \t]*(\d+)\.[ \t]+\*\*\*(.*)$/;
const HEADING_LINE = /^\*\*\*(.*?)\*\*\*$/;
const BREAK = /<br\s*\/?>/i;

interface OpenEntry {
  number: number;
  line: number;
  bold: SourceLine[];
  boldClosed: boolean;
  body: SourceLine[];
}

/** Counts the numbered entry lines of a document, the figure the build's output must match. */
export function countEntryLines(text: string): number {
  return splitLines(text).filter((line) => ENTRY_LINE.test(line)).length;
}

/** Splits a document into lines, accepting a BOM and LF, CRLF or CR line ends. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function isBlank(text: string): boolean {
  return cleanText(text) === '';
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
  const report = (line: number, severity: Severity, message: string) =>
    diagnostics.push({ file, line, severity, message });

  let issue: RawIssue | null = null;
  let entry: OpenEntry | null = null;
  let entryLineCount = 0;

  const finishEntry = () => {
    if (!entry) return;
    const open = entry;
    entry = null;
    if (!open.boldClosed) {
      report(open.line, 'error', `bold block of entry ${open.number} opens here and never closes (expected "***")`);
      return;
    }
    if (open.body.length === 0) {
      report(open.line, 'error', `entry ${open.number} has no body (expected an indented paragraph starting "Mon D, …")`);
      return;
    }
    const bold = interpretBold(open, report);
    if (!issue) return;
    issue.entries.push({ number: open.number, line: open.line, headline: bold.headline, summary: bold.summary, body: open.body });
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const trimmed = raw.trim();
    const entryMatch = ENTRY_LINE.exec(raw);
    const headingMatch = entryMatch ? null : HEADING_LINE.exec(trimmed);
    const looksLikeHeading = !entryMatch && trimmed.startsWith('***');

    if (entry && !entry.boldClosed) {
      if (entryMatch || looksLikeHeading) {
        finishEntry();
      } else if (startsBody(raw, true)) {
        report(entry.line, 'warning', `bold block of entry ${entry.number} is not closed before its body on line ${lineNumber}; closed there`);
        entry.boldClosed = true;
      } else {
        const close = raw.indexOf('***');
        if (close === -1) {
          entry.bold.push({ line: lineNumber, text: raw });
          return;
        }
        entry.bold.push({ line: lineNumber, text: raw.slice(0, close) });
        entry.boldClosed = true;
        keepAfterBold(entry, raw.slice(close + 3), lineNumber, report);
        return;
      }
    }

    if (looksLikeHeading) {
      finishEntry();
      const content = headingMatch?.[1]?.trim() ?? '';
      const date = headingMatch ? parseHeadingDate(content) : null;
      if (!headingMatch) {
        report(lineNumber, 'error', `issue heading is not closed: expected "***Mon D***", found "${trimmed.slice(0, 60)}"`);
      } else if (!date) {
        report(lineNumber, 'error', `issue heading "${content}" is not a date (expected "Mon D" or "Mon D, YYYY")`);
      }
      issue = date ? { date, heading: content, line: lineNumber, entries: [] } : null;
      if (issue) issues.push(issue);
      return;
    }

    if (entryMatch) {
      finishEntry();
      entryLineCount += 1;
      const number = Number(entryMatch[1]);
      if (!issue) {
        report(lineNumber, 'error', `entry ${number} appears before any issue heading (expected "***Mon D***" above it)`);
      }
      const rest = entryMatch[2] ?? '';
      const close = rest.indexOf('***');
      entry = { number, line: lineNumber, bold: [], boldClosed: close !== -1, body: [] };
      entry.bold.push({ line: lineNumber, text: close === -1 ? rest : rest.slice(0, close) });
      if (close !== -1) keepAfterBold(entry, rest.slice(close + 3), lineNumber, report);
      return;
    }

    if (isBlank(raw)) return;
    if (entry) {
      entry.body.push({ line: lineNumber, text: raw });
      return;
    }
    report(lineNumber, 'warning', `text outside any entry is not part of the archive: "${cleanText(raw).slice(0, 60)}"`);
  });
  finishEntry();
  if (entry === null && issues.length === 0 && entryLineCount === 0) {
    report(1, 'warning', 'document has no issue headings or entries');
  }
  return { file, issues, entryLineCount, diagnostics };
}

/** Text after a bold block's closing `***` on the same line: a body when it starts with a date, else a stray. */
function keepAfterBold(
  entry: OpenEntry,
  rest: string,
  line: number,
  report: (line: number, severity: Severity, message: string) => void,
): void {
  if (isBlank(rest)) return;
  if (parseLeadingDate(cleanText(rest))) {
    entry.body.push({ line, text: rest });
    return;
  }
  report(line, 'warning', `stray text "${cleanText(rest).slice(0, 40)}" after the bold block of entry ${entry.number} is not part of the entry`);
}

/** Splits a bold block into headline and summary, whichever of the seen layouts it uses. */
function interpretBold(
  entry: OpenEntry,
  report: (line: number, severity: Severity, message: string) => void,
): { headline: string | null; summary: string } {
  const [first, ...others] = entry.bold;
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
    }
  }
  if (headline !== null) headline = headline.replace(/\s*:\s*$/, '');
  if (!headline) {
    headline = null;
    report(entry.line, 'warning', `entry ${entry.number} has no headline in its bold block; the paper title is used`);
  }
  const [summary, ...strays] = rest;
  for (const stray of strays) {
    report(stray.line, 'warning', `stray line inside the bold block of entry ${entry.number} ("${stray.text.slice(0, 60)}"); kept at the end of the summary`);
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
