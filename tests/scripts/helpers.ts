import { readFileSync } from 'node:fs';
import { readTables } from '../../scripts/build-data';
import { buildArchive, type BuildResult } from '../../scripts/lib/build-archive';
import type { CuratedTables } from '../../scripts/lib/build-archive';

/** The project's real curated tables, without data/corrections.json, so inline documents build as written. */
export const tables: CuratedTables = {
  organizations: (
    JSON.parse(readFileSync('data/organizations.json', 'utf8')) as { organizations: CuratedTables['organizations'] }
  ).organizations,
  topics: (JSON.parse(readFileSync('data/topics.json', 'utf8')) as { topics: CuratedTables['topics'] }).topics,
  sources: JSON.parse(readFileSync('data/sources.json', 'utf8')) as CuratedTables['sources'],
  publication: {
    name: (JSON.parse(readFileSync('data/publication.json', 'utf8')) as CuratedTables['publication']).name,
  },
};

/** Every table `npm run build:data` reads, data/corrections.json included: the seed's real build. */
export const seedTables: CuratedTables = await readTables();

export const SEED_FILE = 'data/newsletters/neural-frontier-2024-09-to-11.txt';
export const seedText = readFileSync(SEED_FILE, 'utf8');

/** Builds an archive from inline documents with the real tables. */
export function build(...documents: string[]): BuildResult {
  return buildArchive(
    documents.map((text, i) => ({ file: `doc${i + 1}.md`, text })),
    tables,
  );
}

/** `file:line: severity: message` lines of a result, for readable assertions. */
export function messages(result: BuildResult, severity?: 'error' | 'warning' | 'info'): string[] {
  return result.diagnostics
    .filter((d) => !severity || d.severity === severity)
    .map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}`);
}

/** One well-formed entry in the newsletter's markup. */
export function entry(
  number: number,
  headline: string,
  body = `Oct 31, Purdue Uni published a [paper](https://arxiv.org/pdf/2410.21647) “A Paper About ${headline}”. It works.`,
): string {
  return `${number}. ***${headline}:  <br>A summary of ${headline}.*** <br> <br>\n   ${body} <br> <br>\n`;
}
