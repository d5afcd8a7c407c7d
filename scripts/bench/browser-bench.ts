/**
 * Browser benchmark: `npm run bench:browser -- [--sizes=147,10000,50000] [--runs=N] [--verbose]`.
 * For each size it writes source documents (the seed itself at the seed's size, else synthetic ones in its format),
 * builds them with the real CLI (timed), indexes the same entries with Pagefind's Node API (timed), and measures both
 * in headless Debian Chromium in the same run: our production build (built once, the size's archive in place of its
 * data folder) and a minimal Pagefind page, each served by a small static server that counts the bytes it sends.
 * Every page load is cold (a new browser context, service workers blocked). Prints Markdown tables with medians over
 * `--runs` (default 1), ratios to Pagefind and the issue's goals marked met or missed; it reports and never asserts,
 * and exits non-zero only when something could not be measured. `--verbose` lists each page's requests.
 */
import { chromium, type Browser } from '@playwright/test';
import { cp, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/chromium';
import { buildArchive, DATA_FOLDER, dumpArchive, run, writeSources, type ArchiveSource } from './browser/archive';
import { KEY_DELAY_MS, measureHome, measureSearch, TYPED_QUERIES, EVENT_THRESHOLD_MS } from './browser/measure';
import { buildPagefindSite, PAGEFIND_INPUT, PAGEFIND_RESULT, PAGEFIND_RESULTS_SHOWN } from './browser/pagefind-site';
import { formatReport, type SizeResult } from './browser/report';
import { serveStatic, type ServedRequest } from './browser/static-server';

/** Our build is served here, Pagefind's page on the next port. */
const PORT = 4400;
/** The query of the cold first-answer measurement. */
const FIRST_QUERY = 'reasoning';
/** Our search page's result headlines, and its search box. */
const OUR_RESULT = 'main article a[href^="/entries/"]';
const OUR_INPUT = 'main input[type="search"]';

function numberList(argv: readonly string[], flag: string, fallback: number[]): number[] {
  const argument = argv.find((value) => value.startsWith(`${flag}=`));
  if (!argument) return fallback;
  const values = argument
    .slice(flag.length + 1)
    .split(',')
    .map(Number);
  if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error(`${flag} wants positive whole numbers, got ${argument}`);
  }
  return values;
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/** `--verbose`: list what each page had downloaded when its target was on screen. */
const VERBOSE = process.argv.includes('--verbose');

/** The requests a page made before its target, largest first (the first ten, then a count). */
function listRequests(what: string, requests: readonly ServedRequest[]): void {
  if (!VERBOSE) return;
  const sorted = [...requests].sort((a, b) => b.bytes - a.bytes);
  const shown = sorted.slice(0, 10).map((request) => `    ${request.bytes.toLocaleString('en-US')} B  ${request.path}`);
  const more = sorted.length > 10 ? [`    … and ${sorted.length - 10} more`] : [];
  progress([`${what}: ${requests.length} requests`, ...shown, ...more].join('\n'));
}

function progress(message: string): void {
  process.stderr.write(`bench:browser: ${message}\n`);
}

/** Bytes of every file under a folder. */
async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const info = await stat(path.join(entry.parentPath, entry.name));
    if (info.isFile()) total += info.size;
  }
  return total;
}

/** Copies the app build and puts the size's archive folder where the build's own data folder was. */
async function stageSite(app: string, dataFolder: string, site: string): Promise<void> {
  await rm(site, { recursive: true, force: true });
  await cp(app, site, { recursive: true });
  await rm(path.join(site, DATA_FOLDER), { recursive: true, force: true });
  await symlink(path.resolve(dataFolder), path.join(site, DATA_FOLDER), 'dir');
}

/**
 * Reads the archive through archive:dump, indexes it with Pagefind `runs` times into `site`, and returns the id of
 * the latest issue's first entry (the home page's measured headline). The dump is dropped before the browser runs.
 */
async function indexWithPagefind(
  dataFolder: string,
  site: string,
  runs: number,
  label: string,
  result: SizeResult,
): Promise<string> {
  const archive = await dumpArchive(dataFolder);
  result.entries = archive.entries.length;
  const firstHeadline = archive.issues[0]?.entryIds[0];
  if (!firstHeadline) throw new Error(`${dataFolder}: error: the archive has no issue with entries`);
  for (let index = 0; index < runs; index += 1) {
    progress(`${label}: indexing with Pagefind (load ${load()})…`);
    const seconds = await buildPagefindSite(archive, site);
    progress(`${label}: Pagefind indexed in ${seconds.toFixed(1)} s`);
    result.pagefindIndex.push(seconds);
  }
  return firstHeadline;
}

/** Builds, indexes and measures one size `runs` times, filling `result` as it goes. */
async function measureSize(
  browser: Browser,
  source: ArchiveSource,
  app: string,
  work: string,
  runs: number,
  result: SizeResult,
): Promise<void> {
  const label = `${source.entries} entries`;
  const archiveFolder = path.join(work, `archive-${source.entries}`);
  let dataFolder = '';
  for (let index = 0; index < runs; index += 1) {
    progress(`${label}: building with the CLI (load ${load()})…`);
    const built = await buildArchive(source, archiveFolder);
    progress(`${built.summary} (${built.seconds.toFixed(1)} s)`);
    result.build.push(built.seconds);
    dataFolder = built.dataFolder;
  }
  result.archiveBytes = await folderBytes(dataFolder);
  const pagefindSite = path.join(work, `pagefind-${source.entries}`);
  const firstHeadline = await indexWithPagefind(dataFolder, pagefindSite, runs, label, result);
  const site = path.join(work, `site-${source.entries}`);
  await stageSite(app, dataFolder, site);
  const ours = await serveStatic(site, PORT);
  const theirs = await serveStatic(pagefindSite, PORT + 1);
  result.loadBefore = load();
  try {
    for (let index = 0; index < runs; index += 1) {
      progress(`${label}: browser run ${index + 1} of ${runs} (load ${load()})…`);
      const attempt = async <T extends { requests: ServedRequest[] }>(
        what: string,
        measure: () => Promise<T>,
        into: T[],
      ) => {
        try {
          const measured = await measure();
          listRequests(`${label}: ${what}`, measured.requests);
          into.push(measured);
        } catch (error) {
          result.errors.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      };
      await attempt(
        'our home page',
        () => measureHome(browser, ours, `main a[href="/entries/${encodeURIComponent(firstHeadline)}"]`),
        result.home,
      );
      const search = `/search?q=${encodeURIComponent(FIRST_QUERY)}`;
      await attempt('our search', () => measureSearch(browser, ours, search, OUR_RESULT, OUR_INPUT), result.ours);
      await attempt(
        'Pagefind search',
        () => measureSearch(browser, theirs, `/?q=${encodeURIComponent(FIRST_QUERY)}`, PAGEFIND_RESULT, PAGEFIND_INPUT),
        result.pagefind,
      );
    }
  } finally {
    await ours.close();
    await theirs.close();
  }
  await rm(site, { recursive: true, force: true });
  await rm(pagefindSite, { recursive: true, force: true });
  await rm(archiveFolder, { recursive: true, force: true });
  if (!source.seed) await rm(source.input, { recursive: true, force: true });
}

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.find((arg) => !/^--(sizes|runs)=/.test(arg) && arg !== '--verbose');
  if (unknown) throw new Error(`unknown argument "${unknown}" (usage: --sizes=147,10000,50000 --runs=N --verbose)`);
  const sizes = numberList(argv, '--sizes', [147, 10_000, 50_000]);
  const [runs = 1, ...rest] = numberList(argv, '--runs', [1]);
  if (rest.length > 0) throw new Error('--runs wants one number');
  const loadAtStart = load();
  const work = await mkdtemp('/tmp/bench-browser-');
  const results: SizeResult[] = [];
  let browser: Browser | null = null;
  let version = '';
  try {
    progress(`building the app once (load ${loadAtStart})…`);
    const app = path.join(work, 'app');
    await run(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', app, '--emptyOutDir', '--logLevel', 'error'],
      'vite build',
    );
    progress(`writing source documents for ${sizes.join(', ')} entries…`);
    const sources = await writeSources(sizes, work);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
    version = browser.version();
    for (const source of sources) {
      const result: SizeResult = {
        entries: source.entries,
        archiveBytes: 0,
        build: [],
        pagefindIndex: [],
        home: [],
        ours: [],
        pagefind: [],
        loadBefore: '',
        errors: [],
      };
      results.push(result);
      try {
        await measureSize(browser, source, app, work, runs, result);
      } catch (error) {
        // One size failing (a build error, a port in use) still leaves the others to report.
        result.errors.push(error instanceof Error ? error.message.split('\n').slice(0, 5).join(' ') : String(error));
      }
    }
  } finally {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  }
  const typed = TYPED_QUERIES.map((query) => `"${query}"`).join(', ');
  const keystrokes = TYPED_QUERIES.reduce((sum, query) => sum + query.length, 0);
  process.stdout.write(
    [
      formatReport(results),
      '',
      `Medians of ${runs} run${runs === 1 ? '' : 's'}. Chromium ${version} (headless), ${cpus().length} cores, Node ${process.version}.`,
      `Load average (1, 5, 15 min): ${loadAtStart} at the start, ${load()} at the end.`,
      '',
      "How: every page load is cold (a new browser context: no HTTP cache, service workers blocked), at 1280×800. The bench reads each page and types into it through the DevTools protocol (Runtime.evaluate, key events), so none of Playwright's own scripts is compiled into the measured page.",
      `- Build: the real CLI (scripts/build-data.ts) as a child process, wall time. Pagefind index: createIndex, addCustomRecord per entry, writeFiles.`,
      `- Home page: navigation start to the first animation frame with the latest issue's first headline laid out.`,
      `- First answer: /search?q=${FIRST_QUERY} (Pagefind: its page with ?q=${FIRST_QUERY}, which shows the first ${PAGEFIND_RESULTS_SHOWN} results' titles as their data arrives), navigation start to the first result laid out.`,
      `- Keystroke: after the first answer, ${typed} typed into the search box one key every ${KEY_DELAY_MS} ms (${keystrokes} keystrokes); each keystroke's latency is the longest Event Timing entry of its interaction, a keystroke under the API's ${EVENT_THRESHOLD_MS} ms threshold counts as ${EVENT_THRESHOLD_MS} ms (shown as ≤ ${EVENT_THRESHOLD_MS}); p95 is nearest-rank.`,
      '- Longest main-thread task: Long Tasks API (50 ms and over; "< 50" when there was none) from navigation through typing; ours covers the home page too.',
      "- JS heap: the page's main thread after a forced garbage collection, when the first answer is on screen (CDP Performance.getMetrics JSHeapUsedSize; workers and WebAssembly memory are not in it). 1 MB = 10^6 bytes.",
      '- Bytes: response bodies the static server sent from navigation start until the first answer (home: the headline) was on screen, uncompressed, as vite preview serves the archive.',
      '',
    ].join('\n'),
  );
  return results.some((result) => result.errors.length > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench:browser: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
