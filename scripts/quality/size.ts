/**
 * `npm run size [-- --dist DIR --ceiling js=KB]`: gzip bytes of the production build against the budgets, measured with size-limit.
 *
 * The first route's JavaScript is what index.html loads before anything is lazy: its scripts (the entry module, and the
 * small classic ones from public/ that the build inlines) and every modulepreload link. The archive's size is
 * reported, not budgeted: it grows with the newsletter.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import filePlugin from '@size-limit/file';
import sizeLimit from 'size-limit';

const root = path.resolve(import.meta.dirname, '../..');
const SCRIPT = 'scripts/quality/size.ts';

/** Budgets in bytes after gzip (kB = 1000 bytes, as Vite prints them). */
const BUDGETS = { js: 120_000, css: 15_000 } as const;

function fail(message: string): never {
  console.error(`${SCRIPT}: error: ${message}`);
  process.exit(2);
}

/** The inline scripts of `index.html`, each with its gzip size (zlib's best, as size-limit measures files). */
function inlineScripts(html: string): number[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, code]) => gzipSync(code ?? '', { level: 9 }).length,
  );
}

/** The same-origin files `index.html` makes the browser fetch for the first route, by kind. */
function firstRouteAssets(html: string): { js: string[]; css: string[] } {
  const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    if (tag.startsWith('<script')) {
      const src = attribute(tag, 'src');
      if (src) js.add(src);
    } else if (tag.startsWith('<link')) {
      const rel = attribute(tag, 'rel');
      const href = attribute(tag, 'href');
      if (href && rel === 'modulepreload') js.add(href);
      if (href && rel === 'stylesheet') css.add(href);
    }
  }
  return { js: [...js], css: [...css] };
}

async function gzipSizes(files: string[]): Promise<number[]> {
  // size-limit declares its result as `object`; it is one `{ size }` per check, in order.
  const results = (await sizeLimit([filePlugin], {
    checks: files.map((file) => ({ files: [file], gzip: true })),
  })) as Array<{
    size?: number;
  }>;
  return results.map((result) => result.size ?? fail('size-limit returned no size'));
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: 'dist' }, ceiling: { type: 'string', multiple: true, default: [] } },
  });
  // `--ceiling js=140` fails only above 140 kB and warns between the budget and it, while a budget is being worked down to.
  const ceilings: Record<keyof typeof BUDGETS, number> = { ...BUDGETS };
  for (const option of values.ceiling) {
    const [kind, value] = option.split('=');
    const limit = Number(value) * 1000;
    if ((kind !== 'js' && kind !== 'css') || !Number.isFinite(limit)) {
      fail(`--ceiling takes js=KB or css=KB, got "${option}"`);
    }
    ceilings[kind] = Math.max(limit, BUDGETS[kind]);
  }
  const dist = path.resolve(root, values.dist);
  const indexHtml = path.join(dist, 'index.html');
  if (!existsSync(indexHtml)) fail(`${indexHtml} not found; run \`npm run build\` first (or pass --dist DIR)`);
  const html = readFileSync(indexHtml, 'utf8');
  const assets = firstRouteAssets(html);
  const inline = inlineScripts(html);
  if (assets.js.length === 0) fail(`${indexHtml}: no script found`);
  const local = (href: string) => {
    if (!href.startsWith('/')) fail(`${indexHtml}: ${href} is not a same-origin absolute path`);
    return path.join(dist, href);
  };
  const dataDir = path.join(dist, 'data');
  const archives = existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];

  const files = [
    ...assets.js.map(local),
    ...assets.css.map(local),
    ...archives.map((name) => path.join(dataDir, name)),
  ];
  const sizes = await gzipSizes(files);
  const sizeOf = new Map(files.map((file, i) => [file, sizes[i]!]));
  const total = (hrefs: string[]) => hrefs.reduce((sum, href) => sum + sizeOf.get(local(href))!, 0);
  const jsTotal = total(assets.js) + inline.reduce((sum, bytes) => sum + bytes, 0);
  const cssTotal = total(assets.css);
  const verdict = (bytes: number, budget: number) => (bytes <= budget ? 'ok' : `**over by ${kB(bytes - budget)}**`);

  const rows = [
    '| what | gzip | budget | |',
    '| --- | ---: | ---: | --- |',
    `| JavaScript on the first route (${assets.js.length} file${assets.js.length === 1 ? '' : 's'}, ${inline.length} inline) | ${kB(jsTotal)} | ${kB(BUDGETS.js)} | ${verdict(jsTotal, BUDGETS.js)} |`,
    ...assets.js
      .map((href) => [href, sizeOf.get(local(href))!] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([href, bytes]) => `| &nbsp;&nbsp;\`${path.basename(href)}\` | ${kB(bytes)} | | |`),
    ...inline.map((bytes, n) => `| &nbsp;&nbsp;inline script ${n + 1} in \`index.html\` | ${kB(bytes)} | | |`),
    `| CSS (${assets.css.length} file${assets.css.length === 1 ? '' : 's'}) | ${kB(cssTotal)} | ${kB(BUDGETS.css)} | ${verdict(cssTotal, BUDGETS.css)} |`,
    ...archives.map(
      (name) => `| archive \`data/${name}\` | ${kB(sizeOf.get(path.join(dataDir, name))!)} | reported only | |`,
    ),
  ];
  console.log(rows.join('\n'));

  const measured = { js: jsTotal, css: cssTotal };
  const names = { js: 'JavaScript on the first route', css: 'CSS' };
  for (const kind of ['js', 'css'] as const) {
    if (measured[kind] > BUDGETS[kind] && measured[kind] <= ceilings[kind]) {
      console.error(
        `${SCRIPT}: warning: ${names[kind]} is ${kB(measured[kind])} gzip, over the ${kB(BUDGETS[kind])} budget, under the ceiling ${kB(ceilings[kind])}`,
      );
    }
  }
  const over = (['js', 'css'] as const)
    .filter((kind) => measured[kind] > ceilings[kind])
    .map((kind) => `${names[kind]} is ${kB(measured[kind])} gzip, over the ${kB(ceilings[kind])} limit`);
  if (over.length > 0) {
    for (const line of over) console.error(`${SCRIPT}: error: ${line}`);
    process.exit(1);
  }
}

await main();
