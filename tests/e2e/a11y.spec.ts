import { checkA11y, expect, setColorScheme, test, VIEWPORTS } from './support/fixtures';
import { issueEntries, loadArchive } from './support/archive';
import { readingRoutes } from './support/routes';

const archive = loadArchive();
const latestEntryCount = issueEntries(archive, archive.issues[0]!.id).length;

// axe over a 30-entry issue page takes a while on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

for (const scheme of ['light', 'dark'] as const) {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    test.describe(`axe, ${scheme}, ${viewportName}`, () => {
      test.use({ viewport });
      for (const route of readingRoutes()) {
        test(`${route.name} has no WCAG 2.1 AA violations`, async ({ page }) => {
          await setColorScheme(page, scheme);
          await page.goto(route.path);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
          // The issue page adds its later entries after the first render: judge the whole list.
          if (route.name === 'issue') {
            const entries = page.getByRole('list', { name: /^Entries of the issue/ }).getByRole('article');
            await expect(entries).toHaveCount(latestEntryCount);
          }
          await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
          await checkA11y(page);
        });
      }
    });
  }
}

test('the issue page has no violations while an entry has keyboard focus', async ({ page }) => {
  const issue = readingRoutes().find((route) => route.name === 'issue')!;
  await page.goto(issue.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(issue.heading);
  const entries = page.getByRole('list', { name: /^Entries of the issue/ }).getByRole('article');
  await expect(entries).toHaveCount(latestEntryCount);
  await page.keyboard.press('j');
  await checkA11y(page);
});

test.describe('the archive error state', () => {
  // The service worker's precache downloads bypass the route: once it claims the page, the retry would succeed.
  test.use({ serviceWorkers: 'block' });

  test('has no violations', async ({ page }) => {
    await page.route('**/data/*.json', (route) => route.fulfill({ status: 500, body: 'down' }));
    await page.goto('/');
    await expect(page.getByRole('alert')).toBeVisible();
    await checkA11y(page);
  });
});

test('the app replaces the static shell of index.html: one skip link, banner, main landmark and main navigation', async ({
  page,
}) => {
  const issue = readingRoutes().find((route) => route.name === 'issue')!;
  await page.goto(issue.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(issue.heading);
  await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
});
