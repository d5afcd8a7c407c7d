/**
 * `npm run build:data -- [--input PATH]... [--out FILE]`
 * Reads the newsletter documents, builds the archive bundle and writes it atomically.
 * All file I/O of the data build lives here; the parser and normaliser are pure.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { buildArchive, type CuratedTables, type SourceDocument } from './lib/build-archive';
import type { Diagnostic } from './lib/parse-newsletter';

const DEFAULT_INPUT = 'data/newsletters';
const DEFAULT_OUT = 'public/data/archive.json';
const ORGANIZATIONS_TABLE = 'data/organizations.json';
const TOPICS_TABLE = 'data/topics.json';

const USAGE = `usage: npm run build:data -- [--input PATH]... [--out FILE] [--quiet]
  --input PATH  a .md or .txt document, or a folder of them (repeatable; default ${DEFAULT_INPUT})
  --out FILE    where to write the bundle (default ${DEFAULT_OUT})
  --quiet       print errors and the summary only`;

interface CliOptions {
  inputs: string[];
  out: string;
  quiet: boolean;
}

/** Raised for problems that are the caller's, reported without a stack trace. */
class UsageError extends Error {}

/** Parses command-line arguments; unknown flags are errors, not ignored. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const inputs: string[] = [];
  let out = DEFAULT_OUT;
  let quiet = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(`error: ${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--input') inputs.push(value());
    else if (flag === '--out') out = value();
    else if (flag === '--quiet') quiet = true;
    else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`error: unknown argument "${arg}"\n${USAGE}`);
  }
  return { inputs: inputs.length > 0 ? inputs : [DEFAULT_INPUT], out, quiet };
}

const tablesSchema = {
  organizations: z.object({
    organizations: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()) })),
  }),
  topics: z.object({
    topics: z.array(z.object({ name: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) })),
  }),
};

async function readTable<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}:1: error: cannot read the table: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new UsageError(`${file}:1: error: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid table'}`);
  }
  return result.data;
}

/** Loads the curated tables that the build reads beside the documents. */
export async function readTables(root = '.'): Promise<CuratedTables> {
  const organizations = await readTable(path.join(root, ORGANIZATIONS_TABLE), tablesSchema.organizations);
  const topics = await readTable(path.join(root, TOPICS_TABLE), tablesSchema.topics);
  return { organizations: organizations.organizations, topics: topics.topics };
}

function toPosix(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/') || file;
}

/** Expands inputs to documents, folders in name order, so the build does not depend on the file system's order. */
async function readSources(inputs: readonly string[]): Promise<SourceDocument[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new UsageError(`${input}: error: no such file or folder`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((name) => /\.(md|txt)$/i.test(name)).sort();
      if (names.length === 0) throw new UsageError(`${input}: error: no .md or .txt documents in this folder`);
      files.push(...names.map((name) => path.join(input, name)));
    } else {
      files.push(input);
    }
  }
  const sources: SourceDocument[] = [];
  for (const file of [...new Set(files)]) {
    const bytes = await readFile(file);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    sources.push({ file: toPosix(file), text });
  }
  return sources;
}

/** Writes beside the target and renames, so a reader never sees half a bundle and a failed build leaves the old one. */
export async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** `file:line: severity: message`, as compilers print them. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`;
}

/** Runs the build; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  let options: CliOptions;
  try {
    options = parseArgs(argv);
    const [sources, tables] = await Promise.all([readSources(options.inputs), readTables()]);
    const result = buildArchive(sources, tables);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'error' || !options.quiet) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    }
    if (!result.bundle || errors.length > 0) {
      process.stderr.write(`build:data failed: ${errors.length} error${errors.length === 1 ? '' : 's'}; ${options.out} left untouched\n`);
      return 1;
    }
    const json = `${JSON.stringify(result.bundle)}\n`;
    await writeAtomically(options.out, json);
    const ms = Math.round(performance.now() - started);
    const { issues, entries, papers } = result.stats;
    process.stdout.write(
      `build:data: ${issues} issues, ${entries} entries, ${papers} papers, ${warnings.length} warnings, ${ms} ms → ${options.out} (${Buffer.byteLength(json)} bytes)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`build:data: error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
