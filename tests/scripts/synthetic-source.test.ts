// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../scripts/lib/build-archive';
import { syntheticSource } from '../../scripts/bench/synthetic-source';
import { messages, SEED_FILE, seedText, tables } from './helpers';

const seed = buildArchive([{ file: SEED_FILE, text: seedText }], tables).bundle;
if (!seed) throw new Error('the seed does not build');
const documents = syntheticSource(seed, tables, 300);
const result = buildArchive(
  documents.map((document) => ({ file: `synthetic/${document.name}`, text: document.text })),
  tables,
);

describe('synthetic source documents for the data benchmark', () => {
  it('build through the real parser with no errors and hardly any warnings', () => {
    expect(messages(result, 'error')).toEqual([]);
    expect(messages(result, 'warning').length).toBeLessThanOrEqual(1);
    expect(result.bundle?.entries).toHaveLength(300);
    expect(result.bundle?.issues).toHaveLength(10);
  });

  it('are written as the seed is: weekly issues, numbered bold entries, dated bodies naming organisations before a paper link', () => {
    const text = documents.map((document) => document.text).join('\n');
    expect(text).toMatch(/^\*\*\*[A-Z][a-z]{2} \d{1,2}, \d{4}\*\*\*$/m);
    expect(text).toMatch(/^\*\*\*[A-Z][a-z]{2} \d{1,2}\*\*\*$/m);
    expect(text).toMatch(/^1\. \*\*\*[^*]+: {2}<br>[^*]+\*\*\* <br> <br>$/m);
    expect(text).toMatch(
      /^ {3,4}[A-Z][a-z]{2} \d{1,2}, [^[]+ published a \[paper\]\(https:\/\/arxiv\.org\/pdf\/\d{4}\.\d{5}\) “[^”]+”\./m,
    );
    const bytes = Buffer.byteLength(text) / 300;
    expect(bytes).toBeGreaterThan(2000);
    expect(bytes).toBeLessThan(3000);
  });

  it('name known and unknown organisations, cover some papers twice and date arXiv identifiers by their entries', () => {
    const entries = result.bundle?.entries ?? [];
    const curated = new Set(tables.organizations.map((organization) => organization.name));
    const names = entries.flatMap((entry) => entry.organizations);
    expect(names.filter((name) => curated.has(name)).length).toBeGreaterThan(names.length / 2);
    expect(names.some((name) => !curated.has(name))).toBe(true);
    expect(entries.some((entry) => entry.paperGroup !== null)).toBe(true);
    for (const entry of entries) {
      const id = entry.paper?.arxivId;
      if (id) expect(`20${id.slice(0, 2)}-${id.slice(2, 4)}` <= entry.publishedOn.slice(0, 7), entry.id).toBe(true);
    }
  });

  it('are deterministic', () => {
    expect(syntheticSource(seed, tables, 300)).toEqual(documents);
  });
});
