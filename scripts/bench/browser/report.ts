/**
 * The browser benchmark's output: medians over runs, the Markdown table of every size (ours beside Pagefind, with
 * ratios), and the goal table with each cell marked met or missed.
 */
import { EVENT_THRESHOLD_MS, type HomeResult, type SearchResult } from './measure';

/** Everything measured for one archive size, one value per run (a failed measurement leaves its run out). */
export interface SizeResult {
  entries: number;
  /** Bytes of the built archive on disk (every file the build wrote). */
  archiveBytes: number;
  build: number[];
  pagefindIndex: number[];
  home: HomeResult[];
  ours: SearchResult[];
  pagefind: SearchResult[];
  /** Load average (1, 5, 15 min) when the size's browser runs began. */
  loadBefore: string;
  /** What went wrong, one line each. */
  errors: string[];
}

/** The median of the values, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The nearest-rank percentile (0 < p ≤ 100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Medians over runs of everything a row shows. */
interface Summary {
  entries: number;
  archiveBytes: number;
  build: number | null;
  pagefindIndex: number | null;
  /** Seconds. */
  home: number | null;
  homeBytes: number | null;
  ours: SearchSummary;
  pagefind: SearchSummary;
  /** Ours: the longest task of the home page and of the search page, whichever is longer. */
  oursLongestTask: number | null;
  loadBefore: string;
}

interface SearchSummary {
  answer: number | null;
  bytes: number | null;
  requests: number | null;
  heap: number | null;
  p95: number | null;
  worst: number | null;
  longestTask: number | null;
}

function summariseSearch(runs: readonly SearchResult[]): SearchSummary {
  return {
    answer: median(runs.map((run) => run.ms)),
    bytes: median(runs.map((run) => run.bytes)),
    requests: median(runs.map((run) => run.requests.length)),
    heap: median(runs.map((run) => run.heap)),
    p95: median(runs.map((run) => percentile(run.keystrokes, 95))),
    worst: median(runs.map((run) => Math.max(...run.keystrokes))),
    longestTask: median(runs.map((run) => run.longestTask)),
  };
}

function summarise(size: SizeResult): Summary {
  const ours = summariseSearch(size.ours);
  const homeTask = median(size.home.map((run) => run.longestTask));
  return {
    entries: size.entries,
    archiveBytes: size.archiveBytes,
    build: median(size.build),
    pagefindIndex: median(size.pagefindIndex),
    home: median(size.home.map((run) => run.ms / 1000)),
    homeBytes: median(size.home.map((run) => run.bytes)),
    ours,
    pagefind: summariseSearch(size.pagefind),
    oursLongestTask:
      homeTask === null && ours.longestTask === null ? null : Math.max(homeTask ?? 0, ours.longestTask ?? 0),
    loadBefore: size.loadBefore,
  };
}

const DASH = '–';

const seconds = (value: number | null, digits = 2) => (value === null ? DASH : `${value.toFixed(digits)} s`);
const ms = (value: number | null) => (value === null ? DASH : `${Math.round(value).toLocaleString('en-US')}`);
/** A keystroke at the Event Timing threshold was (almost always) one the API did not report: under it. */
const keystroke = (value: number | null) =>
  value !== null && value <= EVENT_THRESHOLD_MS ? `≤ ${EVENT_THRESHOLD_MS}` : ms(value);
/** A long task of 0 means none reached the Long Tasks API's 50 ms. */
const task = (value: number | null) => (value === null ? DASH : value === 0 ? '< 50' : ms(value));
const megabytes = (value: number | null) => (value === null ? DASH : `${(value / 1e6).toFixed(1)} MB`);
function bytes(value: number | null): string {
  if (value === null) return DASH;
  return value >= 1e6 ? `${(value / 1e6).toFixed(1)} MB` : `${Math.round(value / 1e3).toLocaleString('en-US')} KB`;
}
function ratio(ours: number | null, theirs: number | null): string {
  return ours === null || theirs === null || theirs === 0 ? DASH : `${(ours / theirs).toFixed(2)}×`;
}

/** The table of every size: ours beside Pagefind, with ratios (ours / Pagefind; below 1 is ours faster or smaller). */
function resultsTable(rows: readonly Summary[]): string[] {
  return [
    '| entries | our build | Pagefind index | our home page | our first answer | Pagefind first answer | ours / Pagefind | our keystroke p95 / worst (ms) | Pagefind p95 / worst (ms) | p95 ours / Pagefind | longest main-thread task, ours / Pagefind (ms) | JS heap, ours / Pagefind | bytes before the first answer, ours / Pagefind | bytes ours / Pagefind |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows
      .map((row) =>
        [
          row.entries.toLocaleString('en-US'),
          seconds(row.build, 1),
          seconds(row.pagefindIndex, 1),
          seconds(row.home),
          seconds(row.ours.answer === null ? null : row.ours.answer / 1000),
          seconds(row.pagefind.answer === null ? null : row.pagefind.answer / 1000),
          ratio(row.ours.answer, row.pagefind.answer),
          `${keystroke(row.ours.p95)} / ${keystroke(row.ours.worst)}`,
          `${keystroke(row.pagefind.p95)} / ${keystroke(row.pagefind.worst)}`,
          ratio(row.ours.p95, row.pagefind.p95),
          `${task(row.oursLongestTask)} / ${task(row.pagefind.longestTask)}`,
          `${megabytes(row.ours.heap)} / ${megabytes(row.pagefind.heap)}`,
          `${bytes(row.ours.bytes)} / ${bytes(row.pagefind.bytes)}`,
          ratio(row.ours.bytes, row.pagefind.bytes),
        ].join(' | '),
      )
      .map((cells) => `| ${cells} |`),
  ];
}

/** The archive's size and what the home page downloaded, per size. */
function detailsTable(rows: readonly Summary[]): string[] {
  return [
    '| entries | archive on disk | bytes before our home page | requests before the first answer, ours / Pagefind | load average before the browser runs |',
    '|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.entries.toLocaleString('en-US')} | ${bytes(row.archiveBytes)} | ${bytes(row.homeBytes)} | ${row.ours.requests ?? DASH} / ${row.pagefind.requests ?? DASH} | ${row.loadBefore} |`,
    ),
  ];
}

/** A goal cell: met or missed, with the figure and what it was held against. */
function verdict(met: boolean | null, detail: string): string {
  if (met === null) return `not measured (${detail})`;
  return met ? `met: ${detail}` : `**missed**: ${detail}`;
}

/** One goal's cell for one size, given that size's row and every row (the build goal compares 50k with 10k). */
type Goal = (row: Summary, rows: readonly Summary[]) => string;

/** The same check at both sizes the goal table names. */
const atBoth = (goal: Goal): Readonly<Record<number, Goal>> => ({ 10_000: goal, 50_000: goal });

const NO_MEASUREMENT = verdict(null, 'no measurement');

const GOALS: readonly { name: string; at: Readonly<Record<number, Goal>> }[] = [
  {
    name: 'data build',
    at: {
      10_000: (row, rows) => {
        if (row.build === null) return verdict(null, 'the build failed');
        const fifty = rows.find((other) => other.entries === 50_000)?.build ?? null;
        const growth = fifty === null ? null : fifty / row.build;
        const growthText = growth === null ? '50k/10k not run' : `50k/10k ${growth.toFixed(1)}× (≤ 6×)`;
        return verdict(
          row.build <= 15 && (growth === null || growth <= 6),
          `${seconds(row.build, 1)} (≤ 15 s); ${growthText}`,
        );
      },
      50_000: (row) =>
        row.build === null || row.pagefindIndex === null
          ? verdict(null, 'a build failed')
          : verdict(
              row.build <= 60 && row.build < row.pagefindIndex,
              `${seconds(row.build, 1)} (≤ 60 s, and < Pagefind's ${seconds(row.pagefindIndex, 1)})`,
            ),
    },
  },
  {
    name: 'home page, cold, latest issue on screen',
    at: atBoth((row) =>
      row.home === null ? NO_MEASUREMENT : verdict(row.home <= 1, `${seconds(row.home)} (≤ 1.0 s)`),
    ),
  },
  {
    name: 'first search answer, cold',
    at: atBoth(({ ours, pagefind }) =>
      ours.answer === null || pagefind.answer === null
        ? NO_MEASUREMENT
        : verdict(
            ours.answer <= pagefind.answer,
            `${seconds(ours.answer / 1000)} (≤ Pagefind's ${seconds(pagefind.answer / 1000)})`,
          ),
    ),
  },
  {
    name: 'keystroke, input to next paint, p95',
    at: atBoth(({ ours, pagefind }) =>
      ours.p95 === null || pagefind.p95 === null
        ? NO_MEASUREMENT
        : verdict(
            ours.p95 <= 50 && ours.p95 <= pagefind.p95,
            `${keystroke(ours.p95)} ms (≤ 50 ms, and ≤ Pagefind's ${keystroke(pagefind.p95)} ms)`,
          ),
    ),
  },
  {
    name: 'longest main-thread task, cold load and typing',
    at: atBoth((row) =>
      row.oursLongestTask === null
        ? NO_MEASUREMENT
        : verdict(row.oursLongestTask <= 50, `${task(row.oursLongestTask)} ms (≤ 50 ms)`),
    ),
  },
  {
    name: 'main-thread JS heap',
    at: {
      10_000: ({ ours }) =>
        ours.heap === null ? NO_MEASUREMENT : verdict(ours.heap <= 60e6, `${megabytes(ours.heap)} (≤ 60 MB)`),
      50_000: ({ ours }) =>
        ours.heap === null ? NO_MEASUREMENT : verdict(ours.heap <= 150e6, `${megabytes(ours.heap)} (≤ 150 MB)`),
    },
  },
  {
    name: 'offline',
    at: atBoth(() => 'not measured here: tests/e2e/offline-large.spec.ts covers 10,000 entries'),
  },
];

/** The goal table for the sizes it names (10,000 and 50,000 entries), each cell marked met or missed. */
function goalTable(rows: readonly Summary[]): string[] {
  const columns = [10_000, 50_000];
  if (!rows.some((row) => columns.includes(row.entries))) {
    return ['The goal table covers 10,000 and 50,000 entries; neither size was run.'];
  }
  return [
    '| goal | 10,000 entries | 50,000 entries |',
    '|---|---|---|',
    ...GOALS.map((goal) => {
      const cells = columns.map((entries) => {
        const row = rows.find((candidate) => candidate.entries === entries);
        const check = goal.at[entries];
        return row && check ? check(row, rows) : 'not run';
      });
      return `| ${goal.name} | ${cells.join(' | ')} |`;
    }),
  ];
}

/** The whole report: the results table, the details, the goal table and any errors. */
export function formatReport(sizes: readonly SizeResult[]): string {
  const rows = sizes.map(summarise);
  const errors = sizes.flatMap((size) =>
    size.errors.map((error) => `- ${size.entries.toLocaleString('en-US')}: ${error}`),
  );
  return [
    ...resultsTable(rows),
    '',
    ...detailsTable(rows),
    '',
    ...goalTable(rows),
    ...(errors.length > 0 ? ['', 'Errors:', ...errors] : []),
  ].join('\n');
}
