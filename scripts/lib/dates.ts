/** Month-day dates as the newsletter writes them, and year resolution. Pure functions. */
import { MONTH_NAMES } from '../../src/shared/labels';

const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());

/** A date as printed, with the year when the author gave one. */
export interface MonthDay {
  month: number;
  day: number;
  year: number | null;
}

const MONTH_NAME =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** `Nov 2`, `Nov 2, 2024`, `November 2nd 2024` as a whole string. */
const WHOLE_DATE = new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`, 'i');

/** A date at the start of an entry body: `Oct 31, …` or `Oct 31, 2024, …`. */
const LEADING_DATE = new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*(\\d{4}))?\\s*,\\s*`, 'i');

/** The date as written, day 1–31: whether that day exists in its month and year is `dateProblem`'s question. */
function toMonthDay(match: RegExpExecArray): MonthDay | null {
  const month = MONTHS.indexOf((match[1] ?? '').slice(0, 3).toLowerCase()) + 1;
  const day = Number(match[2]);
  const year = match[3] ? Number(match[3]) : null;
  if (month < 1 || day < 1 || day > 31) return null;
  return { month, day, year };
}

/**
 * Why a written date cannot exist (`Apr 31`, `Feb 30`, `Feb 29, 2023`), or null when it can.
 * A date without a year is checked against a leap year: the year it gets later is `validIsoDate`'s check.
 */
export function dateProblem(date: MonthDay): string | null {
  const days = daysInMonth(date.year ?? 2000, date.month);
  if (date.day <= days) return null;
  const name = MONTH_NAMES[date.month - 1] ?? '';
  return date.year === null || date.month !== 2 ? `${name} has ${days} days` : `${name} ${date.year} has ${days} days`;
}

/** YYYY-MM-DD when that day exists (no Feb 29 in 2023, no Apr 31), else null. */
export function validIsoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

/** Parses a whole heading such as `Nov 2` or `Dec 29, 2024`; null when it is not a date. */
export function parseHeadingDate(text: string): MonthDay | null {
  const match = WHOLE_DATE.exec(text.trim());
  return match ? toMonthDay(match) : null;
}

/** The date that starts a body line and how many characters it spans; null when the line does not start with one. */
export function parseLeadingDate(text: string): { date: MonthDay; length: number } | null {
  const match = LEADING_DATE.exec(text);
  if (!match) return null;
  const date = toMonthDay(match);
  return date ? { date, length: match[0].length } : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY-MM-DD. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The year of an undated entry, resolved against its issue's date: an entry is never more than
 * a week after its issue, so Dec 30 in a Jan 5 issue is from the year before.
 */
export function resolveEntryYear(entry: MonthDay, issueIso: string): number {
  if (entry.year !== null) return entry.year;
  const issueYear = Number(issueIso.slice(0, 4));
  const sameYear = isoDate(issueYear, entry.month, entry.day);
  return dayNumber(sameYear) > dayNumber(issueIso) + 7 ? issueYear - 1 : issueYear;
}

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/**
 * The year of an issue heading without one, from the arXiv identifiers (YYMM…) of its entries:
 * a paper is covered after it appears, so each identifier votes for the first year in which the
 * heading's month is not before the paper's month. Null when there is no identifier to go by.
 */
export function inferYearFromArxiv(heading: MonthDay, arxivIds: readonly string[]): number | null {
  const votes = new Map<number, number>();
  for (const id of arxivIds) {
    const match = /^(\d{2})(\d{2})\./.exec(id);
    if (!match) continue;
    const paperYear = 2000 + Number(match[1]);
    const paperMonth = Number(match[2]);
    if (paperMonth < 1 || paperMonth > 12) continue;
    const year = heading.month >= paperMonth ? paperYear : paperYear + 1;
    votes.set(year, (votes.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestVotes = 0;
  for (const [year, count] of [...votes].sort((a, b) => a[0] - b[0])) {
    if (count > bestVotes) {
      best = year;
      bestVotes = count;
    }
  }
  return best;
}

/** A heading's date as a title: `November 2, 2024`. */
export function formatIssueTitle(iso: string): string {
  return `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;
}
