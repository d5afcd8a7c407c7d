import { vi } from 'vitest';
import { layoutArchive } from '../../scripts/lib/archive-layout';
import { buildSearchShards } from '../../scripts/lib/search-shards';
import type { ArchiveBundle } from '@/shared/bundle';

/** Every file the build writes for `bundle`, by path, and a fetch that serves them and logs what was asked. */
export function servedArchive(bundle: ArchiveBundle, withShards = true) {
  const layout = layoutArchive(bundle);
  const shards = buildSearchShards(bundle, layout.hashOfIssue);
  const files = new Map(
    [
      layout.catalogue,
      ...layout.issueFiles,
      ...layout.fragmentFolders.flatMap((folder) => folder.fragments),
      ...(withShards ? [shards.meta, ...shards.chunks] : []),
    ].map((file) => [file.path, file.json]),
  );
  const requested: string[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = [...files.keys()].find((candidate) => url.endsWith(candidate));
    requested.push(path ?? url);
    if (path === undefined) return Promise.resolve(new Response('Not found', { status: 404 }));
    return Promise.resolve(new Response(files.get(path), { headers: { 'Content-Type': 'application/json' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requested,
    issueFiles: layout.issueFiles.map((file) => file.path),
    entryFiles: layout.fragmentFolders.flatMap((folder) => folder.fragments.map((file) => file.path)),
  };
}
