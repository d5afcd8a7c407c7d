// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchWholeBundle } from '@/lib/archive-files';
import { fetchArchive, indexArchive } from '@/lib/archive-query';
import { parseBundle } from '@/shared/bundle';
import { buildArchive } from '../../scripts/lib/build-archive';
import { SEED_FILE, seedTables, seedText } from '../scripts/helpers';
import { fixtureBundle } from '../support/fixture-bundle';
import { archiveFetch } from '../support/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the whole archive, put together from its files', () => {
  it('is exactly the bundle the build made, for the fixture and for the seed', async () => {
    const { bundle: seed } = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
    for (const bundle of [fixtureBundle, seed]) {
      vi.stubGlobal('fetch', vi.fn(archiveFetch('ok', bundle)));
      expect(await fetchWholeBundle()).toEqual(parseBundle(bundle));
    }
  });

  it('gives every page the same look-ups when built in slices as when built at once', async () => {
    const { bundle: seed } = buildArchive([{ file: SEED_FILE, text: seedText }], seedTables);
    vi.stubGlobal('fetch', vi.fn(archiveFetch('ok', seed)));
    const archive = await fetchArchive();
    expect(archive.entryCount).toBe(147);
    expect(archive.issues.map((issue) => issue.entryCount)).toEqual([29, 24, 29, 37, 28]);
    expect(archive).toEqual(indexArchive(parseBundle(seed), archive.origin));
  });

  it('fails with a message a reader can act on when one issue file is missing', async () => {
    const serve = archiveFetch('ok', fixtureBundle);
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>((input, init) =>
        (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).includes(
          '/issues/2024-10-21.',
        )
          ? Promise.resolve(new Response('gone', { status: 404 }))
          : serve(input, init),
      ),
    );
    await expect(fetchWholeBundle()).rejects.toThrow('The archive could not be downloaded (HTTP 404).');
  });
});
