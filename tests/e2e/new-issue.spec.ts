/**
 * "New since your last visit" across two real archive builds on one origin: a reader visits the seed's archive, the
 * archive is rebuilt with the real CLI from the seed plus a document holding a newer issue, and the next visit's home
 * page names that issue. The server is swapped under the same port, so the reader's localStorage carries over.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../../scripts/bench/browser/archive';
import { SEED_DOCUMENT } from '../../scripts/bench/synthetic-source';
import { checkA11y, expect, setColorScheme, test } from './support/fixtures';
import { loadArchive } from './support/archive';
import { previewServer } from './support/preview-server';
import { startNewVisit } from './support/visits';

const PORT = Number(process.env.E2E_PORT || 4173) + 4;
const DIST = process.env.E2E_DIST ?? 'dist';
const archive = loadArchive();
const seedLatest = archive.issues[0]!;

/** A newer issue than the seed's newest, in the newsletter's own format: two entries. */
const NEW_ISSUE = `
***Nov 9, 2024***

1. ***Sparse Experts Route Tokens by Difficulty:  <br>A routing study shows mixture-of-experts models gain accuracy when hard tokens get more experts.*** <br> <br>
    Nov 7, Google DeepMind published a [paper](https://arxiv.org/pdf/2411.04001) “Routing by Difficulty in Sparse Mixture-of-Experts”. The authors route each token to a number of experts set by its predicted difficulty. <br> <br>

3. ***Open Weights for a Small Reasoning Model:  <br>A seven-billion-parameter model trained on synthetic proofs matches larger models on math benchmarks.*** <br> <br>
    Nov 8, Mistral AI published a [paper](https://arxiv.org/pdf/2411.05002) “Small Reasoners from Synthetic Proofs”. The release includes weights and the training data recipe. <br> <br>
`;

// Two builds of the data and two server starts on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });
// The service worker would keep answering from the first build's precache.
test.use({ serviceWorkers: 'block' });

let work = '';
const server = previewServer(PORT);

test.beforeAll(async () => {
  work = await mkdtemp('/tmp/frontier-new-issue-');
  await cp(DIST, path.join(work, 'before'), { recursive: true });
  await cp(DIST, path.join(work, 'after'), { recursive: true });
  const document = path.join(work, 'newer-issue.txt');
  await writeFile(document, NEW_ISSUE, 'utf8');
  const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
  const build = (out: string, ...inputs: string[]) =>
    run(
      process.execPath,
      [tsx, 'scripts/build-data.ts', ...inputs.flatMap((input) => ['--input', input]), '--out', out],
      'build:data',
    );
  await build(path.join(work, 'before', 'data', 'archive.json'), SEED_DOCUMENT);
  await build(path.join(work, 'after', 'data', 'archive.json'), SEED_DOCUMENT, document);
});

test.afterAll(async () => {
  await server.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

test('after a rebuild that adds an issue, the next visit says what is new', async ({ context }) => {
  await server.start(path.join(work, 'before'));
  const first = await context.newPage();
  await setColorScheme(first, 'light');
  await first.goto(`${server.origin}/`);
  await expect(first.getByRole('heading', { level: 1 })).toHaveText(/^Issue of November 2, 2024$/);
  await expect(first.getByRole('link', { name: /unread in the latest issue$/ })).toBeVisible();
  await expect(first.getByRole('heading', { name: 'New since your last visit' })).toHaveCount(0);
  await first.close();

  await server.stop();
  await server.start(path.join(work, 'after'));
  const next = await context.newPage();
  // Two hours later, so this is a new visit (set once per tab, so a reload stays within it).
  await startNewVisit(next);
  await setColorScheme(next, 'dark');
  await next.goto(`${server.origin}/`);
  await expect(next.getByRole('heading', { level: 1 })).toHaveText('Issue of November 9, 2024');
  const panel = next.getByRole('region', { name: 'New since your last visit' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Issue of November 9, 2024' })).toBeVisible();
  await expect(panel).toContainText('2 entries, 2 unread');
  // The seed's newest issue was seen at the previous visit: it is not new.
  await expect(panel.getByRole('link', { name: /November 2, 2024/ })).toHaveCount(0);
  expect(seedLatest.date).toBe('2024-11-02');
  await checkA11y(next);

  await panel.getByRole('link', { name: 'Issue of November 9, 2024' }).click();
  await expect(next.getByRole('heading', { level: 1 })).toHaveText('Issue of November 9, 2024');
  await expect(next.getByRole('article')).toHaveCount(2);
});
