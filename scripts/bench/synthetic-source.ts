/**
 * Synthetic newsletter documents in the seed's source format, for benchmarking the real build:
 * `tsx scripts/bench/synthetic-source.ts --entries 10000 --out /tmp/synth-10k` writes one document per year.
 * Deterministic: the same seed document, tables and arguments always give the same bytes.
 * Text comes from word-bigram models of the seed (one per topic, so words cluster by subject), with invented
 * model and dataset names so the vocabulary grows with the archive. Organisations are written as the seed and
 * data/organizations.json write them, with unknown names at the rate the seed names a lab only once. Papers are
 * covered again at the seed's rate, and arXiv identifiers follow the dates.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildArchive, type CuratedTables } from '../lib/build-archive';
import { organizationPhrase, splitOrganizations } from '../lib/organizations';
import { parseLeadingDate } from '../lib/dates';
import { createRandom } from '../lib/random';
import { nodesToText } from '../lib/inline';
import { MONTH_NAMES } from '../../src/shared/labels';
import type { ArchiveBundle, Entry } from '../../src/shared/bundle';

import { BigramModel, inventWord, pick, type Random } from './text-model';

/** The seed document the generator learns from. */
export const SEED_DOCUMENT = 'data/newsletters/neural-frontier-2024-09-to-11.txt';
/** Entries per weekly issue, as in the seed. */
const ENTRIES_PER_ISSUE = 30;
/** About this many bytes per entry, heading and blank lines included. */
const BYTES_PER_ENTRY = 2500;
/** The newest issue; older ones follow a week apart. */
const NEWEST_ISSUE = Date.UTC(2024, 10, 2);
const DAY = 86_400_000;
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));

/** Text safe inside the markup: no bold markers, breaks, brackets or quotes that would change how a line parses. */
function plain(text: string): string {
  return text
    .replace(/[*[\]<>“”"«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A bigram model of text made safe for the markup. */
function textModel(texts: readonly string[]): BigramModel {
  return new BigramModel(texts.map(plain));
}

/** A model or dataset name: `Zorvinta-7B`, `Luxber-Bench`, `Kalo`. */
function inventName(random: Random): string {
  const word = inventWord(random);
  const roll = random();
  return roll < 0.35 ? `${word}-${1 + Math.floor(random() * 70)}B` : roll < 0.5 ? `${word}-Bench` : word;
}

/** An invented laboratory written as the newsletter writes them. */
function inventOrganization(random: Random): string {
  const word = inventWord(random);
  return pick(random, [
    `Uni of ${word}`,
    `${word} Uni`,
    `${word} AI`,
    `${word} Labs`,
    `${word} Inst of Tech`,
    `${word} Research`,
  ]);
}

/** What the generator learned from the seed. */
interface SeedModel {
  bodies: Map<string, BigramModel>;
  summaries: BigramModel;
  headlines: BigramModel;
  titles: BigramModel;
  /** Organisations as written in the seed, with repeats; and every name and alias of the table. */
  writtenOrganizations: string[];
  tableOrganizations: string[];
  /** Share of organisation mentions that name a lab the seed names only once. */
  unknownRate: number;
  organizationsPerEntry: number[];
  topicsPerEntry: string[][];
  /** Share of entries that cover a paper an earlier entry covered. */
  recoverRate: number;
  /** Average body length in characters. */
  averageBody: number;
}

function learn(seed: ArchiveBundle, tables: CuratedTables): SeedModel {
  const bodyText = (entry: Entry) => entry.body.map(nodesToText).join(' ');
  const byTopic = new Map<string, string[]>();
  for (const entry of seed.entries) {
    const topic = entry.topics[0] ?? 'Other';
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), bodyText(entry).replace(/^[^,]*,[^“]*“[^”]*”\.?/, '')]);
  }
  const written = seed.entries.map((entry) => {
    const first = nodesToText(entry.body[0]?.filter((node) => node.type === 'text').slice(0, 1) ?? []);
    const leading = parseLeadingDate(first);
    return leading ? splitOrganizations(organizationPhrase(`${first.slice(leading.length)}[`)) : [];
  });
  const mentions = new Map<string, number>();
  for (const entry of seed.entries)
    for (const name of entry.organizations) mentions.set(name, (mentions.get(name) ?? 0) + 1);
  const total = [...mentions.values()].reduce((sum, count) => sum + count, 0);
  const once = [...mentions.values()].filter((count) => count === 1).length;
  const groups = new Set(seed.entries.flatMap((entry) => (entry.paperGroup ? [entry.paperGroup] : [])));
  const grouped = seed.entries.filter((entry) => entry.paperGroup !== null).length;
  return {
    bodies: new Map([...byTopic].map(([topic, texts]) => [topic, textModel(texts)])),
    summaries: textModel(seed.entries.map((entry) => entry.summary)),
    headlines: textModel(seed.entries.map((entry) => `${entry.headline}.`)),
    titles: textModel(seed.entries.flatMap((entry) => (entry.paper ? [`${entry.paper.title}.`] : []))),
    writtenOrganizations: written
      .flat()
      .filter((name) => /^[\p{L}\p{N}][\p{L}\p{N} .&'’-]*$/u.test(name) && !/\band\b/i.test(name)),
    tableOrganizations: tables.organizations
      .flatMap((organization) => [organization.name, ...organization.aliases])
      .filter((name) => !/[,&]|\band\b/i.test(name)),
    unknownRate: total > 0 ? once / total : 0,
    organizationsPerEntry: written.map((names) => names.length),
    topicsPerEntry: seed.entries.map((entry) => entry.topics),
    recoverRate: (grouped - groups.size) / seed.entries.length,
    averageBody: seed.entries.reduce((sum, entry) => sum + bodyText(entry).length, 0) / seed.entries.length,
  };
}

/** A paper as the newsletter cites it. */
interface SyntheticPaper {
  arxivId: string;
  title: string;
  organizations: string[];
  issueIndex: number;
}

/** arXiv identifiers by month: four digits before 2015, five after, old-style `cs/YYMMNNN` before April 2007. */
function nextArxivId(random: Random, date: Date, counters: Map<string, number>): string {
  const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const key = `${yy}${mm}`;
  const year = date.getUTCFullYear();
  const oldStyle = year < 2007 || (year === 2007 && date.getUTCMonth() < 3);
  // Steps small enough that a month's papers never run out of digits: 3 old-style, 4 before 2015, else 5.
  const step = oldStyle ? 5 : 30;
  const count = (counters.get(key) ?? Math.floor(random() * (oldStyle ? 200 : 2000))) + 1 + Math.floor(random() * step);
  counters.set(key, count);
  if (oldStyle) return `cs/${key}${String(count).padStart(3, '0')}`;
  return `${key}.${String(count).padStart(year < 2015 ? 4 : 5, '0')}`;
}

function monthDay(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** A comma-and list as the newsletter writes it: `A, B and C`. */
function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** One generated document: a file name and its text. */
export interface SyntheticDocument {
  name: string;
  text: string;
}

/** Generates `entries` entries as newsletter documents, one per year, newest issue first in each. */
export function syntheticSource(
  seed: ArchiveBundle,
  tables: CuratedTables,
  entries: number,
  randomSeed = 42,
): SyntheticDocument[] {
  const random = createRandom(randomSeed + entries);
  const model = learn(seed, tables);
  const invent = () =>
    random() < 0.02 ? (random() < 0.8 ? inventName(random) : `${(random() * 100).toFixed(1)}%`) : null;
  const inventedOrganizations: string[] = [];
  const organization = () => {
    if (random() >= model.unknownRate)
      return random() < 0.8 ? pick(random, model.writtenOrganizations) : pick(random, model.tableOrganizations);
    // New labs keep appearing, but a lab named once is often named again.
    if (inventedOrganizations.length === 0 || random() < 0.5) inventedOrganizations.push(inventOrganization(random));
    return pick(random, inventedOrganizations);
  };
  const issueCount = Math.ceil(entries / ENTRIES_PER_ISSUE);
  const counters = new Map<string, number>();
  /** Papers of the last three issues: a paper is covered again within a few weeks, if at all. */
  let papers: SyntheticPaper[] = [];
  const issues: { date: Date; lines: string[] }[] = [];
  const bodyLength = Math.max(400, BYTES_PER_ENTRY - 700);

  // Oldest issue first, so a paper covered again is always covered after it appeared.
  for (let issueIndex = issueCount - 1; issueIndex >= 0; issueIndex -= 1) {
    const date = new Date(NEWEST_ISSUE - issueIndex * 7 * DAY);
    const count = issueIndex === issueCount - 1 ? entries - (issueCount - 1) * ENTRIES_PER_ISSUE : ENTRIES_PER_ISSUE;
    const lines: string[] = [];
    papers = papers.filter((paper) => paper.issueIndex <= issueIndex + 2);
    for (let position = 0; position < count; position += 1) {
      const published = new Date(date.getTime() - Math.floor(random() * 9) * DAY);
      const topics = pick(random, model.topicsPerEntry);
      const bodyModel = model.bodies.get(topics[0] ?? 'Other') ?? model.bodies.values().next().value;
      if (!bodyModel) throw new Error('the seed has no entries to learn from');
      const headline = plain(model.headlines.sentence(random, 8, invent)).replace(/[.:!?,;]+$/, '');
      const summary = plain(model.summaries.text(random, 300, invent));
      const body = plain(bodyModel.text(random, bodyLength * (0.8 + random() * 0.4), invent));
      const roll = random();
      let opening: string;
      if (papers.length > 0 && random() < model.recoverRate) {
        const paper = pick(random, papers);
        opening = `${listNames(paper.organizations)} published a [paper](https://arxiv.org/pdf/${paper.arxivId}) “${paper.title}”.`;
      } else if (roll < 0.93) {
        const names = [
          ...new Set(Array.from({ length: Math.max(1, pick(random, model.organizationsPerEntry)) }, organization)),
        ];
        const paper = {
          arxivId: nextArxivId(random, new Date(published.getTime() - Math.floor(random() * 3) * DAY), counters),
          title: plain(model.titles.sentence(random, 14, invent)).replace(/[.]+$/, ''),
          organizations: names,
          issueIndex,
        };
        papers.push(paper);
        const etAl = names.length > 2 && random() < 0.1 ? ' et al' : '';
        opening = `${listNames(names)}${etAl} published a [paper](https://arxiv.org/pdf/${paper.arxivId}) “${paper.title}”.`;
      } else if (roll < 0.96) {
        const outlet = pick(random, ['Reuters', 'PCMag', 'The Verge', 'TechCrunch']);
        const host = {
          Reuters: 'www.reuters.com',
          PCMag: 'au.pcmag.com',
          'The Verge': 'www.theverge.com',
          TechCrunch: 'techcrunch.com',
        }[outlet];
        opening = `[according to ${outlet}](https://${host}/technology/${inventWord(random).toLowerCase()}-${published.getUTCFullYear()}/),`;
      } else if (roll < 0.98) {
        const name = inventName(random);
        opening = `${organization()} [released ${name}](https://${inventWord(random).toLowerCase()}.ai/blog/${name.toLowerCase()}/), aiming at ${headline.toLowerCase()}.`;
      } else {
        opening = `${organization()} published an [article](https://${inventWord(random).toLowerCase()}.com/blog/${inventWord(random).toLowerCase()}/) “${headline}”.`;
      }
      const extra =
        random() < 0.25
          ? ` The code is available at https://github.com/${inventWord(random)}/${inventName(random)}.`
          : random() < 0.04
            ? ` The model is available at https://huggingface.co/${inventWord(random).toLowerCase()}/${inventName(random).toLowerCase()}.`
            : '';
      const indent = random() < 0.8 ? '    ' : '   ';
      lines.push(
        `${2 * position + 1}. ***${headline}:  <br>${summary}*** <br> <br>`,
        `${indent}${monthDay(published)}, ${opening} ${body}${extra} <br> <br>`,
        '',
      );
    }
    issues.push({ date, lines });
  }

  // Newest first in each document, as the newsletter's own archive is; a heading names its year when the year changes.
  const byYear = new Map<number, string[]>();
  for (const { date, lines } of issues.reverse()) {
    const year = date.getUTCFullYear();
    let document = byYear.get(year);
    const heading = document ? `***${monthDay(date)}***` : `***${monthDay(date)}, ${year}***`;
    if (!document) byYear.set(year, (document = []));
    document.push('', heading, '', ...lines);
  }
  return [...byYear].map(([year, lines]) => ({ name: `synthetic-${year}.txt`, text: `${lines.join('\n')}\n` }));
}

/** Reads the seed and the tables, and builds the seed through the real build to learn from it. */
export async function loadSeed(
  readTables: () => Promise<CuratedTables>,
): Promise<{ seed: ArchiveBundle; tables: CuratedTables }> {
  const tables = await readTables();
  const text = await readFile(SEED_DOCUMENT, 'utf8');
  const { bundle } = buildArchive([{ file: SEED_DOCUMENT, text }], tables);
  if (!bundle) throw new Error(`${SEED_DOCUMENT}: error: the seed does not build (run npm run build:data to see why)`);
  return { seed: bundle, tables };
}

/** Writes the documents into `folder`, replacing what a previous run left there. */
export async function writeSyntheticSource(folder: string, documents: readonly SyntheticDocument[]): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const document of documents) await writeFile(path.join(folder, document.name), document.text, 'utf8');
}

async function cli(argv: readonly string[]): Promise<void> {
  const value = (flag: string) => {
    const index = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
    if (index === -1) return undefined;
    const arg = argv[index] ?? '';
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  };
  const entries = Number(value('--entries') ?? '10000');
  const out = value('--out');
  if (!out || !Number.isInteger(entries) || entries < 1) {
    process.stderr.write('usage: tsx scripts/bench/synthetic-source.ts --entries N --out FOLDER\n');
    process.exitCode = 2;
    return;
  }
  const { readTables } = await import('../build-data');
  const { seed, tables } = await loadSeed(() => readTables());
  const documents = syntheticSource(seed, tables, entries);
  await writeSyntheticSource(out, documents);
  const bytes = documents.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0);
  process.stdout.write(
    `synthetic-source: ${entries} entries in ${documents.length} documents, ${bytes} bytes → ${out}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  cli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`synthetic-source: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
