import type { Plugin, Rolldown } from 'vite';
import { htmlTags } from './html-tags';

/** Every JavaScript file that `files` import, themselves included, as the bundle names them. */
export function withImports(bundle: Rolldown.OutputBundle, files: readonly string[]): Set<string> {
  const found = new Set<string>();
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (found.has(file) || chunk?.type !== 'chunk') return;
    found.add(file);
    chunk.imports.forEach(visit);
  };
  files.forEach(visit);
  return found;
}

/**
 * Preloads from index.html the files that src/main.tsx imports on its own (React, the libraries, the app), so they
 * download alongside the entry instead of after it has run, and ahead of the search worker's many small requests on
 * the same connections.
 */
export function preloadStartChunks(): Plugin {
  return htmlTags('frontier-reader:preload-start-chunks', ({ chunk: entry, bundle }, base) => {
    if (!entry || !bundle) return [];
    const preloaded = withImports(bundle, entry.imports);
    return [...withImports(bundle, entry.dynamicImports)]
      .filter((file) => !preloaded.has(file))
      .map((file) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: '', href: `${base}${file}` },
        injectTo: 'head',
      }));
  });
}

/**
 * A code-splitting group's test that captures the app's own code: the modules src/app/app.tsx imports statically, as
 * the build found them. src/main.tsx imports the app lazily, so the bundler's `$initial` tag no longer marks them.
 */
export function appModules(appModule: RegExp): { plugin: Plugin; test: (id: string) => boolean } {
  const found = new Set<string>();
  return {
    test: (id) => found.has(id),
    plugin: {
      name: 'frontier-reader:app-modules',
      apply: 'build',
      buildEnd() {
        found.clear();
        const app = [...this.getModuleIds()].find((id) => appModule.test(id));
        if (!app) throw new Error(`app-modules: error: no module in the build matches ${String(appModule)}`);
        const visit = (id: string) => {
          if (found.has(id)) return;
          found.add(id);
          this.getModuleInfo(id)?.importedIds.forEach(visit);
        };
        visit(app);
      },
    },
  };
}
