import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { minifySync, type Plugin } from 'vite';

/** `'sha256-…'`, the CSP source that lets exactly this inline script run. */
function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * Inlines the blocking classic scripts that index.html loads from public/ (theme-init.js, search-start.js), minified,
 * and adds the page's Content Security Policy with each script's hash, so it may run them and no other inline script.
 * As files each was one more request (and a revalidation on every visit) that held the page's parsing and the search
 * worker's start back. Build only: dev serves them from public/, without a policy (it needs inline HMR preambles).
 * The copies Vite makes in the build are removed, so the service worker does not precache them.
 */
export function inlineStartScripts(files: readonly string[], policy: (scriptSources: string[]) => string): Plugin {
  let publicDir = 'public';
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'frontier-reader:inline-start-scripts',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
      outDir = path.resolve(config.root, config.build.outDir);
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const hashes: string[] = [];
        for (const file of files) {
          const tag = `<script src="${base}${file}"></script>`;
          const at = html.indexOf(tag);
          if (at === -1 || html.indexOf(tag, at + 1) !== -1) {
            throw new Error(`index.html: error: expected ${tag} once`);
          }
          const result = minifySync(file, await readFile(path.join(publicDir, file), 'utf8'));
          if (result.errors.length > 0) {
            throw new Error(`public/${file}: error: ${result.errors.map((error) => error.message).join('; ')}`);
          }
          const code = result.code.trim();
          if (/<\/script|<!--/i.test(code))
            throw new Error(`public/${file}: error: cannot be inlined: it contains </script or <!--`);
          hashes.push(scriptHash(code));
          html = html.slice(0, at) + `<script>${code}</script>` + html.slice(at + tag.length);
        }
        return {
          html,
          tags: [
            {
              tag: 'meta',
              attrs: { 'http-equiv': 'Content-Security-Policy', content: policy(hashes) },
              injectTo: 'head-prepend',
            },
          ],
        };
      },
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        await Promise.all(files.map((file) => rm(path.join(outDir, file), { force: true })));
      },
    },
  };
}
