// @vitest-environment node
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTables } from '../../scripts/build-data';

const roots: string[] = [];

/** A copy of data/'s tables with one file replaced. */
function tablesWith(file: string, content: unknown): string {
  const root = mkdtempSync(path.join(tmpdir(), 'frontier-tables-'));
  roots.push(root);
  cpSync('data', path.join(root, 'data'), { recursive: true, filter: (source) => !source.includes('newsletters') });
  writeFileSync(path.join(root, 'data', file), JSON.stringify(content, null, 2));
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the tables that name the source', () => {
  it('are read from data/ into the build', async () => {
    const tables = await readTables();
    expect(tables.publication).toEqual({ name: 'Neural Frontier' });
    expect(tables.sources.publishers['arxiv.org']).toBe('arXiv');
    expect(tables.sources.arxivMirrors).toEqual(['papers.cool']);
  });

  it('are checked like the other tables, naming the file and the field', async () => {
    const badHost = tablesWith('sources.json', { publishers: { 'ArXiv.org': 'arXiv' }, arxivMirrors: [] });
    await expect(readTables(badHost)).rejects.toThrow(
      `${path.join(badHost, 'data/sources.json')}:1: error: publishers.ArXiv.org: expected a lower-case host name such as arxiv.org`,
    );
    const noName = tablesWith('publication.json', { name: '' });
    await expect(readTables(noName)).rejects.toThrow(`${path.join(noName, 'data/publication.json')}:1: error: name:`);
  });

  it('read data/corrections.json, giving each correction its line, and name the line of a bad one', async () => {
    const tables = await readTables();
    expect(tables.corrections?.length).toBeGreaterThan(0);
    for (const correction of tables.corrections ?? []) {
      expect(correction.at.file).toBe('data/corrections.json');
      expect(correction.checkedAgainst).toMatch(/^https:\/\//);
    }
    expect(tables.corrections?.[0]?.at.line).toBe(4);

    const good = {
      entry: { issue: '2024-10-06', number: 11 },
      field: 'paper.arxivId',
      from: '2410.02762',
      to: '2410.02525',
      checkedAgainst: 'https://arxiv.org/abs/2410.02525',
    };
    const cases: [unknown, string][] = [
      [{ ...good, to: '2410.02525v2' }, 'corrections.1.to: expected an arXiv id without version, such as 2410.02525'],
      [{ ...good, checkedAgainst: 'arxiv.org' }, 'corrections.1.checkedAgainst: expected the http(s) URL'],
      [{ ...good, entry: { issue: '2024-10-06' } }, 'corrections.1.entry: expected {"issue": "YYYY-MM-DD"'],
      [{ ...good, field: 'paper.doi', from: null, to: 'doi:10.1/x' }, 'corrections.1.to: expected a DOI'],
      [{ ...good, form: '2410.02762' }, 'corrections.1'],
    ];
    for (const [bad, message] of cases) {
      const root = tablesWith('corrections.json', { corrections: [good, bad] });
      // Two-space JSON: the second correction opens on line 13.
      await expect(readTables(root)).rejects.toThrow(
        `${path.join(root, 'data/corrections.json')}:13: error: ${message}`,
      );
    }
  });
});
