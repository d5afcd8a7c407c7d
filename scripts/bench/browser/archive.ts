/**
 * Archives for the browser benchmark and the large offline e2e: source documents in the seed's format (the seed
 * itself at its own size), built with the real CLI, and read back through `archive:dump` so nothing here depends on
 * how the build lays the archive out on disk.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUNDLE_PATH } from '../../../src/shared/bundle';
import type { SchemaOneArchive } from '../../lib/archive-dump';
import { readTables } from '../../build-data';
import { loadSeed, syntheticSource, writeSyntheticSource } from '../synthetic-source';

/** The seed's folder, built as it is when a size equals the seed's entry count. */
export const SEED_FOLDER = 'data/newsletters';

/** The folder of the site that holds the archive (`data` for `data/archive.json`); a size's build replaces it whole. */
export const DATA_FOLDER = path.dirname(BUNDLE_PATH);

/** Source documents for one size. */
export interface ArchiveSource {
  entries: number;
  /** The folder the CLI reads (`--input`). */
  input: string;
  /** True when `input` is the seed itself rather than generated. */
  seed: boolean;
}

/** A built archive: the folder that takes the place of the site's data folder, and what building it took. */
export interface BuiltArchive {
  /** Holds `archive.json` and whatever else the build writes beside it; `archive:dump` reads it. */
  dataFolder: string;
  /** Wall time of the CLI as a child process. */
  seconds: number;
  /** The CLI's one-line summary. */
  summary: string;
}

/** What a finished command printed. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** Runs a command from the repository root; resolves with what it printed, rejects with its exit code and stderr. */
export function run(command: string, args: readonly string[], what: string): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr });
      else reject(new Error(`${what} exited with ${code}:\n${stderr.split('\n').slice(0, 20).join('\n')}`));
    });
  });
}

/**
 * Writes source documents for each size into `work/source-<size>`: the seed's own folder when a size equals its entry
 * count, else the synthetic generator's documents (deterministic for a size).
 */
export async function writeSources(sizes: readonly number[], work: string): Promise<ArchiveSource[]> {
  const { seed, tables } = await loadSeed(() => readTables());
  const sources: ArchiveSource[] = [];
  for (const entries of sizes) {
    if (entries === seed.entries.length) {
      sources.push({ entries, input: SEED_FOLDER, seed: true });
      continue;
    }
    const input = path.join(work, `source-${entries}`);
    await writeSyntheticSource(input, syntheticSource(seed, tables, entries));
    sources.push({ entries, input, seed: false });
  }
  return sources;
}

/** Builds `source` with the real CLI (`scripts/build-data.ts --input … --out …`) into `outFolder`, timing it. */
export async function buildArchive(source: ArchiveSource, outFolder: string): Promise<BuiltArchive> {
  await rm(outFolder, { recursive: true, force: true });
  await mkdir(outFolder, { recursive: true });
  const out = path.join(outFolder, BUNDLE_PATH);
  const started = performance.now();
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-data.ts', '--input', source.input, '--out', out, '--quiet'],
    `build:data --input ${source.input}`,
  );
  return {
    dataFolder: path.dirname(out),
    seconds: (performance.now() - started) / 1000,
    summary: stdout.trim(),
  };
}

/** The archive in the fields of schema 1, read through `archive:dump`, whatever the layout of `dataFolder`. */
export async function dumpArchive(dataFolder: string): Promise<SchemaOneArchive> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/archive-dump.ts', dataFolder],
    `archive:dump ${dataFolder}`,
  );
  const archive = JSON.parse(stdout) as SchemaOneArchive;
  if (!Array.isArray(archive.issues) || !Array.isArray(archive.entries)) {
    throw new Error(`archive:dump ${dataFolder}: error: expected issues and entries in its output`);
  }
  return archive;
}
