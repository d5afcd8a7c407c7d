// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../scripts/lib/build-archive';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { buildSearchShards } from '../../scripts/lib/search-shards';
import type { ArchiveBundle } from '../../src/shared/bundle';
import {
  processIndexTerm,
  SEARCH_FIELDS,
  textDocument,
  titleDocument,
  tokenizeField,
} from '../../src/shared/search-options';
import {
  chunkOfTerm,
  chunksOfPrefix,
  parseSearchChunk,
  parseSearchShardsMeta,
  visitShardPostings,
  type SearchChunk,
} from '../../src/shared/search-shards';
import { entry, SEED_FILE, seedTables, seedText } from './helpers';

function seedBundle(): ArchiveBundle {
  const { bundle } = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
  if (!bundle) throw new Error('the seed did not build');
  return bundle;
}

const seed = seedBundle();
const hashes = layoutArchive(seed).hashOfIssue;

describe('search shards', () => {
  it('are written deterministically, and every word of every entry is in the chunk its term sorts into', () => {
    const shards = buildSearchShards(seed, hashes, 6000);
    expect(buildSearchShards(structuredClone(seed), hashes, 6000)).toEqual(shards);
    const meta = parseSearchShardsMeta(JSON.parse(shards.meta.json));
    expect(meta.documentCount).toBe(seed.entries.length * 2);
    // Each issue with its date and file's hash, so a first answer needs no catalogue; the newest issue's entries are in it.
    expect(meta.issues).toEqual(
      seed.issues.map((issue, r) => [issue.id, issue.entryIds.length, issue.date, r === 0 ? null : hashes[issue.id]]),
    );
    const chunks: SearchChunk[] = shards.chunks.map((file) => parseSearchChunk(JSON.parse(file.json)));
    const terms = chunks.flatMap((chunk) => chunk.terms.map(([term]) => term));
    expect(terms).toEqual([...terms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const postingsOf = new Map(chunks.flatMap((chunk, c) => chunk.terms.map(([term, p]) => [term, { c, p }])));

    const entriesOf = new Map<string, Set<number>>();
    const missing: string[] = [];
    seed.entries.forEach((entry, i) => {
      const documents = { ...titleDocument(entry, i), ...textDocument(entry, i) };
      SEARCH_FIELDS.forEach((field, f) => {
        for (const word of tokenizeField(documents[field] ?? '', field)) {
          const term = processIndexTerm(word);
          if (!term) continue;
          const found = postingsOf.get(term);
          if (found?.c !== chunkOfTerm(meta.chunks, term)) {
            missing.push(`${term}: not in its chunk`);
            continue;
          }
          const key = `${term} ${f}`;
          let entries = entriesOf.get(key);
          if (!entries) {
            entries = new Set();
            visitShardPostings(found.p, (posting) => {
              if (posting.field === f) entries!.add(posting.entry);
            });
            entriesOf.set(key, entries);
          }
          if (!entries.has(i)) missing.push(`${term}: entry ${i} missing from ${field}`);
        }
      });
    });
    expect(missing).toEqual([]);
  });

  it('write a meta file without what can be worked out: no paths, and a date only where it is not the issue id', () => {
    const shards = buildSearchShards(seed, hashes, 6000);
    expect(shards.meta.json).not.toContain('data/');
    expect(shards.meta.json).not.toContain(`"${seed.issues[0]!.date}","${seed.issues[0]!.date}"`);
    const meta = parseSearchShardsMeta(JSON.parse(shards.meta.json));
    expect(meta.chunks.map(([, file]) => file)).toEqual(shards.chunks.map((file) => file.path));

    const redated = structuredClone(seed);
    redated.issues[1]!.date = '2024-10-25';
    const issues = parseSearchShardsMeta(JSON.parse(buildSearchShards(redated, hashes, 6000).meta.json)).issues;
    expect(issues[1]).toEqual([
      seed.issues[1]!.id,
      seed.issues[1]!.entryIds.length,
      '2024-10-25',
      hashes[seed.issues[1]!.id],
    ]);
    expect(issues[0]![2]).toBe(seed.issues[0]!.date);
  });

  it('find every term beginning with a prefix in the chunks named for it', () => {
    const shards = buildSearchShards(seed, hashes, 3000);
    const meta = parseSearchShardsMeta(JSON.parse(shards.meta.json));
    const chunks = shards.chunks.map((file) => parseSearchChunk(JSON.parse(file.json)));
    const terms = chunks.flatMap((chunk) => chunk.terms.map(([term]) => term));
    for (const prefix of ['re', 'reason', 'mo', 'tra', 'zz', '0']) {
      const named = chunksOfPrefix(meta.chunks, prefix).flatMap((c) => chunks[c]!.terms.map(([term]) => term));
      expect(
        named.filter((term) => term.startsWith(prefix)),
        prefix,
      ).toEqual(terms.filter((term) => term.startsWith(prefix)));
    }
  });

  it('reject a chunk that is not what the worker expects, and say where', () => {
    const [file] = buildSearchShards(seed, hashes, 6000).chunks;
    const chunk = JSON.parse(file!.json) as { schemaVersion: number; terms: [string, unknown[]][] };
    expect(parseSearchChunk(structuredClone(chunk))).toEqual(chunk);
    const badPosting = structuredClone(chunk);
    badPosting.terms[1]![1][2] = '7';
    expect(() => parseSearchChunk(badPosting)).toThrow(/search index chunk is malformed: terms\.1\.1\.2: /);
    const badTerm = structuredClone(chunk);
    badTerm.terms[0] = [3 as unknown as string, []];
    expect(() => parseSearchChunk(badTerm)).toThrow(/terms\.0\.0: /);
    expect(() => parseSearchChunk({ ...chunk, schemaVersion: 99 })).toThrow(/schema version 99/);
    expect(() => parseSearchChunk({ schemaVersion: chunk.schemaVersion })).toThrow(/terms: /);
  });

  it('reject a meta file that is not what the worker expects, and say where', () => {
    const file = JSON.parse(buildSearchShards(seed, hashes, 6000).meta.json) as {
      issues: unknown[][];
      chunks: unknown[][];
      averageLengths: unknown[];
    };
    const meta = parseSearchShardsMeta(structuredClone(file));
    expect(meta.issues.length).toBe(file.issues.length);
    const badHash = structuredClone(file);
    badHash.issues[1]![2] = 'not-a-hash';
    expect(() => parseSearchShardsMeta(badHash)).toThrow(/search index is malformed: issues\.1\.2: /);
    const badChunk = structuredClone(file);
    badChunk.chunks[0] = ['a'];
    expect(() => parseSearchShardsMeta(badChunk)).toThrow(/chunks\.0/);
    const badLength = structuredClone(file);
    badLength.averageLengths[0] = '3';
    expect(() => parseSearchShardsMeta(badLength)).toThrow(/averageLengths\.0: /);
    expect(() => parseSearchShardsMeta({ ...file, schemaVersion: 99 })).toThrow(/schema version 99/);
  });

  it('are empty for a bundle whose entries are not in issue order', () => {
    const shuffled = structuredClone(seed);
    shuffled.entries.reverse();
    const shards = buildSearchShards(shuffled, hashes);
    expect(shards.chunks).toEqual([]);
    expect(parseSearchShardsMeta(JSON.parse(shards.meta.json)).issues).toEqual([]);
  });

  it('are written by build:data beside the catalogue, and chunks no longer named are removed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'frontier-shards-'));
    const out = path.join(dir, 'archive.json');
    const build = (input: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--input', input, '--out', out], {
        encoding: 'utf8',
      }).status;
    const named = () => {
      const meta = parseSearchShardsMeta(JSON.parse(readFileSync(path.join(dir, 'search/index.json'), 'utf8')));
      return meta.chunks.map(([, file]) => path.basename(file)).sort();
    };
    expect(build(SEED_FILE)).toBe(0);
    const first = named();
    expect(first.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, 'search')).sort()).toEqual([...first, 'index.json'].sort());

    const small = path.join(dir, 'small.md');
    writeFileSync(small, `***Nov 2, 2024***\n\n${entry(1, 'Sparse Attention for Long Context')}`);
    writeFileSync(path.join(dir, 'search', 'notes.txt'), 'not ours\n');
    expect(build(small)).toBe(0);
    const second = named();
    expect(second).not.toEqual(first);
    for (const name of first)
      if (!second.includes(name)) expect(existsSync(path.join(dir, 'search', name))).toBe(false);
    expect(readdirSync(path.join(dir, 'search')).sort()).toEqual([...second, 'index.json', 'notes.txt'].sort());
  });
});
