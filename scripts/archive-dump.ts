/**
 * `npm run -s archive:dump -- [DIR]`: prints the built archive in DIR (default public/data) to stdout as one JSON
 * document with the fields of schema 1.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BundleError, parseBundle } from '../src/shared/bundle';
import { toSchemaOne } from './lib/archive-dump';

const DEFAULT_DIR = 'public/data';
const USAGE = `usage: npm run -s archive:dump -- [DIR]   (DIR holds archive.json; default ${DEFAULT_DIR})`;

/** Runs the dump; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv.length > 1 || argv.some((arg) => arg.startsWith('-'))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = path.join(argv[0] ?? DEFAULT_DIR, 'archive.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    process.stderr.write(`${file}: error: cannot read the archive (${code}); run \`npm run build:data\` first\n`);
    return 2;
  }
  try {
    process.stdout.write(`${JSON.stringify(toSchemaOne(parseBundle(JSON.parse(text))))}\n`);
    return 0;
  } catch (error) {
    const what = error instanceof BundleError || error instanceof SyntaxError ? error.message : String(error);
    process.stderr.write(`${file}: error: ${what}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
