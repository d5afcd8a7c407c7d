// @vitest-environment node
/**
 * What the PWA configuration produces, checked on a real production build (vite.config.ts, into a temporary folder):
 * the generated service worker must precache the archive's files, the app shell and every route's chunk, or the app
 * breaks offline on the first page whose code was not cached.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_PATH, ISSUE_FILE_FOLDER } from '@/shared/archive-layout';
import { BUNDLE_PATH } from '@/shared/bundle';

const ISSUE_FILE = `${ISSUE_FILE_FOLDER}/2024-10-27.0123456789.json`;

const root = path.resolve(import.meta.dirname, '../..');
const ROUTES_DIR = 'src/app/routes';

/** One chunk of Vite's build manifest. */
interface ManifestChunk {
  file: string;
  src?: string;
}

let work = '';
let outDir = '';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The URLs in the service worker's precache manifest, as workbox-build writes them: `{url:"…",revision:…}`. */
function precachedUrls(): string[] {
  const sw = readFileSync(path.join(outDir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]!);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'frontier-reader-pwa-'));
  outDir = path.join(work, 'dist');
  // The real public/ files with stand-in archive files, so no `npm run build:data` is needed. The issue file is 3 MiB,
  // over Workbox's 2 MiB default, because a grown issue silently dropped from the precache would break it offline.
  const publicDir = path.join(work, 'public');
  const realPublic = path.join(root, 'public');
  cpSync(realPublic, publicDir, { recursive: true, filter: (source) => path.relative(realPublic, source) !== 'data' });
  mkdirSync(path.join(publicDir, ISSUE_FILE_FOLDER), { recursive: true });
  const large = JSON.stringify({ padding: 'x'.repeat(3 * 1024 * 1024) });
  writeFileSync(path.join(publicDir, BUNDLE_PATH), large);
  writeFileSync(path.join(publicDir, CATALOGUE_PATH), '{}');
  writeFileSync(path.join(publicDir, ISSUE_FILE), large);
  // vite-plugin-pwa picks Workbox's mode from NODE_ENV, which Vitest sets to "test"; build as `npm run build` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      publicDir,
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the generated service worker', () => {
  it("precaches the archive's catalogue and issue files, even a large one, and the app shell, but not the whole bundle", () => {
    const urls = precachedUrls();
    expect(urls).toContain(CATALOGUE_PATH);
    expect(urls).toContain(ISSUE_FILE);
    expect(urls).not.toContain(BUNDLE_PATH);
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
  });

  it("precaches every route's chunk", () => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const routeModules = readdirSync(path.join(root, ROUTES_DIR)).filter((name) => name.endsWith('.tsx'));
    expect(routeModules.length).toBeGreaterThanOrEqual(6);
    const urls = precachedUrls();
    for (const name of routeModules) {
      const chunk = manifest[`${ROUTES_DIR}/${name}`];
      expect(chunk, `${ROUTES_DIR}/${name} is a chunk of the build`).toBeDefined();
      expect(urls, `${ROUTES_DIR}/${name}'s chunk is precached`).toContain(chunk!.file);
      // Everything the route imports must be there too, or its page still fails offline.
      for (const imported of (chunk as ManifestChunk & { imports?: string[] }).imports ?? []) {
        expect(urls, `${imported} (imported by ${name}) is precached`).toContain(manifest[imported]!.file);
      }
    }
  });

  it('serves index.html for app routes and leaves data files to the network or the precache', () => {
    const sw = readFileSync(path.join(outDir, 'sw.js'), 'utf8');
    expect(sw).toContain('createHandlerBoundToURL("index.html")');
    expect(sw).toContain('denylist:[/^\\/data\\//]');
  });
});

describe('the generated web app manifest', () => {
  it('names the app and lists installable icons that exist in the build with the stated sizes', () => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      display: string;
      theme_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
    };
    expect(manifest.name).toBe('Frontier Reader');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    const urls = precachedUrls();
    for (const icon of manifest.icons) {
      const file = path.join(outDir, icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      expect(urls, `${icon.src} is precached`).toContain(icon.src);
      if (icon.type === 'image/png') {
        const [width, height] = icon.sizes.split('x').map(Number);
        expect(pngSize(file)).toEqual({ width, height });
      }
    }
  });
});
