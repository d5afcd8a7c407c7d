// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { buildArchive } from '../../scripts/lib/build-archive';
import {
  archiveBundleSchema,
  parseBundle,
  type ArchiveBundle,
  type Entry,
  type Publication,
} from '../../src/shared/bundle';
import type { z } from '../../src/shared/zod';
import { SEED_FILE, seedText, tables } from './helpers';

/** Every value the build hands to the validator, as it was before validation. */
const validated = vi.hoisted(() => [] as unknown[]);

vi.mock('../../src/shared/bundle', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/shared/bundle')>();
  return {
    ...actual,
    parseBundle: (value: unknown) => {
      validated.push(structuredClone(value));
      return actual.parseBundle(value);
    },
  };
});

describe('the bundle contract', () => {
  it('has one definition: the types are what the validator outputs', () => {
    expectTypeOf<ArchiveBundle>().toEqualTypeOf<z.output<ReturnType<typeof archiveBundleSchema>>>();
    expectTypeOf(parseBundle).returns.toEqualTypeOf<ArchiveBundle>();
    expectTypeOf<Entry['outlet']>().toEqualTypeOf<string | null>();
    expectTypeOf<ArchiveBundle['publication']>().toEqualTypeOf<Publication>();
    expectTypeOf<Publication>().toEqualTypeOf<{ name: string }>();
  });

  it('keeps every key the build writes: nothing is dropped by validation or by JSON', () => {
    validated.length = 0;
    const { bundle } = buildArchive([{ file: SEED_FILE, text: seedText }], tables);
    expect(validated).toHaveLength(1);
    expect(bundle).toStrictEqual(validated[0]);
    const json: unknown = JSON.parse(JSON.stringify(bundle));
    expect(json).toStrictEqual(bundle);
    expect(parseBundle(json)).toStrictEqual(json);
  });

  it('carries what data/ knows about the source: the publication and each entry’s outlet', () => {
    const { bundle } = buildArchive([{ file: SEED_FILE, text: seedText }], tables);
    const publication = JSON.parse(readFileSync('data/publication.json', 'utf8')) as Publication;
    expect(bundle?.publication).toEqual({ name: publication.name });
    const entries = bundle?.entries ?? [];
    expect(entries).toHaveLength(147);
    for (const entry of entries) {
      if (entry.paper?.arxivId) expect(entry.outlet, entry.id).toBe('arXiv');
      expect(entry.outlet, entry.id).not.toBeNull();
    }
    expect(new Set(entries.map((entry) => entry.outlet)).size).toBeGreaterThan(1);
  });
});
