import type { Page } from '@playwright/test';
import { loadArchive } from './support/archive';
import {
  checkA11y,
  expect,
  expectNoHorizontalScroll,
  saveScreenshot,
  setColorScheme,
  test,
  VIEWPORTS,
} from './support/fixtures';

// axe over four charts of marks takes a while on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const archive = loadArchive();

/** The busiest topic of the latest issue and its entry count, counted here from the built bundle. */
function busiestTopicOfLatestIssue(): { topic: string; issueId: string; date: string; count: number } {
  const issue = archive.issues[0]!;
  const counts = new Map<string, number>();
  for (const entry of archive.entries.filter((e) => e.issueId === issue.id))
    for (const topic of new Set(entry.topics)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const [topic, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))[0]!;
  return { topic, issueId: issue.id, date: issue.date, count };
}

function shortDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The number in the search page's result count ("12 results"). */
async function resultCount(page: Page): Promise<number> {
  const status = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /\d+ (result|paper)s?/ });
  await expect(status).toBeVisible();
  return Number((await status.textContent())!.match(/([\d,]+) (?:result|paper)/)![1]!.replace(/,/g, ''));
}

test('a click on a topic bar lands on the search filtered by that topic and issue', async ({ page }) => {
  const { topic, issueId, date, count } = busiestTopicOfLatestIssue();
  await page.goto('/explore');
  await expect(page.getByRole('heading', { level: 1, name: 'Explore' })).toBeVisible();
  const bar = page.getByRole('link', {
    name: `${topic}, ${shortDate(date)}: ${count} ${count === 1 ? 'entry' : 'entries'}`,
  });
  await bar.hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    `${topic}, ${shortDate(date)}: ${count} ${count === 1 ? 'entry' : 'entries'}`,
  );
  await bar.click();
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === '/search' &&
      url.searchParams.getAll('topic').join() === topic &&
      url.searchParams.getAll('issue').join() === issueId,
  );
  await expect.poll(() => resultCount(page)).toBe(count);
});

test('Enter on a focused organisation point opens the search for it', async ({ page }) => {
  await page.goto('/explore');
  const organisations = page.getByRole('list', { name: 'Organisations by number of entries' });
  const point = organisations.getByRole('link', { name: /, [A-Z][a-z]{2} \d+, \d{4}: \d+ entr/ }).first();
  await point.focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await saveScreenshot(page, 'explore-focused-point');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?issue=[^&]+&org=/);
  await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    test(`/explore has no WCAG 2.1 AA violations, ${scheme}, ${viewportName}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await setColorScheme(page, scheme);
      await page.goto('/explore');
      await expect(page.getByRole('heading', { level: 1, name: 'Explore' })).toBeVisible();
      await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
      await expectNoHorizontalScroll(page);
      await saveScreenshot(page, `explore-${scheme}-${viewportName}`);
      await checkA11y(page);
      await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Show as table' }).click();
      await expect(page.getByRole('region', { name: 'Sources' }).getByRole('table')).toBeVisible();
      await checkA11y(page);
    });
  }
}
