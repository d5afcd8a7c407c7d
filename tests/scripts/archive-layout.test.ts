// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { buildArchive } from '../../scripts/lib/build-archive';
import { parseCatalogue, parseCatalogueInSlices, parseIssueFile } from '../../src/shared/archive-layout';
import { BundleError, type ArchiveBundle } from '../../src/shared/bundle';
import { syntheticArchive } from '../../scripts/bench/synthetic-archive';
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

  it('lists each issue with its entry count, never its entry ids, so the catalogue grows with the issues only', () => {
    const bundle = syntheticArchive(seedBundle(), 3000);
    const layout = layoutArchive(bundle);
    const raw = JSON.parse(layout.catalogue.json) as { issues: Record<string, unknown>[]; latestEntries: unknown[] };
    expect(raw.issues.length).toBeGreaterThan(50);
    expect(raw.issues.filter((issue) => 'entryIds' in issue)).toEqual([]);
    const catalogue = parseCatalogue(raw);
    expect(catalogue.issues.map((issue) => [issue.id, issue.entryCount])).toEqual(
      bundle.issues.map((issue) => [issue.id, issue.entryIds.length]),
    );
    // An issue's line and file name, without the newest issue's entries: a fraction of 30 entry ids (over 1 KB).
    const perIssue = JSON.stringify({ ...raw, latestEntries: [] }).length / raw.issues.length;
    expect(perIssue).toBeLessThan(300);
  });

  it('changes an issue’s line by its count alone when the issue gains entries', () => {
    const bundle = seedBundle();
    const grown = structuredClone(bundle);
    const issue = grown.issues[2];
    const model = grown.entries.find((e) => e.issueId === issue?.id);
    if (!issue || !model) throw new Error('the seed has a third issue');
    const added = Array.from({ length: 40 }, (_, index) => ({
      ...model,
      id: `${issue.id}-added-${index}`,
      position: issue.entryIds.length + index + 1,
      topics: [],
    }));
    issue.entryIds.push(...added.map((e) => e.id));
    grown.entries.push(...added);
    const before = parseCatalogue(JSON.parse(layoutArchive(bundle).catalogue.json));
    const after = parseCatalogue(JSON.parse(layoutArchive(grown).catalogue.json));
    expect({ ...after, issueFiles: {} }).toEqual({
      ...before,
      issues: before.issues.map((line) =>
        line.id === issue.id ? { ...line, entryCount: line.entryCount + 40 } : line,
      ),
      issueFiles: {},
    });
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

  it('rejects an issue file that does not hold as many entries as its issue counts, or holds another issue’s', () => {
    const layout = layoutArchive(seedBundle());
    const catalogue = parseCatalogue(JSON.parse(layout.catalogue.json));
    const [file, otherFile] = layout.issueFiles;
    const [, issue, otherIssue] = catalogue.issues;
    if (!file || !otherFile || !issue || !otherIssue) throw new Error('the seed has more than two issues');
    expect(parseIssueFile(JSON.parse(file.json), issue)).toHaveLength(issue.entryCount);

    const short = JSON.parse(file.json) as { entries: unknown[] };
    short.entries.pop();
    expect(() => parseIssueFile(short, issue)).toThrow(
      `The file of the issue of 2024-10-27 is malformed: it holds ${issue.entryCount - 1} entries, but issue 2024-10-27 has ${issue.entryCount}`,
    );

    const stray = JSON.parse(file.json) as { entries: { id: string; issueId: string }[] };
    const moved = stray.entries[3];
    if (!moved) throw new Error('the issue has entries');
    moved.issueId = otherIssue.id;
    expect(() => parseIssueFile(stray, issue)).toThrow(`entry ${moved.id} is not in issue 2024-10-27`);

    expect(() => parseIssueFile(JSON.parse(otherFile.json), issue)).toThrow(
      `The file of the issue of 2024-10-27 holds issue ${otherIssue.id}`,
    );
  });

  it('rejects a catalogue whose newest issue has other entries than it counts', () => {
    const raw = JSON.parse(layoutArchive(seedBundle()).catalogue.json) as { latestEntries: unknown[] };
    raw.latestEntries.pop();
    expect(() => parseCatalogue(raw)).toThrow(
      /^The archive is malformed: it holds 28 entries, but issue 2024-11-02 has 29$/,
    );
  });

  it('rejects a catalogue of the earlier format, which listed entry ids, with a message rather than a crash', () => {
    const bundle = seedBundle();
    const raw = JSON.parse(layoutArchive(bundle).catalogue.json) as { issues: Record<string, unknown>[] };
    raw.issues = raw.issues.map(({ entryCount: _count, ...issue }, index) => ({
      ...issue,
      entryIds: bundle.issues[index]?.entryIds,
    }));
    expect(() => parseCatalogue(raw)).toThrow(BundleError);
    expect(() => parseCatalogue(raw)).toThrow(/^The archive is malformed: issues\.0\.entryCount: expected number/);
  });
});

describe('the catalogue checked a slice at a time, so the page can draw between slices', () => {
  const catalogueOf = (bundle: ArchiveBundle) => JSON.parse(layoutArchive(bundle).catalogue.json) as unknown;
  const counting = () => {
    const pauses = { count: 0 };
    return { pauses, pause: () => Promise.resolve(void pauses.count++) };
  };

  it('gives the same catalogue as a check of the whole file, on the seed and on 3,000 entries', async () => {
    for (const bundle of [seedBundle(), syntheticArchive(seedBundle(), 3000)]) {
      const raw = catalogueOf(bundle);
      const { pauses, pause } = counting();
      expect(await parseCatalogueInSlices(raw, pause)).toEqual(parseCatalogue(raw));
      expect(pauses.count).toBeGreaterThan(1);
    }
  });

  it('pauses between slices of the issue list, more often as the archive grows', async () => {
    const small = counting();
    const large = counting();
    await parseCatalogueInSlices(catalogueOf(seedBundle()), small.pause);
    await parseCatalogueInSlices(catalogueOf(syntheticArchive(seedBundle(), 10000)), large.pause);
    expect(large.pauses.count).toBeGreaterThan(small.pauses.count);
  });

  it('names a bad issue deep in the list by its place in the whole file', async () => {
    const raw = catalogueOf(syntheticArchive(seedBundle(), 10000)) as { issues: { date: string }[] };
    const wholeFile = () => parseCatalogue(raw);
    const sliced = () => parseCatalogueInSlices(raw, () => Promise.resolve());
    const bad = raw.issues[300];
    if (!bad) throw new Error('the synthetic catalogue has fewer than 301 issues');
    bad.date = '27 Nov 2026';
    expect(wholeFile).toThrow(/^The archive is malformed: issues\.300\.date: expected YYYY-MM-DD$/);
    await expect(sliced()).rejects.toThrow(/^The archive is malformed: issues\.300\.date: expected YYYY-MM-DD$/);
  });

  it('rejects what the whole-file check rejects: a missing issue file, a short newest issue, an earlier format', async () => {
    const pause = () => Promise.resolve();
    const noFile = catalogueOf(seedBundle()) as { issues: { id: string }[]; issueFiles: Record<string, string> };
    delete noFile.issueFiles[noFile.issues[3]?.id ?? ''];
    await expect(parseCatalogueInSlices(noFile, pause)).rejects.toThrow(
      /^The archive is malformed: issue .* has no file$/,
    );
    const short = catalogueOf(seedBundle()) as { latestEntries: unknown[] };
    short.latestEntries.pop();
    await expect(parseCatalogueInSlices(short, pause)).rejects.toThrow(
      /it holds 28 entries, but issue 2024-11-02 has 29$/,
    );
    const newer = { ...(catalogueOf(seedBundle()) as object), schemaVersion: 99 };
    await expect(parseCatalogueInSlices(newer, pause)).rejects.toThrow(/has schema version 99/);
    await expect(parseCatalogueInSlices([], pause)).rejects.toThrow(BundleError);
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
      'search',
    ]);
    const issueFolder = () => readdirSync(path.join(dir, 'issues')).sort();
    // The issue file, and beside it the folder of its entries' own files.
    const [olderFragments, olderFile] = issueFolder();
    expect(olderFile).toMatch(/^2024-10-27\.[0-9a-f]{10}\.json$/);
    expect(olderFragments).toBe(olderFile!.replace(/\.json$/, ''));
    expect(readdirSync(path.join(dir, 'issues', olderFragments!)).sort()).toEqual(['0.json', '1.json']);

    const catalogue = readFileSync(path.join(dir, 'catalogue.json'), 'utf8');
    writeFileSync(newer, '***Nov 2, 2024***\n\n1. ***Never closes <br>\n');
    expect(run('--input', older, '--input', newer, '--out', out).status).toBe(1);
    expect(readFileSync(path.join(dir, 'catalogue.json'), 'utf8')).toBe(catalogue);
    expect(issueFolder()).toEqual([olderFragments, olderFile]);
    expect(readdirSync(path.join(dir, 'issues', olderFragments!)).sort()).toEqual(['0.json', '1.json']);

    expect(run('--input', newer.replace('newer', 'older'), '--out', out).status).toBe(0);
    expect(issueFolder()).toEqual([]);
    expect(parseCatalogue(JSON.parse(readFileSync(path.join(dir, 'catalogue.json'), 'utf8'))).issues).toHaveLength(1);
  });
});
