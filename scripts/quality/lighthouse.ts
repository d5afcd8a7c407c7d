/**
 * `npm run audit:lighthouse [-- --dist DIR --port N --runs N --pages home,issue --floor performance=85]`: Lighthouse
 * (mobile defaults) on the production build. `--floor` lets a category under budget warn instead of fail down to a floor.
 *
 * Serves an existing build (it builds nothing; run `npm run build` first) with `vite preview`, audits five pages with
 * Debian's Chromium, takes the median of each category over the runs, writes the reports to artifacts/lighthouse/,
 * prints a Markdown table and exits 1 if any page is under budget.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { z } from 'zod';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/chromium';

const root = path.resolve(import.meta.dirname, '../..');
const SCRIPT = 'scripts/quality/lighthouse.ts';

/** Lowest acceptable score (0–100) for each Lighthouse category. */
const BUDGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 } as const;
type Category = keyof typeof BUDGETS;
const CATEGORIES = Object.keys(BUDGETS) as Category[];
const LABELS: Record<Category, string> = {
  performance: 'performance',
  accessibility: 'accessibility',
  'best-practices': 'best practices',
  seo: 'SEO',
};

/** Chromium must never phone home or fetch components while it is being measured. */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

/** Only what the script reads from the bundle: the page ids to audit. */
const archiveIds = z.object({
  issues: z.array(z.object({ id: z.string(), entryIds: z.array(z.string()) })).min(1),
});

interface PageScores {
  name: string;
  path: string;
  scores: Record<Category, number>;
  /** The run whose performance score is the median: its report is the one kept. */
  representative: Result;
}

function fail(message: string): never {
  console.error(`${SCRIPT}: error: ${message}`);
  process.exit(2);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4290' },
      runs: { type: 'string', default: '3' },
      pages: { type: 'string' },
      floor: { type: 'string', multiple: true, default: [] },
    },
  });
  const port = Number(values.port);
  const runs = Number(values.runs);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`--port must be a port number, got "${values.port}"`);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, got "${values.runs}"`);
  const dist = path.resolve(root, values.dist);
  if (!existsSync(path.join(dist, 'index.html')))
    fail(`${dist}/index.html not found; run \`npm run build\` first (or pass --dist DIR)`);
  const only = values.pages?.split(',').map((name) => name.trim());
  const floors: Record<Category, number> = { ...BUDGETS };
  for (const option of values.floor) {
    const [category, value] = option.split('=');
    const floor = Number(value);
    if (!CATEGORIES.includes(category as Category) || !Number.isInteger(floor) || floor < 0 || floor > 100) {
      fail(`--floor takes CATEGORY=SCORE with CATEGORY one of ${CATEGORIES.join(', ')}, got "${option}"`);
    }
    floors[category as Category] = Math.min(floor, BUDGETS[category as Category]);
  }
  return { dist, port, runs, only, floors };
}

/** The pages to audit; the issue and entry are the archive's first, so the choice is stable for a given build. */
function pagesOf(dist: string): Array<{ name: string; path: string }> {
  const file = path.join(dist, 'data/archive.json');
  const parsed = archiveIds.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) fail(`${file}: not an archive with issues: ${parsed.error.message}`);
  const issue = parsed.data.issues[0]!;
  const entryId = issue.entryIds[0] ?? fail(`${file}: issue ${issue.id} has no entries`);
  return [
    { name: 'home', path: '/' },
    { name: 'issue', path: `/issues/${issue.id}` },
    { name: 'entry', path: `/entries/${entryId}` },
    { name: 'search', path: '/search?q=reasoning' },
    { name: 'bookmarks', path: '/bookmarks' },
  ];
}

async function startPreview(dist: string, port: number): Promise<ChildProcess> {
  const vite = path.join(root, 'node_modules/.bin/vite');
  const server = spawn(vite, ['preview', '--port', String(port), '--strictPort', '--outDir', dist], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      fail(`vite preview exited with code ${server.exitCode} (is port ${port} taken? pass --port)`);
    const up = await fetch(origin).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  fail(`vite preview did not answer on ${origin} within 60 s`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function score(lhr: Result, category: Category): number {
  const value = lhr.categories[category]?.score;
  if (value === null || value === undefined)
    fail(`${lhr.finalDisplayedUrl}: no ${category} score (${lhr.runtimeError?.message ?? 'no error given'})`);
  return Math.round(value * 100);
}

async function audit(url: string, port: number): Promise<{ lhr: Result; reports: string[] }> {
  const flags: Flags = {
    port,
    logLevel: 'error',
    output: ['html', 'json'],
    onlyCategories: [...CATEGORIES],
  };
  const result = await lighthouse(url, flags);
  if (!result) fail(`${url}: Lighthouse returned no result`);
  if (result.lhr.runtimeError) fail(`${url}: ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
  const reports = Array.isArray(result.report) ? result.report : [result.report];
  return { lhr: result.lhr, reports };
}

/** The audits that cost a category points, worst first, so a failure says what to fix. */
function failingAudits(lhr: Result, category: Category): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 1)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map(
      (a) => `${a.id} (${Math.round((a.score ?? 0) * 100)}${a.displayValue ? `, ${a.displayValue}` : ''}): ${a.title}`,
    );
}

function table(pages: PageScores[]): string {
  const cell = (page: PageScores, category: Category) =>
    page.scores[category] < BUDGETS[category] ? `**${page.scores[category]}** ✗` : String(page.scores[category]);
  return [
    `| page | ${CATEGORIES.map((c) => LABELS[c]).join(' | ')} |`,
    `| --- | ${CATEGORIES.map(() => '---:').join(' | ')} |`,
    ...pages.map((page) => `| ${page.name} \`${page.path}\` | ${CATEGORIES.map((c) => cell(page, c)).join(' | ')} |`),
    `| budget | ${CATEGORIES.map((c) => `≥ ${BUDGETS[c]}`).join(' | ')} |`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { dist, port, runs, only, floors } = readOptions();
  const pages = pagesOf(dist).filter((page) => !only || only.includes(page.name));
  if (pages.length === 0)
    fail(
      `--pages matched none of: ${pagesOf(dist)
        .map((page) => page.name)
        .join(', ')}`,
    );
  const chromePath = process.env.CHROME_PATH || CHROMIUM_PATH;
  if (!existsSync(chromePath))
    fail(`no Chromium at ${chromePath}; install it with \`apt-get install -y chromium\` or set CHROME_PATH`);
  const outDir = path.join(root, 'artifacts/lighthouse');
  mkdirSync(outDir, { recursive: true });

  let server: ChildProcess | null = null;
  let chrome: LaunchedChrome | null = null;
  const results: PageScores[] = [];
  try {
    server = await startPreview(dist, port);
    chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
    for (const page of pages) {
      const url = `http://localhost:${port}${page.path}`;
      const attempts: Array<{ lhr: Result; reports: string[] }> = [];
      for (let run = 0; run < runs; run++) attempts.push(await audit(url, chrome.port));
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, median(attempts.map((a) => score(a.lhr, c)))]),
      ) as Record<Category, number>;
      const representative = attempts.find((a) => score(a.lhr, 'performance') === scores.performance)!;
      const [html, json] = representative.reports;
      writeFileSync(path.join(outDir, `${page.name}.report.html`), html!);
      writeFileSync(path.join(outDir, `${page.name}.report.json`), json!);
      results.push({ ...page, scores, representative: representative.lhr });
      console.error(
        `${page.name}: ${CATEGORIES.map((c) => `${LABELS[c]} ${scores[c]}`).join(', ')} (median of ${runs})`,
      );
    }
  } finally {
    chrome?.kill();
    server?.kill();
  }

  const markdown = table(results);
  writeFileSync(path.join(outDir, 'summary.md'), `${markdown}\n`);
  console.log(markdown);

  const underBudget = (page: PageScores, c: Category) => page.scores[c] < BUDGETS[c];
  for (const page of results) {
    for (const c of CATEGORIES.filter((c) => underBudget(page, c) && page.scores[c] >= floors[c])) {
      console.error(
        `${SCRIPT}: warning: ${page.name}: ${LABELS[c]} ${page.scores[c]} is under the budget ${BUDGETS[c]}, above the floor ${floors[c]}`,
      );
    }
  }
  const failures = results.flatMap((page) =>
    CATEGORIES.filter((c) => page.scores[c] < floors[c]).map(
      (c) =>
        `${page.name} (${page.path}): ${LABELS[c]} ${page.scores[c]} < ${floors[c]}\n` +
        failingAudits(page.representative, c)
          .map((line) => `    ${line}`)
          .join('\n'),
    ),
  );
  if (failures.length > 0) {
    console.error(`\n${SCRIPT}: error: ${failures.length} score(s) under budget (reports in artifacts/lighthouse/):`);
    for (const failure of failures) console.error(`  ${failure}`);
    process.exit(1);
  }
  const within = results.every((page) => CATEGORIES.every((c) => !underBudget(page, c)));
  console.error(
    `\nLighthouse: ${within ? 'every page within budget' : 'no page under its floor'} (median of ${runs} runs; reports in artifacts/lighthouse/).`,
  );
}

await main();
