/**
 * The Pagefind side of the browser benchmark: the same entries indexed with Pagefind's Node API, and a minimal page
 * that searches them the way Pagefind UI does (the query from `?q=` on load, then on every keystroke; the first ten
 * results' data loaded one by one and each title shown as it arrives).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import type { SchemaOneArchive } from '../../lib/archive-dump';

/** Records handed to Pagefind at once; its service works through them in parallel (as in data-bench.ts). */
const PAGEFIND_BATCH = 500;

/** Results whose data is loaded and shown, as Pagefind UI shows a first page of them. */
export const PAGEFIND_RESULTS_SHOWN = 10;

/** The page's search box and result list, for the measurements. */
export const PAGEFIND_INPUT = '#search';
export const PAGEFIND_RESULT = '#results a';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Pagefind</title>
  </head>
  <body>
    <main>
      <label for="search">Search</label>
      <input id="search" type="search" autocomplete="off" />
      <p id="count" role="status"></p>
      <ol id="results"></ol>
    </main>
    <script type="module">
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const input = document.getElementById('search');
      const list = document.getElementById('results');
      const count = document.getElementById('count');
      let latest = 0;
      async function show(query) {
        const sequence = ++latest;
        const search = await pagefind.search(query);
        if (sequence !== latest) return;
        const results = search?.results ?? [];
        count.textContent = query ? results.length + ' results' : '';
        list.replaceChildren();
        for (const result of results.slice(0, ${PAGEFIND_RESULTS_SHOWN})) {
          const item = document.createElement('li');
          list.append(item);
          result.data().then((data) => {
            if (sequence !== latest) return;
            const link = document.createElement('a');
            link.href = data.url;
            link.textContent = data.meta.title;
            item.append(link);
          });
        }
      }
      input.addEventListener('input', () => void show(input.value));
      const query = new URLSearchParams(location.search).get('q') ?? '';
      input.value = query;
      if (query) void show(query);
    </script>
  </body>
</html>
`;

/** The text Pagefind indexes for an entry: headline, summary and body, as the app's search reads them. */
function entryText(entry: SchemaOneArchive['entries'][number]): string {
  const body = entry.body.map((paragraph) => paragraph.map((node) => node.text).join('')).join('\n\n');
  return `${entry.headline}\n${entry.summary}\n${body}`;
}

/**
 * Indexes every entry (one custom record each) and writes the site into `folder`: `index.html` and `pagefind/`.
 * Resolves with the indexing time in seconds (createIndex through writeFiles).
 */
export async function buildPagefindSite(archive: SchemaOneArchive, folder: string): Promise<number> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: error: ${errors.join('; ')}`);
  for (let start = 0; start < archive.entries.length; start += PAGEFIND_BATCH) {
    const results = await Promise.all(
      archive.entries.slice(start, start + PAGEFIND_BATCH).map((entry) =>
        index.addCustomRecord({
          url: `/entries/${entry.id}`,
          content: entryText(entry),
          language: 'en',
          meta: { title: entry.headline },
        }),
      ),
    );
    const failed = results.find((result) => result.errors.length > 0);
    if (failed) throw new Error(`pagefind: error: ${failed.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: path.join(folder, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`pagefind: error: ${written.errors.join('; ')}`);
  const seconds = (performance.now() - started) / 1000;
  await pagefind.close();
  await writeFile(path.join(folder, 'index.html'), PAGE, 'utf8');
  return seconds;
}
