// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { buildArchive } from '../../scripts/lib/build-archive';
import { parseCatalogue, parseIssueFile } from '../../src/shared/archive-layout';
import type { ArchiveBundle } from '../../src/shared/bundle';
import { entry, SEED_FILE, seedTables, seedText } from './helpers';

function seedBundle(): ArchiveBundle {
  const { bundle } = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
  if (!bundle) throw new Error('the seed did not build');
  return bundle;
}

describe('the split archive', () => {
  it('holds every entry of the bundle exactly once: the newest issue in the catalogue, the others in their files', () => {
    const bundle = seedBundle();
    const layout = layoutArchive(bundle);
    const catalogue = parseCatalogue(JSON.parse(layout.catalogue.json));
    expect(catalogue.issues.map((issue) => issue.id)).toEqual(bundle.issues.map((issue) => issue.id));
    expect(catalogue.latestEntries.map((e) => e.id)).toEqual(bundle.issues[0]?.entryIds);
    const fromFiles = layout.issueFiles.flatMap((file) => {
      const issueId = Object.keys(catalogue.issueFiles).find((id) => catalogue.issueFiles[id] === file.path);
      const issue = catalogue.issues.find((candidate) => candidate.id === issueId);
      if (!issue) throw new Error(`${file.path} belongs to no issue`);
      return parseIssueFile(JSON.parse(file.json), issue);
    });
    const all = [...catalogue.latestEntries, ...fromFiles];
    expect(all).toHaveLength(147);
    expect(new Set(all.map((e) => e.id)).size).toBe(147);
    expect(all.toSorted((a, b) => a.id.localeCompare(b.id))).toEqual(
      bundle.entries.toSorted((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('keeps the catalogue small: the newest issue and one line per issue, not the archive', () => {
    const layout = layoutArchive(seedBundle());
    const whole = layout.issueFiles.reduce((sum, file) => sum + file.json.length, layout.catalogue.json.length);
    expect(layout.catalogue.json.length).toBeLessThan(whole / 3);
  });

  it('renames exactly the file of the issue that changed, so cached copies of the others stay valid', () => {
    const bundle = seedBundle();
    const before = layoutArchive(bundle);
    const changedIssue = bundle.issues[2];
    const changed = structuredClone(bundle);
    const target = changed.entries.find((e) => e.issueId === changedIssue?.id);
    if (!target) throw new Error('no entry to change');
    target.summary += ' Corrected.';
    const after = layoutArchive(changed);
    const renamed = after.issueFiles.filter((file, index) => file.path !== before.issueFiles[index]?.path);
    expect(renamed.map((file) => file.path)).toEqual([expect.stringContaining(`data/issues/${changedIssue?.id}.`)]);
    expect(layoutArchive(bundle)).toEqual(before);
  });

  it('rejects an issue file that does not hold the entries its issue lists', () => {
    const layout = layoutArchive(seedBundle());
    const catalogue = parseCatalogue(JSON.parse(layout.catalogue.json));
    const [file] = layout.issueFiles;
    const issue = catalogue.issues[1];
    if (!file || !issue) throw new Error('the seed has more than one issue');
    const json = JSON.parse(file.json) as { entries: unknown[] };
    json.entries.pop();
    expect(() => parseIssueFile(json, issue)).toThrow(/not the ones issue 2024-10-27 lists/);
  });
});

describe('npm run build:data writes the split archive beside the bundle', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { encoding: 'utf8' });

  it('writes the catalogue and issue files, removes files of issues that are gone, and keeps them all on failure', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'frontier-layout-'));
    const out = path.join(dir, 'archive.json');
    const older = path.join(dir, 'older.md');
    const newer = path.join(dir, 'newer.md');
    writeFileSync(older, `***Oct 27, 2024***\n\n${entry(1, 'Older one')}${entry(2, 'Older two')}`);
    writeFileSync(newer, `***Nov 2, 2024***\n\n${entry(1, 'Newer one')}`);
    expect(run('--input', older, '--input', newer, '--out', out).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'archive.json',
      'catalogue.json',
      'feed.json',
      'feed.xml',
      'issues',
      'newer.md',
      'older.md',
      'opensearch.xml',
    ]);
    const [olderFile] = readdirSync(path.join(dir, 'issues'));
    expect(olderFile).toMatch(/^2024-10-27\.[0-9a-f]{10}\.json$/);

    const catalogue = readFileSync(path.join(dir, 'catalogue.json'), 'utf8');
    writeFileSync(newer, '***Nov 2, 2024***\n\n1. ***Never closes <br>\n');
    expect(run('--input', older, '--input', newer, '--out', out).status).toBe(1);
    expect(readFileSync(path.join(dir, 'catalogue.json'), 'utf8')).toBe(catalogue);
    expect(readdirSync(path.join(dir, 'issues'))).toEqual([olderFile]);

    expect(run('--input', newer.replace('newer', 'older'), '--out', out).status).toBe(0);
    expect(readdirSync(path.join(dir, 'issues'))).toEqual([]);
    expect(parseCatalogue(JSON.parse(readFileSync(path.join(dir, 'catalogue.json'), 'utf8'))).issues).toHaveLength(1);
  });
});
