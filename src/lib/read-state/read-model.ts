import { z } from '@/shared/zod';

/** The envelope version this code writes. */
export const READ_STATE_VERSION = 1;

/** One entry marked read or unread at a known time; the later mark of an entry wins when copies are merged. */
export interface ReadMark {
  entryId: string;
  /** ISO timestamp. */
  at: string;
}

/** When the reader was last here, and the newest issue the archive had then. */
export interface Visit {
  /** ISO timestamp of the last activity of the visit. */
  at: string;
  latestIssueId: string | null;
}

/** The one value kept in localStorage, and the `reading` part of a JSON backup. */
export interface ReadStateEnvelope {
  version: typeof READ_STATE_VERSION;
  read: ReadMark[];
  /** Entries marked unread after being read, so that merging with an older copy does not mark them read again. */
  unread: ReadMark[];
  /** The visit now under way, or the last one. */
  visit: Visit | null;
  /** The visit before it: what "new since your last visit" compares with. */
  previousVisit: Visit | null;
}

/** One item that could not be read and was left out. */
export interface ReadStateProblem {
  /** Where it was: `read[3]`, `visit`. */
  path: string;
  reason: string;
}

/** What reading an envelope item by item found. */
export interface ReadStateReport {
  total: number;
  setAside: ReadStateProblem[];
}

/** Raised when a value is not read state this code can read at all. */
export class ReadStateFormatError extends Error {
  override name = 'ReadStateFormatError';
  constructor(
    message: string,
    /** True when a newer version of the app wrote it. */
    readonly newerVersion = false,
  ) {
    super(message);
  }
}

/** Unread marks remembered, newest first, and for how long: enough for tabs left open for weeks. */
export const UNREAD_MARK_LIMIT = 500;
export const UNREAD_MARK_MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

const timestamp = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO timestamp'));
const markSchema = z.object({ entryId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)), at: timestamp });
const visitSchema = z.object({ at: timestamp, latestIssueId: z.nullable(z.string()) });

/** An empty read state. */
export const EMPTY_READ_STATE: ReadStateEnvelope = {
  version: READ_STATE_VERSION,
  read: [],
  unread: [],
  visit: null,
  previousVisit: null,
};

function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'unreadable';
}

function readMarks(value: unknown, list: 'read' | 'unread', report: ReadStateReport): ReadMark[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.setAside.push({ path: list, reason: 'expected a list' });
    return [];
  }
  const marks: ReadMark[] = [];
  value.forEach((item: unknown, index) => {
    report.total += 1;
    const parsed = markSchema.safeParse(item);
    if (parsed.success) marks.push({ entryId: parsed.data.entryId, at: parsed.data.at });
    else report.setAside.push({ path: `${list}[${index}]`, reason: firstIssue(parsed.error) });
  });
  return marks;
}

function readVisit(value: unknown, path: string, report: ReadStateReport): Visit | null {
  if (value === undefined || value === null) return null;
  report.total += 1;
  const parsed = visitSchema.safeParse(value);
  if (parsed.success) return { at: parsed.data.at, latestIssueId: parsed.data.latestIssueId };
  report.setAside.push({ path, reason: firstIssue(parsed.error) });
  return null;
}

/**
 * Reads stored or imported read state item by item: every readable mark is kept, the others are listed in the report.
 * @throws {ReadStateFormatError} when the value as a whole is not read state.
 */
export function readReadState(
  value: unknown,
  now: Date = new Date(),
): { envelope: ReadStateEnvelope; report: ReadStateReport } {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('version' in value))
    throw new ReadStateFormatError('It is not read state (no version).');
  const record = value as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ReadStateFormatError(`It has an unknown version (${JSON.stringify(version)}).`);
  if (version > READ_STATE_VERSION)
    throw new ReadStateFormatError(
      `It was saved by a newer version of Frontier Reader (format ${version}; this version reads up to ${READ_STATE_VERSION}).`,
      true,
    );
  const report: ReadStateReport = { total: 0, setAside: [] };
  const envelope = mergeReadState(
    EMPTY_READ_STATE,
    {
      version: READ_STATE_VERSION,
      read: readMarks(record.read, 'read', report),
      unread: readMarks(record.unread, 'unread', report),
      visit: readVisit(record.visit, 'visit', report),
      previousVisit: readVisit(record.previousVisit, 'previousVisit', report),
    },
    now,
  );
  return { envelope, report };
}

/** "2 read marks could not be read and were set aside"; empty when all was well. */
export function describeReadReport(report: ReadStateReport): string {
  const count = report.setAside.length;
  if (count === 0) return '';
  return count === 1
    ? '1 read mark could not be read and was set aside'
    : `${count} read marks could not be read and were set aside`;
}

function later(a: Visit | null, b: Visit | null): Visit | null {
  if (!a || !b) return a ?? b;
  return Date.parse(b.at) > Date.parse(a.at) ? b : a;
}

/**
 * Merges two copies of read state: for each entry the later mark wins (read on a tie), and each visit is the later of the
 * two. Order does not matter, so tabs and imports merge the same way. Old unread marks are forgotten.
 */
export function mergeReadState(a: ReadStateEnvelope, b: ReadStateEnvelope, now: Date = new Date()): ReadStateEnvelope {
  const latest = new Map<string, { at: number; iso: string; read: boolean }>();
  const add = (marks: readonly ReadMark[], read: boolean) => {
    for (const mark of marks) {
      const at = Date.parse(mark.at);
      const known = latest.get(mark.entryId);
      if (!known || at > known.at || (at === known.at && read && !known.read))
        latest.set(mark.entryId, { at, iso: mark.at, read });
    }
  };
  add(a.read, true);
  add(b.read, true);
  add(a.unread, false);
  add(b.unread, false);
  const read: ReadMark[] = [];
  const unread: { entryId: string; at: string; time: number }[] = [];
  const oldest = now.getTime() - UNREAD_MARK_MAX_AGE_MS;
  for (const [entryId, mark] of latest) {
    if (mark.read) read.push({ entryId, at: mark.iso });
    else if (mark.at >= oldest) unread.push({ entryId, at: mark.iso, time: mark.at });
  }
  read.sort((x, y) => Date.parse(x.at) - Date.parse(y.at) || x.entryId.localeCompare(y.entryId));
  unread.sort((x, y) => y.time - x.time || x.entryId.localeCompare(y.entryId));
  return {
    version: READ_STATE_VERSION,
    read,
    unread: unread.slice(0, UNREAD_MARK_LIMIT).map(({ entryId, at }) => ({ entryId, at })),
    visit: later(a.visit, b.visit),
    previousVisit: later(a.previousVisit, b.previousVisit),
  };
}

/** True when two envelopes hold the same marks and visits. */
export function sameReadState(a: ReadStateEnvelope, b: ReadStateEnvelope): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
