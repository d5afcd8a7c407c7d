import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSchemaOne, type SchemaOneArchive } from '../../scripts/lib/archive-dump';
import { build, seedText } from './helpers';

const seed = build(seedText).bundle!;

describe('archive:dump', () => {
  it('gives every seed entry with the fields of schema 1', () => {
    const dump = toSchemaOne(seed);
    expect(dump.schemaVersion).toBe(1);
    expect(dump.entries).toHaveLength(147);
    expect(dump.issues.flatMap((issue) => issue.entryIds)).toEqual(dump.entries.map((entry) => entry.id));
    expect(Object.keys(dump.entries[0]!).sort()).toEqual(
      [
        'body',
        'headline',
        'id',
        'issueId',
        'kind',
        'links',
        'number',
        'organizations',
        'paper',
        'position',
        'publishedOn',
        'related',
        'sameAs',
        'source',
        'summary',
        'topics',
      ].sort(),
    );
    const withPaper = dump.entries.find((entry) => entry.paper);
    expect(Object.keys(withPaper?.paper ?? {}).sort()).toEqual(['arxivId', 'title', 'url']);
  });

  it('spells out sameAs both ways for entries about the same paper, never listing the entry itself', () => {
    const dump = toSchemaOne(seed);
    const byId = new Map(dump.entries.map((entry) => [entry.id, entry]));
    const linked = dump.entries.filter((entry) => entry.sameAs.length > 0);
    expect(linked.length).toBeGreaterThan(0);
    for (const entry of linked) {
      expect(entry.sameAs).not.toContain(entry.id);
      for (const other of entry.sameAs) {
        expect(byId.get(other)?.sameAs).toContain(entry.id);
        expect(byId.get(other)?.paper?.arxivId).toBe(entry.paper?.arxivId);
      }
    }
  });

  it('prints a built archive from a folder, and names the file when there is none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-dump-'));
    writeFileSync(path.join(dir, 'archive.json'), JSON.stringify(seed));
    const run = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'scripts/archive-dump.ts', ...args], { encoding: 'utf8' });
    const ok = run(dir);
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { entries: unknown[] }).entries).toHaveLength(147);
    const missing = run(path.join(dir, 'nowhere'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${path.join(dir, 'nowhere', 'archive.json')}: error: cannot read the archive`);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the seed as npm run build:data builds it, with the corrections of data/corrections.json', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-dump-seed-'));
    const out = path.join(dir, 'archive.json');
    const built = spawnSync('npx', ['tsx', 'scripts/build-data.ts', '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const dumped = spawnSync('npx', ['tsx', 'scripts/archive-dump.ts', dir], { encoding: 'utf8' });
    expect(dumped.status, dumped.stderr).toBe(0);
    const { entries } = JSON.parse(dumped.stdout) as SchemaOneArchive;
    const entryOf = (issueId: string, number: number) =>
      entries.find((entry) => entry.issueId === issueId && entry.number === number);
    const ids: [string, number, string][] = [
      ['2024-10-21', 27, '2407.14562'],
      ['2024-10-21', 35, '2410.10630'],
      ['2024-10-06', 9, '2410.02762'],
      ['2024-10-06', 11, '2410.02525'],
      ['2024-10-06', 21, '2410.01748'],
      ['2024-10-06', 29, '2410.02052'],
    ];
    for (const [issueId, number, arxivId] of ids) expect(entryOf(issueId, number)?.paper?.arxivId).toBe(arxivId);
    expect(entryOf('2024-10-06', 31)?.headline).toBe('Reward modeling comparison and combination');
    expect(entryOf('2024-10-06', 33)?.summary).not.toContain('Reward modeling comparison and combination');
  });
});
