/**
 * A production build of the app over a 10,000-entry archive, for tests/e2e/offline-large.spec.ts: source documents
 * from the synthetic generator, built with the real CLI, then `vite build` with a copy of public/ whose data folder is
 * that archive, so the service worker's precache list is made from the large archive as a deployment's would be.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaOneArchive } from '../../../scripts/lib/archive-dump';
import { buildArchive, DATA_FOLDER, dumpArchive, run, writeSources } from '../../../scripts/bench/browser/archive';

/** Entries in the large archive. */
export const LARGE_ENTRIES = 10_000;

/** A built site over the large archive. */
export interface LargeSite {
  /** The production build, for `vite preview --outDir`. */
  dist: string;
  /** The archive in the fields of schema 1, as `archive:dump` prints it. */
  archive: SchemaOneArchive;
  /** What `vite build` printed to stderr: the service worker plugin's warnings (files left out of the precache). */
  buildWarnings: string;
  /** Deletes everything this build wrote. */
  remove: () => Promise<void>;
}

/** Builds the large archive and the app over it in a new folder under /tmp. */
export async function buildLargeSite(): Promise<LargeSite> {
  const work = await mkdtemp('/tmp/bench-e2e-large-');
  try {
    const [source] = await writeSources([LARGE_ENTRIES], work);
    if (!source) throw new Error('large-archive.ts: error: no source documents were written');
    const { dataFolder } = await buildArchive(source, path.join(work, 'archive'));
    const publicDir = path.join(work, 'public');
    await cp('public', publicDir, {
      recursive: true,
      filter: (file) => path.relative('public', file) !== DATA_FOLDER,
    });
    await cp(dataFolder, path.join(publicDir, DATA_FOLDER), { recursive: true });
    const dist = path.join(work, 'dist');
    // Vite's command line has no --publicDir; its API merges this with vite.config.ts.
    const script = `import { build } from 'vite';
await build({ publicDir: ${JSON.stringify(publicDir)}, logLevel: 'warn', build: { outDir: ${JSON.stringify(dist)}, emptyOutDir: true } });`;
    const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script], 'vite build');
    const archive = await dumpArchive(dataFolder);
    return {
      dist,
      archive,
      buildWarnings: stderr.trim(),
      remove: () => rm(work, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
