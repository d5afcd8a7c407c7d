/**
 * Writes the app icons: public/favicon.svg and the PNGs of the web app manifest, rendered by the system Chromium.
 * Run with `npx tsx scripts/generate-icons.ts` after changing the artwork; the outputs are committed.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium';

/** Indigo of the app's accent colour; also the manifest's theme colour. */
const BACKGROUND = '#4338ca';
const RIBBON = '#fbbf24';

/** The mark on a 512 grid, centred: an "F" with a bookmark ribbon. */
const MARK = `<g transform="translate(-14 12)">
  <path fill="#ffffff" d="M150 120h140v60h-76v48h86v56h-86v108h-64z"/>
  <path fill="${RIBBON}" d="M318 96h72v154l-36-28-36 28z"/></g>`;

function svg({ maskable }: { maskable: boolean }): string {
  // Maskable icons are cropped to a circle by some launchers: full-bleed background, mark inside the 80% safe zone.
  const background = maskable
    ? `<rect width="512" height="512" fill="${BACKGROUND}"/>`
    : `<rect width="512" height="512" rx="112" fill="${BACKGROUND}"/>`;
  const mark = maskable ? `<g transform="translate(256 256) scale(0.78) translate(-256 -256)">${MARK}</g>` : MARK;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${mark}\n</svg>\n`;
}

const root = path.resolve(import.meta.dirname, '..');
const iconDir = path.join(root, 'public', 'icons');
mkdirSync(iconDir, { recursive: true });
writeFileSync(path.join(root, 'public', 'favicon.svg'), svg({ maskable: false }));

const outputs = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_FLAGS,
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, maskable } of outputs) {
    await page.setViewportSize({ width: size, height: size });
    const source = `data:image/svg+xml;base64,${Buffer.from(svg({ maskable })).toString('base64')}`;
    await page.setContent(
      `<!doctype html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}" style="display:block"></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({
      path: path.join(iconDir, file),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`wrote public/icons/${file}`);
  }
} finally {
  await browser.close();
}
