import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSchemaOne } from '../../scripts/lib/archive-dump';
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
});
