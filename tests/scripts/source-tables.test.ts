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
  writeFileSync(path.join(root, 'data', file), JSON.stringify(content));
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
});
