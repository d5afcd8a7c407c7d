/**
 * Offline with a 10,000-entry archive: after one visit, search, an entry page never opened and the home page all
 * work with the network gone. The spec makes its own production build over an archive generated in the seed's format
 * and built with the real CLI (tests/e2e/support/large-archive.ts), and serves it on its own port.
 */
import type { Page } from '@playwright/test';
import type { SchemaOneArchive } from '../../scripts/lib/archive-dump';
import { expect, test } from './support/fixtures';
import { previewServer } from './support/preview-server';
import { buildLargeSite, LARGE_ENTRIES, type LargeSite } from './support/large-archive';

/** Two after the shared preview server's (playwright.config.ts); offline.spec.ts takes the one in between. */
const PORT = Number(process.env.E2E_PORT || 4173) + 2;
const preview = previewServer(PORT);
const ORIGIN = preview.origin;

let site: LargeSite | null = null;

/** Once the service worker controls the page it has installed, and installing precached every file on its list. */
async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
}

/** An entry of the given issue whose headline is plain words, so it can be searched for as an exact phrase. */
function plainEntry(archive: SchemaOneArchive, issueIndex: number): SchemaOneArchive['entries'][number] {
  const issue = archive.issues[issueIndex];
  const entry = archive.entries.find(
    (candidate) =>
      candidate.issueId === issue?.id &&
      /^[A-Za-z]+( [A-Za-z]+){3,}$/.test(candidate.headline) &&
      archive.entries.filter((other) => other.headline === candidate.headline).length === 1,
  );
  if (!entry) throw new Error(`offline-large.spec.ts: error: issue ${issue?.id} has no entry with a plain headline`);
  return entry;
}

test.use({ baseURL: ORIGIN });
test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async () => {
  // Generating, building and bundling 10,000 entries takes minutes on a busy two-core machine.
  test.setTimeout(600_000);
  site = await buildLargeSite();
  await preview.start(site.dist);
});

test.afterAll(async () => {
  await preview.stop();
  await site?.remove();
});

test(`a ${LARGE_ENTRIES.toLocaleString('en-US')}-entry archive works offline after one visit: search, an entry never opened, the home page`, async ({
  page,
  context,
}, testInfo) => {
  const { archive, buildWarnings } = site!;
  // What the service worker plugin said about the build, for whoever reads a failure.
  if (buildWarnings) await testInfo.attach('vite build warnings', { body: buildWarnings, contentType: 'text/plain' });
  expect(archive.entries).toHaveLength(LARGE_ENTRIES);
  const latest = archive.issues[0]!;
  const latestHeadline = archive.entries.find((entry) => entry.id === latest.entryIds[0])!.headline;
  // Both from issues the visit below never shows: one to search for, one to open.
  const searched = plainEntry(archive, Math.floor(archive.issues.length / 2));
  const neverOpened = plainEntry(archive, archive.issues.length - 1);

  await page.goto('/');
  await expect(page.getByRole('link', { name: latestHeadline }).first()).toBeVisible();
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);

  await page.goto(`/search?q=${encodeURIComponent(`"${searched.headline}"`)}`);
  await expect(
    page.getByRole('main').getByRole('article').getByRole('link', { name: searched.headline, exact: true }),
  ).toBeVisible({ timeout: 60_000 });

  await page.goto(`/entries/${neverOpened.id}`);
  await expect(page.getByRole('heading', { level: 1, name: neverOpened.headline })).toBeVisible({ timeout: 60_000 });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Issue of /);
  await expect(page.getByRole('link', { name: latestHeadline }).first()).toBeVisible();
});
