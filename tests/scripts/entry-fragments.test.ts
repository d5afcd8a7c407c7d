// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { buildArchive } from '../../scripts/lib/build-archive';
import { entryFragmentPath, parseCatalogue, parseEntryFragment, parseIssueFile } from '../../src/shared/archive-layout';
import { BundleError, SCHEMA_VERSION, type ArchiveBundle } from '../../src/shared/bundle';
import { entry, SEED_FILE, seedTables, seedText } from './helpers';

function seedBundle(): ArchiveBundle {
  const { bundle } = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
  if (!bundle) throw new Error('the seed did not build');
  return bundle;
}

describe('the entry files beside each issue file', () => {
  it('are one per entry of every issue file, each holding that entry exactly as the issue file does', () => {
    const layout = layoutArchive(seedBundle());
    const catalogue = parseCatalogue(JSON.parse(layout.catalogue.json));
    expect(layout.fragmentFolders).toHaveLength(layout.issueFiles.length);
    layout.issueFiles.forEach((file, k) => {
      const issueId = Object.keys(catalogue.issueFiles).find((id) => catalogue.issueFiles[id] === file.path);
      const issue = catalogue.issues.find((candidate) => candidate.id === issueId)!;
      const entries = parseIssueFile(JSON.parse(file.json), issue);
      const folder = layout.fragmentFolders[k]!;
      expect(folder.path).toBe(file.path.replace(/\.json$/, ''));
      expect(folder.fragments.map((fragment) => fragment.path)).toEqual(
        entries.map((_, position) => `${folder.path}/${position}.json`),
      );
      folder.fragments.forEach((fragment, position) => {
        expect(fragment.path).toBe(entryFragmentPath(file.path, position));
        expect(JSON.parse(fragment.json)).toEqual({ schemaVersion: SCHEMA_VERSION, entry: entries[position] });
        expect(parseEntryFragment(JSON.parse(fragment.json))).toEqual(entries[position]);
      });
    });
    // Every entry but the newest issue's, which the catalogue holds.
    const fragments = layout.fragmentFolders.flatMap((folder) => folder.fragments);
    expect(fragments).toHaveLength(147 - catalogue.latestEntries.length);
    expect(fragments.some((fragment) => fragment.path.includes(catalogue.issues[0]!.id))).toBe(false);
  });

  it('are the same on every build of the same archive', () => {
    expect(layoutArchive(seedBundle()).fragmentFolders).toEqual(layoutArchive(seedBundle()).fragmentFolders);
  });

  it('are checked like the other archive files', () => {
    const fragment = JSON.parse(layoutArchive(seedBundle()).fragmentFolders[0]!.fragments[0]!.json) as {
      entry: object;
    };
    expect(() => parseEntryFragment({ ...fragment, schemaVersion: 2 })).toThrow(/schema version 2/);
    expect(() => parseEntryFragment({ schemaVersion: SCHEMA_VERSION, entry: { id: 'x' } })).toThrow(BundleError);
  });
});

describe('npm run build:data writes the entry files', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { encoding: 'utf8' });
  const issue = (heading: string, ...titles: string[]) =>
    `***${heading}***\n\n${titles.map((title, k) => entry(k + 1, title, `Notes on ${title}.`)).join('')}`;

  it('keeps an unchanged issue’s folder, replaces a changed one’s and removes folders no issue names', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'frontier-fragments-'));
    const out = path.join(dir, 'archive.json');
    const issues = path.join(dir, 'issues');
    const sources = ['oldest.md', 'middle.md', 'newest.md'].map((name) => path.join(dir, name));
    writeFileSync(sources[0]!, issue('Oct 20, 2024', 'Oldest one'));
    writeFileSync(sources[1]!, issue('Oct 27, 2024', 'Middle one', 'Middle two'));
    writeFileSync(sources[2]!, issue('Nov 2, 2024', 'Newest one'));
    const build = () => run(...sources.flatMap((source) => ['--input', source]), '--out', out);
    const folders = () =>
      readdirSync(issues, { withFileTypes: true })
        .filter((found) => found.isDirectory())
        .map((found) => found.name);
    expect(build().status).toBe(0);
    const [oldest, middle] = folders().sort();
    expect(oldest).toMatch(/^2024-10-20\.[0-9a-f]{10}$/);
    expect(middle).toMatch(/^2024-10-27\.[0-9a-f]{10}$/);
    expect(readdirSync(path.join(issues, middle!)).sort()).toEqual(['0.json', '1.json']);
    const oldestEntry = readFileSync(path.join(issues, oldest!, '0.json'), 'utf8');
    // A folder a build left half written, and a file that is not the build's, beside the issue files.
    mkdirSync(path.join(issues, `${middle}.12345.tmp`));
    writeFileSync(path.join(issues, 'notes.txt'), 'mine');

    // Its text only: more entries would change every issue's related entries, and so every issue file.
    writeFileSync(
      sources[1]!,
      issue('Oct 27, 2024', 'Middle one', 'Middle two').replace('Notes on Middle two', 'More notes on Middle two'),
    );
    expect(build().status).toBe(0);
    const [keptOldest, newMiddle, ...rest] = folders().sort();
    expect(rest).toEqual([]);
    expect(keptOldest).toBe(oldest);
    expect(readFileSync(path.join(issues, oldest!, '0.json'), 'utf8')).toBe(oldestEntry);
    expect(newMiddle).not.toBe(middle);
    expect(readdirSync(path.join(issues, newMiddle!)).sort()).toEqual(['0.json', '1.json']);
    expect(readFileSync(path.join(issues, newMiddle!, '1.json'), 'utf8')).toContain('More notes on Middle two');
    expect(existsSync(path.join(issues, 'notes.txt'))).toBe(true);
    const catalogue = parseCatalogue(JSON.parse(readFileSync(path.join(dir, 'catalogue.json'), 'utf8')));
    expect(entryFragmentPath(catalogue.issueFiles['2024-10-27']!, 1)).toBe(`data/issues/${newMiddle}/1.json`);
  });

  it('writes none when the build fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'frontier-fragments-'));
    const good = path.join(dir, 'good.md');
    const bad = path.join(dir, 'bad.md');
    writeFileSync(good, issue('Oct 27, 2024', 'Older one', 'Older two'));
    writeFileSync(bad, '***Nov 2, 2024***\n\n1. ***Never closes <br>\n');
    expect(run('--input', good, '--input', bad, '--out', path.join(dir, 'archive.json')).status).toBe(1);
    expect(existsSync(path.join(dir, 'issues'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['bad.md', 'good.md']);
  });
});
