// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PRECACHE_BYTES, PWA_OPTIONS } from '../../scripts/vite/pwa-plugin';

const root = path.resolve(import.meta.dirname, '../..');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('service worker options', () => {
  it('asks before updating and leaves registration to the app (no inline script under the CSP)', () => {
    expect(PWA_OPTIONS.registerType).toBe('prompt');
    expect(PWA_OPTIONS.injectRegister).toBe(false);
    expect(PWA_OPTIONS.workbox.skipWaiting).toBe(false);
  });

  it('precaches JSON, so the archive bundle is available offline, and allows a bundle of its size', () => {
    expect(PWA_OPTIONS.workbox.globPatterns.some((pattern) => /\bjson\b/.test(pattern))).toBe(true);
    // Workbox's 2 MiB default would silently drop a grown archive from the precache.
    expect(PWA_OPTIONS.workbox.maximumFileSizeToCacheInBytes).toBe(MAX_PRECACHE_BYTES);
    expect(MAX_PRECACHE_BYTES).toBeGreaterThanOrEqual(8 * 1024 * 1024);
  });

  it('serves index.html for app routes but never for data files', () => {
    expect(PWA_OPTIONS.workbox.navigateFallback).toBe('index.html');
    const denied = (pathname: string) => PWA_OPTIONS.workbox.navigateFallbackDenylist.some((pattern) => pattern.test(pathname));
    expect(denied('/data/archive.json')).toBe(true);
    for (const route of ['/', '/issues/2024-11-02', '/entries/2024-11-02-x', '/search', '/bookmarks']) expect(denied(route)).toBe(false);
  });
});

describe('web app manifest', () => {
  it('names the app, sets a theme colour and lists installable icons that exist with the stated sizes', () => {
    const { manifest } = PWA_OPTIONS;
    expect(manifest.name).toBe('Frontier Reader');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.display).toBe('standalone');
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const file = path.join(root, 'public', icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.type === 'image/png') {
        const [width, height] = icon.sizes.split('x').map(Number);
        expect(pngSize(file)).toEqual({ width, height });
      }
    }
  });
});
