/**
 * Search benchmark: `npm run bench`.
 * Builds our index (the app's own SearchEngine, time-sliced exactly as in the browser) and FlexSearch and Fuse.js
 * indexes over the seed archive and deterministic synthetic archives of 1,000, 10,000 and 50,000 entries, runs the
 * same ~50 queries through each (search plus facet counts), and prints a markdown table with the ratios.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Charset, Document } from 'flexsearch';
import Fuse from 'fuse.js';
import { parseBundle, type ArchiveBundle } from '@/shared/bundle';
import { entryBodyText } from '@/shared/search-options';
import {
  buildBookmarkedTable,
  buildFacetTables,
  countFacets,
  describeFacets,
  type FacetSelection,
} from '@/features/search/lib/facets';
import { SearchEngine } from '@/features/search/lib/search-engine';
import { BENCH_QUERIES, type BenchQuery } from './queries';
import { syntheticArchive } from './synthetic-archive';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const SEED_PATH = 'public/data/archive.json';
/** Synthetic archive sizes; `npm run bench -- --sizes=1000,10000` to run fewer. */
function sizesFromArguments(): number[] {
  const argument = process.argv.slice(2).find((value) => value.startsWith('--sizes='));
  if (!argument) return [1_000, 10_000, 50_000];
  const sizes = argument.slice('--sizes='.length).split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    console.error(`run-bench: error: --sizes wants positive whole numbers, got ${argument}`);
    process.exit(2);
  }
  return sizes;
}
const SIZES = sizesFromArguments();
/** Keystroke samples per query (after one warm-up). */
const RUNS = 3;
/** Index builds per corpus (more for small ones). */
const buildRuns = (size: number) => (size < 1_000 ? 5 : size <= 1_000 ? 3 : size <= 10_000 ? 2 : 1);
/** Fuse.js scans every document on every query; past this size it takes too long to be worth measuring. */
const FUSE_MAX_ENTRIES = 10_000;
/** From this size Fuse.js gets one sample of every fourth query, to keep the whole bench within minutes. */
const FUSE_SAMPLE_FROM = 10_000;
/** Results prepared for display per keystroke, as the page does. */
const LIMIT = 20;

/** The budget at 10,000 entries. */
const BUDGET = { keystrokeP95Ms: 16, firstAnswerMs: 1000, longestBlockMs: 50 };

interface Figures {
  firstAnswer: number[];
  ready: number[];
  longestBlock: number[];
  keystroke: number[];
  heapBytes: number;
  serializedBytes: number;
  note?: string;
}

const median = (values: readonly number[]) => quantile(values, 0.5);
function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function heapUsed(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Our engine: time-sliced build exactly as in the browser, then the full per-keystroke work of the page. */
async function benchOurs(archive: ArchiveBundle, queries: readonly BenchQuery[]): Promise<Figures> {
  const figures: Figures = {
    firstAnswer: [],
    ready: [],
    longestBlock: [],
    keystroke: [],
    heapBytes: 0,
    serializedBytes: 0,
  };
  let engine: SearchEngine | null = null;
  for (let run = 0; run < buildRuns(archive.entries.length); run++) {
    engine = null;
    const before = heapUsed();
    engine = new SearchEngine(archive.entries, archive.issues, archive.topics);
    const stats = await engine.start({ yieldToMain: macrotask });
    figures.firstAnswer.push(stats.firstAnswerMs);
    figures.ready.push(stats.readyMs);
    figures.longestBlock.push(stats.longestSliceMs);
    figures.heapBytes = heapUsed() - before;
  }
  const search = engine!;
  for (const query of queries) {
    const request = {
      query: query.q,
      selection: query.selection ?? {},
      sort: 'relevance' as const,
      groupByPaper: false,
      bookmarkedIds: new Set<string>(),
      limit: LIMIT,
    };
    search.search(request);
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      search.search(request);
      figures.keystroke.push(performance.now() - start);
    }
  }
  figures.serializedBytes = Buffer.byteLength(search.serializedIndex());
  return figures;
}

/** Facet counting over another library's hits, so every engine's keystroke includes the same facet work. */
function facetCounter(archive: ArchiveBundle) {
  const tables = [
    ...buildFacetTables(archive.entries, archive.issues, archive.topics),
    buildBookmarkedTable(archive.entries, new Set()),
  ];
  return (hits: Iterable<number>, selection: FacetSelection) => {
    const { matches, counts } = countFacets(tables, selection, hits);
    describeFacets(tables, selection, counts);
    return matches.length;
  };
}

/** Plain text for the other libraries: they have no query syntax, so quotes, minus signs and filters are dropped. */
function plainQuery(q: string): string {
  return q
    .replace(/\b(org|topic|issue):/g, '')
    .replace(/["-]/g, ' ')
    .trim();
}

type FlatDocument = {
  id: number;
  headline: string;
  paperTitle: string;
  summary: string;
  organizations: string;
  topics: string;
  body: string;
};

function flatten(archive: ArchiveBundle): FlatDocument[] {
  return archive.entries.map((entry, id) => ({
    id,
    headline: entry.headline,
    paperTitle: entry.paper?.title ?? '',
    summary: entry.summary,
    organizations: entry.organizations.join(' · '),
    topics: entry.topics.join(' · '),
    body: entryBodyText(entry),
  }));
}

const FIELDS = ['headline', 'paperTitle', 'summary', 'organizations', 'topics', 'body'] as const;

function benchFlexSearch(archive: ArchiveBundle, queries: readonly BenchQuery[]): Figures {
  const figures: Figures = {
    firstAnswer: [],
    ready: [],
    longestBlock: [],
    keystroke: [],
    heapBytes: 0,
    serializedBytes: 0,
  };
  const documents = flatten(archive);
  const count = facetCounter(archive);
  const all = documents.map((document) => document.id);
  let index: Document<FlatDocument> | null = null;
  for (let run = 0; run < buildRuns(documents.length); run++) {
    index = null;
    const before = heapUsed();
    const start = performance.now();
    // Prefix matching ("forward") and accent folding with a balanced phonetic encoder, its closest to typo tolerance.
    index = new Document<FlatDocument>({
      document: { id: 'id', index: [...FIELDS] },
      tokenize: 'forward',
      encoder: Charset.LatinBalance,
    });
    for (const document of documents) index.add(document);
    const elapsed = performance.now() - start;
    figures.firstAnswer.push(elapsed);
    figures.ready.push(elapsed);
    figures.longestBlock.push(elapsed);
    figures.heapBytes = heapUsed() - before;
  }
  const search = index!;
  const run = (query: BenchQuery) => {
    const text = plainQuery(query.q);
    let hits: Iterable<number> = all;
    if (text) {
      const ids = new Set<number>();
      for (const field of search.search(text, { limit: documents.length }))
        for (const id of field.result) ids.add(id as number);
      hits = ids;
    }
    return count(hits, query.selection ?? {});
  };
  for (const query of queries) {
    run(query);
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      run(query);
      figures.keystroke.push(performance.now() - start);
    }
  }
  let bytes = 0;
  // With a synchronous handler FlexSearch exports synchronously, so the byte count is complete on return.
  search.export((key, data) => {
    bytes +=
      Buffer.byteLength(String(key)) + Buffer.byteLength(typeof data === 'string' ? data : JSON.stringify(data ?? ''));
  });
  figures.serializedBytes = bytes;
  figures.note = 'built in one synchronous call';
  return figures;
}

function benchFuse(archive: ArchiveBundle, queries: readonly BenchQuery[]): Figures {
  const figures: Figures = {
    firstAnswer: [],
    ready: [],
    longestBlock: [],
    keystroke: [],
    heapBytes: 0,
    serializedBytes: 0,
  };
  const documents = flatten(archive);
  const count = facetCounter(archive);
  const all = documents.map((document) => document.id);
  const keys = [
    { name: 'headline', weight: 4 },
    { name: 'paperTitle', weight: 4 },
    { name: 'organizations', weight: 2.5 },
    { name: 'topics', weight: 2 },
    { name: 'summary', weight: 1.5 },
    { name: 'body', weight: 1 },
  ];
  let fuse: Fuse<FlatDocument> | null = null;
  let serialized = '';
  for (let run = 0; run < buildRuns(documents.length); run++) {
    fuse = null;
    const before = heapUsed();
    const start = performance.now();
    const index = Fuse.createIndex(keys, documents);
    fuse = new Fuse(documents, { keys, threshold: 0.3, ignoreLocation: true }, index);
    const elapsed = performance.now() - start;
    figures.firstAnswer.push(elapsed);
    figures.ready.push(elapsed);
    figures.longestBlock.push(elapsed);
    figures.heapBytes = heapUsed() - before;
    serialized = JSON.stringify(index.toJSON());
  }
  const search = fuse!;
  const sampled = documents.length >= FUSE_SAMPLE_FROM;
  const runs = sampled ? 1 : RUNS;
  for (const query of sampled ? queries.filter((_, i) => i % 4 === 0) : queries) {
    const text = plainQuery(query.q);
    const run = () => count(text ? search.search(text).map((result) => result.refIndex) : all, query.selection ?? {});
    if (runs > 1) run();
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      run();
      figures.keystroke.push(performance.now() - start);
    }
  }
  figures.serializedBytes = Buffer.byteLength(serialized);
  figures.note = sampled
    ? `from ${FUSE_SAMPLE_FROM.toLocaleString('en-US')} entries, one sample of every fourth query (each takes long)`
    : undefined;
  return figures;
}

const ms = (value: number) =>
  Number.isNaN(value)
    ? '–'
    : value < 10
      ? value.toFixed(2)
      : value < 100
        ? value.toFixed(1)
        : Math.round(value).toLocaleString('en-US');
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(Math.abs(bytes) < 1_048_576 ? 2 : 1);
const pair = (values: readonly number[]) => `${ms(median(values))} / ${ms(quantile(values, 0.95))}`;
const ratio = (theirs: number, ours: number) =>
  Number.isFinite(theirs) && Number.isFinite(ours) && ours > 0 ? `${(theirs / ours).toFixed(1)}×` : '–';

async function main() {
  const started = performance.now();
  if (!existsSync(SEED_PATH)) {
    console.log(`${SEED_PATH} is missing; running npm run build:data …`);
    execSync('npm run build:data', { stdio: 'inherit' });
  }
  const seed = parseBundle(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
  const corpora: { name: string; archive: () => ArchiveBundle }[] = [
    { name: 'seed', archive: () => seed },
    ...SIZES.map((size) => ({
      name: `synthetic ${size.toLocaleString('en-US')}`,
      archive: () => syntheticArchive(seed, size),
    })),
  ];
  const queries = BENCH_QUERIES(seed);
  const rows: string[] = [];
  const notes = new Set<string>();
  let budgetLines: string[] = [];
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(' ');
  console.log(
    `${cpus().length} CPUs, load average ${load()} at start (timings stretch when other work shares the CPUs).`,
  );
  console.log(
    `Node ${process.version}; ${queries.length} queries × ${RUNS} runs after one warm-up; keystroke = search + facet counts (ours also sorts and prepares ${LIMIT} snippets).`,
  );
  for (const corpus of corpora) {
    const archive = corpus.archive();
    const n = archive.entries.length;
    const kb = JSON.stringify(archive.entries).length / n / 1024;
    console.log(`\n${corpus.name}: ${n.toLocaleString('en-US')} entries, ${kb.toFixed(1)} KB each (JSON)…`);
    const ours = await benchOurs(archive, queries);
    console.log(`  ours done (${Math.round((performance.now() - started) / 1000)} s)`);
    const flex = benchFlexSearch(archive, queries);
    console.log(`  FlexSearch done (${Math.round((performance.now() - started) / 1000)} s)`);
    let fuse: Figures | null = null;
    if (n <= FUSE_MAX_ENTRIES) {
      fuse = benchFuse(archive, queries);
      console.log(`  Fuse.js done (${Math.round((performance.now() - started) / 1000)} s)`);
    } else {
      notes.add(
        `Fuse.js skipped above ${FUSE_MAX_ENTRIES.toLocaleString('en-US')} entries: it scans every document per query (seconds per keystroke at this size).`,
      );
    }
    if (flex.note) notes.add(`FlexSearch: ${flex.note}, so its build time is also its longest block.`);
    if (fuse)
      notes.add(
        'Fuse.js: built in one synchronous call; its index refers to the documents’ own strings, so it adds little heap.',
      );
    if (fuse?.note) notes.add(`Fuse.js: ${fuse.note}.`);
    const metric = (
      label: string,
      get: (figures: Figures) => number[] | number,
      format: (value: number[] | number) => string,
      ratioOf: (figures: Figures) => number,
    ) => {
      const theirs = (figures: Figures | null) => (figures ? format(get(figures)) : 'skipped');
      rows.push(
        `| ${corpus.name} | ${label} | ${format(get(ours))} | ${theirs(flex)} | ${theirs(fuse)} | ${ratio(ratioOf(flex), ratioOf(ours))} | ${fuse ? ratio(ratioOf(fuse), ratioOf(ours)) : '–'} |`,
      );
    };
    const asPair = (value: number[] | number) => pair(value as number[]);
    metric(
      'first answer, ms (median / p95)',
      (f) => f.firstAnswer,
      asPair,
      (f) => median(f.firstAnswer),
    );
    metric(
      'index complete, ms (median / p95)',
      (f) => f.ready,
      asPair,
      (f) => median(f.ready),
    );
    metric(
      'longest main-thread block, ms (median / p95)',
      (f) => f.longestBlock,
      asPair,
      (f) => median(f.longestBlock),
    );
    metric(
      'keystroke, ms (median / p95)',
      (f) => f.keystroke,
      asPair,
      (f) => quantile(f.keystroke, 0.95),
    );
    metric(
      'heap used, MB',
      (f) => f.heapBytes,
      (value) => mb(value as number),
      (f) => f.heapBytes,
    );
    metric(
      'serialised index, MB',
      (f) => f.serializedBytes,
      (value) => mb(value as number),
      (f) => f.serializedBytes,
    );
    if (n === 10_000) {
      const check = (label: string, value: number, limit: number) =>
        `- ${label}: ${ms(value)} ms (budget ${limit} ms) — ${value <= limit ? 'within budget' : 'OVER BUDGET'}`;
      budgetLines = [
        check('keystroke p95', quantile(ours.keystroke, 0.95), BUDGET.keystrokeP95Ms),
        check('first answer p95', quantile(ours.firstAnswer, 0.95), BUDGET.firstAnswerMs),
        check('longest main-thread block p95', quantile(ours.longestBlock, 0.95), BUDGET.longestBlockMs),
      ];
    }
    collectGarbage();
  }
  console.log('\n## Search benchmark\n');
  console.log('| Corpus | Figure | Ours (MiniSearch) | FlexSearch | Fuse.js | FlexSearch ÷ ours | Fuse.js ÷ ours |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  console.log('\nRatios above 1× mean ours is faster or smaller (keystroke ratios compare p95).');
  for (const note of notes) console.log(`- ${note}`);
  console.log(
    '- Ours: "first answer" is when headlines, paper titles, organisations and topics are searchable; summaries and bodies follow in time slices.',
  );
  console.log('\n### Budget at 10,000 entries\n');
  for (const line of budgetLines) console.log(line);
  console.log(`\nTotal time ${Math.round((performance.now() - started) / 1000)} s; load average ${load()} at the end.`);
}

await main();
