/**
 * Data-build benchmark: `npm run bench:data -- [--sizes=147,10000,50000]`.
 * For each size it writes source documents (the seed itself at the seed's size, else synthetic ones in the seed's
 * format), times the real CLI build as a child process (wall time), and times Pagefind's Node API indexing the same
 * entries (one custom record per entry, then writing its files). Prints a Markdown table with the load average.
 * `--runs=N` builds each size N times and reports the fastest, for a machine shared with other work.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { entryBodyText } from '../../src/shared/search-options';
import type { ArchiveBundle } from '../../src/shared/bundle';
import { readTables } from '../build-data';
import { loadSeed, SEED_DOCUMENT, syntheticSource, writeSyntheticSource } from './synthetic-source';

/** Records handed to Pagefind at once; its service works through them in parallel. */
const PAGEFIND_BATCH = 500;

/** `--runs=N`: builds per size, the fastest reported, since the machine may be shared (default 1). */
function runsFromArguments(argv: readonly string[]): number {
  const argument = argv.find((value) => value.startsWith('--runs='));
  const runs = argument ? Number(argument.slice('--runs='.length)) : 1;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive whole number, got ${argument}`);
  return runs;
}

function sizesFromArguments(argv: readonly string[]): number[] {
  const argument = argv.find((value) => value.startsWith('--sizes='));
  if (!argument) return [147, 10_000, 50_000];
  const sizes = argument.slice('--sizes='.length).split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`--sizes wants positive whole numbers, got ${argument}`);
  }
  return sizes;
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/** Runs the real build CLI; resolves with its wall time in seconds and its summary line. */
function timeBuild(input: string, out: string): Promise<{ seconds: number; summary: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/build-data.ts', '--input', input, '--out', out, '--quiet'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, summary: stdout.trim() });
      else reject(new Error(`build:data exited with ${code}:\n${stderr.split('\n').slice(0, 20).join('\n')}`));
    });
  });
}

/** Indexes every entry with Pagefind and writes its files; resolves with the time in seconds. */
async function timePagefind(bundle: ArchiveBundle, outputPath: string): Promise<number> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (let start = 0; start < bundle.entries.length; start += PAGEFIND_BATCH) {
    await Promise.all(
      bundle.entries.slice(start, start + PAGEFIND_BATCH).map((entry) =>
        index.addCustomRecord({
          url: `/entries/${entry.id}`,
          content: `${entry.headline}\n${entry.summary}\n${entryBodyText(entry)}`,
          language: 'en',
          meta: { title: entry.headline },
        }),
      ),
    );
  }
  await index.writeFiles({ outputPath });
  const seconds = (performance.now() - started) / 1000;
  await pagefind.close();
  return seconds;
}

interface Row {
  entries: number;
  build: number;
  pagefind: number;
  loadBefore: string;
  summary: string;
}

async function main(argv: readonly string[]): Promise<void> {
  const sizes = sizesFromArguments(argv);
  const runs = runsFromArguments(argv);
  const work = await mkdtemp(path.join(tmpdir(), 'frontier-data-bench-'));
  const { seed, tables } = await loadSeed(() => readTables());
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      let input = SEED_DOCUMENT;
      if (size !== seed.entries.length) {
        input = path.join(work, `source-${size}`);
        await writeSyntheticSource(input, syntheticSource(seed, tables, size));
      }
      const out = path.join(work, `archive-${size}.json`);
      const loadBefore = load();
      process.stderr.write(`bench:data: ${size} entries: building (load ${loadBefore})…\n`);
      let build = await timeBuild(input, out);
      for (let run = 1; run < runs; run += 1) {
        const again = await timeBuild(input, out);
        if (again.seconds < build.seconds) build = again;
      }
      const bundle = JSON.parse(await readFile(out, 'utf8')) as ArchiveBundle;
      process.stderr.write(`bench:data: ${build.summary}\nbench:data: ${size} entries: indexing with Pagefind…\n`);
      const pagefindSeconds = await timePagefind(bundle, path.join(work, `pagefind-${size}`));
      rows.push({
        entries: bundle.entries.length,
        build: build.seconds,
        pagefind: pagefindSeconds,
        loadBefore,
        summary: build.summary,
      });
      await rm(input === SEED_DOCUMENT ? out : input, { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const tenThousand = rows.find((row) => row.entries === 10_000);
  const lines = [
    '| entries | our build (s) | Pagefind index (s) | ratio (ours / Pagefind) | build / build at 10k | load average before the row |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.entries.toLocaleString('en-US')} | ${row.build.toFixed(1)} | ${row.pagefind.toFixed(1)} | ${(row.build / row.pagefind).toFixed(2)} | ${tenThousand ? `${(row.build / tenThousand.build).toFixed(2)}×` : '–'} | ${row.loadBefore} |`,
    ),
  ];
  process.stdout.write(
    `${lines.join('\n')}\n\nOur build: the real CLI as a child process, wall time, fastest of ${runs}. Pagefind: createIndex, addCustomRecord per entry (batches of ${PAGEFIND_BATCH}), writeFiles.\nLoad average at the end (1, 5, 15 min): ${load()}\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench:data: error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
