/**
 * `npm run build:data -- [--input PATH]... [--out FILE]`
 * Reads the newsletter documents, builds the archive bundle and writes it atomically.
 * All file I/O of the data build lives here; the parser and normaliser are pure.
 */
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { ISSUE_FILE_FOLDER } from '../src/shared/archive-layout';
import { layoutArchive, type ArchiveFile, type ArchiveLayout } from './lib/archive-layout';
import { buildArchive, type CuratedTables, type SourceDocument } from './lib/build-archive';
import { elementLines, type Correction } from './lib/corrections';
import { FEED_PATHS, feedFiles, normaliseSiteUrl, SITE_URL_EXPECTED, type FeedFiles } from './lib/feeds';
import { decodeDocument, type Diagnostic } from './lib/parse-newsletter';
import { buildSearchShards, type SearchShardFiles } from './lib/search-shards';
import { SEARCH_CHUNK_NAME, SEARCH_SHARD_FOLDER } from '../src/shared/search-shards';

const DEFAULT_INPUT = 'data/newsletters';
const DEFAULT_OUT = 'public/data/archive.json';
/** The source folder: the build only reads it, so no output may land inside it. */
const DATA_FOLDER = 'data';
const ORGANIZATIONS_TABLE = 'data/organizations.json';
const TOPICS_TABLE = 'data/topics.json';
const SOURCES_TABLE = 'data/sources.json';
const PUBLICATION_TABLE = 'data/publication.json';
const CORRECTIONS_TABLE = 'data/corrections.json';

const USAGE = `usage: npm run build:data -- [--input PATH]... [--out FILE] [--quiet]
  --input PATH  a .md or .txt document, or a folder of them and its subfolders (repeatable; default ${DEFAULT_INPUT})
  --out FILE    where to write the bundle (default ${DEFAULT_OUT})
  --quiet       print errors and the summary only`;

interface CliOptions {
  inputs: string[];
  out: string;
  quiet: boolean;
}

/** Raised for problems that are the caller's, reported without a stack trace. */
class UsageError extends Error {}

/** What a failed file-system call means and what to do about it, by its error code. */
const IO_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder (check the path)',
  EACCES: 'permission denied (check the permissions of the file and its folders)',
  EPERM: 'operation not permitted (check the permissions of the file and its folders)',
  EISDIR: 'is a folder, expected a file (give a file path)',
  ENOTDIR: 'a part of this path is a file, not a folder (check the path)',
  EEXIST: 'already exists and is not a folder (choose another path)',
  ENOTEMPTY: 'is a folder that is not empty (give a file path)',
  ENOSPC: 'no space left on the device (free some space)',
  EROFS: 'the file system is read-only (choose another path)',
  EMFILE: 'too many open files (close some programs and try again)',
  ENAMETOOLONG: 'the path is too long (choose a shorter path)',
  ELOOP: 'too many symbolic links in this path (check the links)',
  EBUSY: 'the file is busy (close the program using it and try again)',
};

/** `path: error: what happened (what to do)` for a failed file-system call; never a stack trace. */
export function describeIoError(error: unknown, fallbackPath: string): string {
  const { code, path: failedPath, message = String(error) } = error as NodeJS.ErrnoException;
  const where = typeof failedPath === 'string' ? toPosix(failedPath) : fallbackPath;
  const what =
    (code && IO_ERRORS[code]) ??
    `${message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')} (check the path and try again)`;
  return `${where}: error: ${what}`;
}

/** Runs a file-system call, turning its failure into a one-line UsageError naming the path that failed. */
async function io<T>(given: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new UsageError(describeIoError(error, toPosix(given)));
  }
}

/** Parses command-line arguments; unknown flags are errors, not ignored. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const inputs: string[] = [];
  let out = DEFAULT_OUT;
  let quiet = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
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

const HOST_NAME = 'expected a lower-case host name such as arxiv.org';
const hostName = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, HOST_NAME);

const tablesSchema = {
  organizations: z.object({
    organizations: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()) })),
  }),
  topics: z.object({
    topics: z.array(z.object({ name: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) })),
  }),
  sources: z.object({
    publishers: z.record(hostName, z.string().min(1), {
      error: (issue) => (issue.code === 'invalid_key' ? HOST_NAME : undefined),
    }),
    arxivMirrors: z.array(hostName),
  }),
  publication: z.object({
    name: z.string().min(1),
    /** Where the app is published; the feeds' absolute links start here. `SITE_URL` overrides it. */
    siteUrl: z
      .string()
      .refine((value) => normaliseSiteUrl(value) !== null, SITE_URL_EXPECTED)
      .optional(),
  }),
};

const nonEmpty = z.string().trim().min(1);
const entryReference = z.union(
  [
    z.strictObject({ file: nonEmpty, line: z.int().positive() }),
    z.strictObject({ issue: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), number: z.int().nonnegative() }),
  ],
  { error: 'expected {"issue": "YYYY-MM-DD", "number": N} or {"file": "data/newsletters/…", "line": N}' },
);
const arxivId = z
  .string()
  .regex(
    /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/,
    'expected an arXiv id without version, such as 2410.02525',
  );
const doi = z.string().regex(/^10\.\d{4,9}\/\S+$/, 'expected a DOI such as 10.1038/s41586-024-08025-4');
const correctionBase = {
  entry: entryReference,
  checkedAgainst: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'expected the http(s) URL of the public record the correction was checked against'),
  note: z.string().optional(),
};
/** `data/corrections.json`: each correction names its entry, its field, the value it expects and the checked one. */
const correctionsSchema = z.object({
  corrections: z.array(
    z.discriminatedUnion('field', [
      z.strictObject({ ...correctionBase, field: z.literal('paper.arxivId'), from: arxivId, to: arxivId }),
      z.strictObject({ ...correctionBase, field: z.enum(['paper.title', 'headline']), from: nonEmpty, to: nonEmpty }),
      z.strictObject({ ...correctionBase, field: z.literal('paper.doi'), from: doi.nullable(), to: doi.nullable() }),
      z.strictObject({ ...correctionBase, field: z.literal('strayHeadline'), from: nonEmpty, moveTo: entryReference }),
    ]),
  ),
});

/** A table's text, parsed and checked; `lineOf` places a problem at the line of the path's first element. */
async function readTable<T>(
  file: string,
  schema: z.ZodType<T>,
  lineOf: (text: string, path: readonly PropertyKey[]) => number = () => 1,
): Promise<{ data: T; text: string }> {
  const text = await io(file, () => readFile(file, 'utf8'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}:1: error: the table is not valid JSON: ${(error as Error).message} (fix the file)`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? lineOf(text, first.path) : 1;
    throw new UsageError(
      `${file}:${where}: error: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid table'}`,
    );
  }
  return { data: result.data, text };
}

/** Reads `data/corrections.json`, giving each correction the line it starts on for the build's diagnostics. */
async function readCorrections(file: string): Promise<Correction[]> {
  const lineOf = (text: string, [key, index]: readonly PropertyKey[]) =>
    key === 'corrections' && typeof index === 'number' ? (elementLines(text, 'corrections')[index] ?? 1) : 1;
  const { data, text } = await readTable(file, correctionsSchema, lineOf);
  const lines = elementLines(text, 'corrections');
  return data.corrections.map((correction, index) => ({ ...correction, at: { file, line: lines[index] ?? 1 } }));
}

/** Loads the curated tables that the build reads beside the documents. */
export async function readTables(root = '.'): Promise<CuratedTables> {
  const organizations = (await readTable(path.join(root, ORGANIZATIONS_TABLE), tablesSchema.organizations)).data;
  const topics = (await readTable(path.join(root, TOPICS_TABLE), tablesSchema.topics)).data;
  const sources = (await readTable(path.join(root, SOURCES_TABLE), tablesSchema.sources)).data;
  const publication = (await readTable(path.join(root, PUBLICATION_TABLE), tablesSchema.publication)).data;
  const corrections = await readCorrections(path.join(root, CORRECTIONS_TABLE));
  return {
    organizations: organizations.organizations,
    topics: topics.topics,
    sources,
    publication: { name: publication.name },
    corrections,
  };
}

/** The site URL for the feeds' links: `SITE_URL` when set, else `siteUrl` in data/publication.json; always ends in `/`. */
export async function readSiteUrl(root = '.', env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.SITE_URL?.trim();
  if (fromEnv) {
    const site = normaliseSiteUrl(fromEnv);
    if (site === null) throw new UsageError(`SITE_URL: error: "${fromEnv}": ${SITE_URL_EXPECTED} (fix or unset it)`);
    return site;
  }
  const file = path.join(root, PUBLICATION_TABLE);
  const { siteUrl } = (await readTable(file, tablesSchema.publication)).data;
  if (siteUrl === undefined) {
    throw new UsageError(
      `${file}:1: error: siteUrl: missing; the feeds need the site's address (add "siteUrl": "https://example.org/frontier/" or set SITE_URL)`,
    );
  }
  return normaliseSiteUrl(siteUrl) ?? siteUrl;
}

function toPosix(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/') || file;
}

/** The real path of a file that may not exist yet: its nearest existing folder resolved, the rest appended. */
async function realTarget(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(await realTarget(parent), path.basename(absolute));
  }
}

/** Every .md and .txt document under a folder, its subfolders included, in path order. */
async function listDocuments(folder: string, visited: Set<string>): Promise<string[]> {
  const real = await io(folder, () => realpath(folder));
  if (visited.has(real))
    throw new UsageError(
      `${toPosix(folder)}: error: this folder is reached twice through a link (remove the link or give the folders separately)`,
    );
  visited.add(real);
  const names = (await io(folder, () => readdir(folder))).sort();
  const files: string[] = [];
  for (const name of names) {
    const child = path.join(folder, name);
    const info = await io(child, () => stat(child));
    if (info.isDirectory()) files.push(...(await listDocuments(child, visited)));
    else if (info.isFile() && /\.(md|txt)$/i.test(name)) files.push(child);
  }
  return files;
}

/** Documents read from the inputs, and what decoding them found. */
interface ReadSources {
  sources: SourceDocument[];
  diagnostics: Diagnostic[];
  /** Real paths of every document read, so the output can be kept off them. */
  realPaths: string[];
}

/**
 * Expands inputs to documents, folders recursively and in name order, so the build does not depend on
 * the file system's order. The same document reached twice is an error, not read twice or once silently.
 */
async function readSources(inputs: readonly string[]): Promise<ReadSources> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await io(input, () => stat(input));
    if (info.isDirectory()) {
      const found = await listDocuments(input, new Set());
      if (found.length === 0)
        throw new UsageError(
          `${toPosix(input)}: error: no .md or .txt documents in this folder or its subfolders (add one or give another --input)`,
        );
      files.push(...found);
    } else {
      files.push(input);
    }
  }
  const seen = new Map<string, string>();
  const result: ReadSources = { sources: [], diagnostics: [], realPaths: [] };
  for (const file of files) {
    const real = await io(file, () => realpath(file));
    const first = seen.get(real);
    if (first !== undefined) {
      const also = first === toPosix(file) ? 'given twice' : `also read as ${first}`;
      throw new UsageError(`${toPosix(file)}: error: this document is read twice (${also}; give each document once)`);
    }
    seen.set(real, toPosix(file));
    result.realPaths.push(real);
    const decoded = decodeDocument(await io(file, () => readFile(file)), toPosix(file));
    result.diagnostics.push(...decoded.diagnostics);
    if (decoded.text !== null) result.sources.push({ file: toPosix(file), text: decoded.text });
  }
  return result;
}

/** Refuses an output that would overwrite a source document or land in the source folder. */
async function checkOutput(out: string, sourcePaths: readonly string[]): Promise<void> {
  const target = await realTarget(out);
  if (sourcePaths.includes(target)) {
    throw new UsageError(
      `${toPosix(out)}: error: --out is one of the input documents and would be overwritten (choose another --out, such as ${DEFAULT_OUT})`,
    );
  }
  const data = await realTarget(DATA_FOLDER);
  if (target === data || target.startsWith(`${data}${path.sep}`)) {
    throw new UsageError(
      `${toPosix(out)}: error: --out is inside ${DATA_FOLDER}/, which holds the sources (choose another --out, such as ${DEFAULT_OUT})`,
    );
  }
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
    // The temporary name means nothing to the reader: the failure is about the target.
    const failure = error as NodeJS.ErrnoException;
    if (failure.path === temporary) failure.path = file;
    throw error;
  }
}

/** An issue file's name, and its fragment folder's (the same without `.json`), as layoutArchive names them. */
const ISSUE_FILE_NAME = /^\d{4}-\d{2}-\d{2}\.[0-9a-f]{10}\.json$/;
const FRAGMENT_FOLDER_NAME = /^\d{4}-\d{2}-\d{2}\.[0-9a-f]{10}(\.\d+\.tmp)?$/;

/**
 * Writes one issue file's fragment folder whole: its files into a temporary folder, renamed into place, so a folder
 * that exists is complete and a build that stops half way leaves only a temporary folder for the next one to remove.
 */
async function writeFragmentFolder(target: string, fragments: readonly ArchiveFile[]): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  await io(temporary, () => rm(temporary, { recursive: true, force: true }));
  await io(temporary, () => mkdir(temporary));
  try {
    await Promise.all(
      fragments.map((fragment) => {
        const file = path.join(temporary, path.posix.basename(fragment.path));
        return io(file, () => writeFile(file, fragment.json, 'utf8'));
      }),
    );
    await io(target, () => rename(temporary, target));
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** How many fragment folders are written at once: creating files waits on the disk, not the CPU, so a few overlap. */
const PARALLEL_FOLDERS = 4;

/**
 * Runs `work` on every item, at most `size` at a time. After a failure it starts no more, waits for those under way
 * (so none is left half written), then throws the first failure.
 */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const runner = async () => {
    while (next < items.length && !failure) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, runner));
  if (failure) throw (failure as { error: unknown }).error;
}

/**
 * Writes the bundle and its split layout beside it: new fragment folders and issue files first (content-hashed, so
 * nothing a reader has is touched), then the bundle and the catalogue atomically, then issue files and fragment folders
 * the new catalogue no longer names.
 */
async function writeArchive(out: string, json: string, layout: ArchiveLayout): Promise<void> {
  const folder = path.dirname(out);
  const located = (file: { path: string }) => path.join(folder, file.path.replace(/^data\//, ''));
  const issueFolder = path.join(folder, ISSUE_FILE_FOLDER.replace(/^data\//, ''));
  // The output's own folder first, so a bad --out is reported as given, not as the issues folder inside it.
  await io(out, () => mkdir(folder, { recursive: true }));
  await io(issueFolder, () => mkdir(issueFolder, { recursive: true }));
  const existing = new Set(await io(issueFolder, () => readdir(issueFolder)));
  // Fragments before their issue file, so an issue file that exists always has its fragments beside it.
  await inPool(layout.fragmentFolders, PARALLEL_FOLDERS, async (fragmentFolder) => {
    const target = located(fragmentFolder);
    if (!existing.has(path.basename(target))) await writeFragmentFolder(target, fragmentFolder.fragments);
  });
  for (const file of layout.issueFiles) {
    const target = located(file);
    if (!existing.has(path.basename(target))) await io(target, () => writeAtomically(target, file.json));
  }
  await io(out, () => writeAtomically(out, json));
  const catalogue = located(layout.catalogue);
  await io(catalogue, () => writeAtomically(catalogue, layout.catalogue.json));
  const kept = new Set([...layout.issueFiles, ...layout.fragmentFolders].map((file) => path.basename(located(file))));
  for (const name of existing) {
    if ((ISSUE_FILE_NAME.test(name) || FRAGMENT_FOLDER_NAME.test(name)) && !kept.has(name)) {
      await io(path.join(issueFolder, name), () => rm(path.join(issueFolder, name), { recursive: true, force: true }));
    }
  }
}

/**
 * Writes the search shards beside the catalogue as the issue files are written: new chunks first (content-hashed), then
 * the meta file naming them, then chunks it no longer names.
 */
async function writeSearchShards(out: string, shards: SearchShardFiles): Promise<void> {
  const folder = path.dirname(out);
  const located = (file: ArchiveFile) => path.join(folder, file.path.replace(/^data\//, ''));
  const shardFolder = path.join(folder, SEARCH_SHARD_FOLDER.replace(/^data\//, ''));
  await io(shardFolder, () => mkdir(shardFolder, { recursive: true }));
  const existing = new Set(await io(shardFolder, () => readdir(shardFolder)));
  for (const file of shards.chunks) {
    const target = located(file);
    if (!existing.has(path.basename(target))) await io(target, () => writeAtomically(target, file.json));
  }
  const meta = located(shards.meta);
  await io(meta, () => writeAtomically(meta, shards.meta.json));
  const kept = new Set(shards.chunks.map((file) => path.basename(located(file))));
  for (const name of existing) {
    if (SEARCH_CHUNK_NAME.test(name) && !kept.has(name)) {
      await io(path.join(shardFolder, name), () => rm(path.join(shardFolder, name), { force: true }));
    }
  }
}

/** Writes the feeds and the OpenSearch description beside the catalogue, each atomically. */
async function writeFeeds(out: string, feeds: FeedFiles): Promise<void> {
  const folder = path.dirname(out);
  const files: [string, string][] = [
    [FEED_PATHS.atom, feeds.atom],
    [FEED_PATHS.json, feeds.json],
    [FEED_PATHS.openSearch, feeds.openSearch],
  ];
  for (const [sitePath, text] of files) {
    const target = path.join(folder, sitePath.replace(/^data\//, ''));
    await io(target, () => writeAtomically(target, text));
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
    const [read, tables, siteUrl] = await Promise.all([readSources(options.inputs), readTables(), readSiteUrl()]);
    await checkOutput(options.out, read.realPaths);
    const result = buildArchive(read.sources, tables);
    const diagnostics = [...read.diagnostics, ...result.diagnostics];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity === 'error' || !options.quiet) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    }
    // An archive with no issue is never what was meant, and would replace a good one.
    const empty = result.bundle?.issues.length === 0;
    if (empty) {
      process.stderr.write(
        `${options.inputs.join(' ')}: error: no issue was read, so the bundle would be empty (check that the documents have "***Mon D, YYYY***" headings and entries)\n`,
      );
    }
    if (!result.bundle || errors.length > 0 || empty) {
      const count = errors.length + (empty ? 1 : 0);
      process.stderr.write(
        `build:data failed: ${count} error${count === 1 ? '' : 's'}; ${options.out} left untouched\n`,
      );
      return 1;
    }
    const json = `${JSON.stringify(result.bundle)}\n`;
    const layout = layoutArchive(result.bundle);
    await writeArchive(options.out, json, layout);
    await writeSearchShards(options.out, buildSearchShards(result.bundle, layout.hashOfIssue));
    await writeFeeds(options.out, feedFiles(result.bundle, siteUrl));
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
    // A bug, not a problem with the input: still one line, so the output reads like every other failure.
    process.stderr.write(
      `build:data: error: ${error instanceof Error ? error.message : String(error)} (this is a bug in the build; please report it)\n`,
    );
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`build:data: error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
