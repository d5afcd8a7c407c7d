/**
 * The curated corrections of `data/corrections.json`: source errors checked against a public record, applied to the
 * built entries with a diagnostic for each one applied and each one that no longer matches. Pure: the file is read
 * and validated in scripts/build-data.ts.
 */
import { arxivAbsUrl } from '../../src/shared/arxiv';
import type { Entry } from '../../src/shared/bundle';
import type { Diagnostic, DiagnosticSubject } from './parse-newsletter';

/** Names an entry: where its entry line is in the source, or its issue date and the number the source gives it. */
export type EntryReference = { file: string; line: number } | { issue: string; number: number };

/** Where a correction is written, for the diagnostics about it. */
interface CorrectionLocation {
  file: string;
  line: number;
}

interface CorrectionBase {
  at: CorrectionLocation;
  entry: EntryReference;
  /** The URL of the public record the new value was checked against, such as `https://arxiv.org/abs/2410.02525`. */
  checkedAgainst: string;
  /** Why, for the curator; not used by the build. */
  note?: string | undefined;
}

/** Sets one field of an entry, if it still has the value the correction expects. */
type FieldCorrection = CorrectionBase &
  (
    | { field: 'paper.arxivId' | 'paper.title' | 'headline'; from: string; to: string }
    | { field: 'paper.doi'; from: string | null; to: string | null }
  );

/**
 * Moves a line that the source put at the end of one entry's bold block (where the build appends it to the summary)
 * to another entry that has no headline of its own, as that entry's headline.
 */
interface StrayHeadlineCorrection extends CorrectionBase {
  field: 'strayHeadline';
  /** The stray line: the summary of `entry` must end with it. */
  from: string;
  moveTo: EntryReference;
}

/** One curated correction. */
export type Correction = FieldCorrection | StrayHeadlineCorrection;

function describeReference(reference: EntryReference): string {
  return 'issue' in reference
    ? `entry ${reference.number} of issue ${reference.issue}`
    : `the entry at ${reference.file}:${reference.line}`;
}

function quote(value: string | null): string {
  return value === null ? 'none' : `"${value}"`;
}

/** Finds entries by either kind of reference; built once, so each lookup is constant time. */
class EntryIndex {
  private readonly byLocation = new Map<string, Entry>();
  private readonly byNumber = new Map<string, Entry[]>();
  private readonly read = new Set<string>();

  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      this.read.add(`issue\n${entry.issueId}`).add(`file\n${entry.source.file}`);
      this.byLocation.set(`${entry.source.file}\n${entry.source.line}`, entry);
      const key = `${entry.issueId}\n${entry.number}`;
      const list = this.byNumber.get(key);
      if (list) list.push(entry);
      else this.byNumber.set(key, [entry]);
    }
  }

  /** Whether the build read the issue or document the reference points into. */
  reads(reference: EntryReference): boolean {
    return this.read.has('issue' in reference ? `issue\n${reference.issue}` : `file\n${reference.file}`);
  }

  find(reference: EntryReference): Entry[] {
    if ('issue' in reference) return this.byNumber.get(`${reference.issue}\n${reference.number}`) ?? [];
    const entry = this.byLocation.get(`${reference.file}\n${reference.line}`);
    return entry ? [entry] : [];
  }
}

function currentValue(entry: Entry, field: FieldCorrection['field']): string | null | undefined {
  if (field === 'headline') return entry.headline;
  if (!entry.paper) return undefined;
  if (field === 'paper.arxivId') return entry.paper.arxivId;
  if (field === 'paper.title') return entry.paper.title;
  return entry.paper.doi;
}

function setValue(entry: Entry, correction: FieldCorrection): void {
  const paper = entry.paper;
  if (correction.field === 'headline') entry.headline = correction.to;
  else if (!paper) return;
  else if (correction.field === 'paper.title') paper.title = correction.to;
  else if (correction.field === 'paper.doi') paper.doi = correction.to;
  else {
    // The paper's page follows its id; a paper page that is not the old id's abstract is the source's own link.
    if (paper.url === arxivAbsUrl(correction.from)) paper.url = arxivAbsUrl(correction.to);
    paper.arxivId = correction.to;
  }
}

/**
 * Applies the corrections to the entries, in place, before anything is derived from the corrected fields. Reports
 * every correction applied as `info` at the entry's source line, and as a `warning` at the correction's own line every
 * one that matches nothing: no entry in an issue or document the build read, several entries, or an entry whose value
 * is no longer the one it expects. A correction about an issue or document the build did not read is skipped. Parser
 * warnings that an applied correction resolves are removed from `diagnostics`. Linear in entries plus corrections.
 */
export function applyCorrections(
  entries: readonly Entry[],
  corrections: readonly Correction[],
  diagnostics: Diagnostic[],
): void {
  const index = new EntryIndex(entries);
  const resolved = new Set<string>();
  const subjectKey = (file: string, { entryLine, problem, text = '' }: DiagnosticSubject) =>
    `${file}\n${entryLine}\n${problem}\n${text}`;
  const subjects = new Set(
    diagnostics.flatMap((diagnostic) => (diagnostic.subject ? [subjectKey(diagnostic.file, diagnostic.subject)] : [])),
  );
  const stale = (correction: Correction, why: string) =>
    diagnostics.push({
      file: correction.at.file,
      line: correction.at.line,
      severity: 'warning',
      message: `correction of ${correction.field} for ${describeReference(correction.entry)} not applied: ${why} (update or remove the correction)`,
    });
  const one = (correction: Correction, reference: EntryReference): Entry | null => {
    const found = index.find(reference);
    if (found.length === 1) return found[0] ?? null;
    // A build of other documents (a test, a subset) has nothing to correct there; that is not a stale correction.
    if (found.length === 0 && !index.reads(reference)) return null;
    if (found.length === 0) stale(correction, `${describeReference(reference)} is not in the archive`);
    else {
      const where = found.map((entry) => `${entry.source.file}:${entry.source.line}`).join(', ');
      stale(
        correction,
        `${describeReference(reference)} is ${found.length} entries (${where}); name it by file and line`,
      );
    }
    return null;
  };
  const applied = (entry: Entry, correction: Correction, field: string, how: string) =>
    diagnostics.push({
      file: entry.source.file,
      line: entry.source.line,
      severity: 'info',
      message: `corrected ${field} of entry ${entry.number} (${entry.id}) ${how}, checked against ${correction.checkedAgainst} (${correction.at.file}:${correction.at.line})`,
    });

  for (const correction of corrections) {
    const entry = one(correction, correction.entry);
    if (!entry) continue;
    if (correction.field === 'strayHeadline') {
      const target = one(correction, correction.moveTo);
      if (!target) continue;
      const { summary } = entry;
      const tail = summary === correction.from ? '' : summary.endsWith(` ${correction.from}`) ? ' ' : null;
      if (tail === null) {
        stale(correction, `the summary of entry ${entry.number} no longer ends with ${quote(correction.from)}`);
        continue;
      }
      const noHeadline: DiagnosticSubject = { entryLine: target.source.line, problem: 'no-headline' };
      if (!subjects.has(subjectKey(target.source.file, noHeadline))) {
        stale(
          correction,
          `entry ${target.number} (${target.id}) now has a headline of its own, ${quote(target.headline)}`,
        );
        continue;
      }
      entry.summary = summary.slice(0, summary.length - correction.from.length - tail.length);
      target.headline = correction.from;
      const stray: DiagnosticSubject = { entryLine: entry.source.line, problem: 'stray-line', text: correction.from };
      resolved.add(subjectKey(entry.source.file, stray));
      resolved.add(subjectKey(target.source.file, noHeadline));
      applied(
        entry,
        correction,
        'summary',
        `by moving its last line, ${quote(correction.from)}, to entry ${target.number}`,
      );
      applied(target, correction, 'headline', `to ${quote(correction.from)}, the stray line of entry ${entry.number}`);
      continue;
    }
    const current = currentValue(entry, correction.field);
    if (current === undefined) {
      stale(correction, `entry ${entry.number} (${entry.id}) has no paper`);
      continue;
    }
    if (current !== correction.from) {
      stale(
        correction,
        `${correction.field} of entry ${entry.number} (${entry.id}) is ${quote(current)}, not ${quote(correction.from)}`,
      );
      continue;
    }
    setValue(entry, correction);
    if (correction.field === 'headline')
      resolved.add(subjectKey(entry.source.file, { entryLine: entry.source.line, problem: 'no-headline' }));
    applied(entry, correction, correction.field, `from ${quote(correction.from)} to ${quote(correction.to)}`);
  }

  if (resolved.size === 0) return;
  const kept = diagnostics.filter(
    (diagnostic) => !diagnostic.subject || !resolved.has(subjectKey(diagnostic.file, diagnostic.subject)),
  );
  // Refilled in a loop: spreading a large archive's diagnostics into one call could exceed the argument limit.
  diagnostics.length = 0;
  for (const diagnostic of kept) diagnostics.push(diagnostic);
}

/**
 * The 1-based line on which each element of the top-level array `key` of a JSON text starts, so problems with one
 * correction can name its line. One pass over the text; [] when the key is missing.
 */
export function elementLines(json: string, key: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastString: string | null = null;
  let currentKey: string | null = null;
  let inTarget = false;
  let expectElement = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json[i];
    if (c === '\n') line += 1;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        if (depth === 1) lastString = json.slice(stringStart + 1, i);
      }
      continue;
    }
    if (inTarget && depth === 2 && expectElement && c !== undefined && !/[\s,\]]/.test(c)) {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') {
      inString = true;
      stringStart = i;
    } else if (c === ':' && depth === 1) currentKey = lastString;
    else if (c === ',' && depth === 1) currentKey = null;
    else if (c === ',' && depth === 2 && inTarget) expectElement = true;
    else if (c === '{' || c === '[') {
      if (c === '[' && depth === 1 && currentKey === key) {
        inTarget = true;
        expectElement = true;
      }
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 1) inTarget = false;
    }
  }
  return lines;
}
