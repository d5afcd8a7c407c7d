import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minifySync, type Plugin } from 'vite';

/**
 * Minifies the classic scripts that index.html loads from public/ (theme-init.js, search-start.js), which Vite copies
 * as they are: their comments are for the developers, not bytes every first page downloads. Runs before the service
 * worker is generated, so it precaches the files as served.
 */
export function minifyPublicScripts(files: readonly string[]): Plugin {
  let outDir = 'dist';
  return {
    name: 'frontier-reader:minify-public-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        for (const file of files) {
          const target = path.join(outDir, file);
          const result = minifySync(file, await readFile(target, 'utf8'));
          if (result.errors.length > 0) {
            throw new Error(`public/${file}: error: ${result.errors.map((error) => error.message).join('; ')}`);
          }
          await writeFile(target, result.code);
        }
      },
    },
  };
}
