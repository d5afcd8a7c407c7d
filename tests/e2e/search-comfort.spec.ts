import type { Page } from '@playwright/test';
import { checkA11y, expect, saveScreenshot, setColorScheme, test, VIEWPORTS } from './support/fixtures';

const results = (page: Page) => page.getByRole('main').getByRole('article');

/** The count in the status line ("147 results"); answers arrive from the worker, so poll it. */
async function resultCount(page: Page): Promise<number> {
  const status = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /\d+ results?/ });
  return Number((await status.textContent())!.match(/([\d,]+) result/)![1]!.replace(/,/g, ''));
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`"Show more" survives Back: the same results, at the same place (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/search');
    await expect.poll(() => resultCount(page)).toBeGreaterThan(60);
    await expect(results(page)).toHaveCount(20);
    const showMore = page.getByRole('button', { name: /Show more results/ });
    await showMore.click();
    await expect(results(page)).toHaveCount(40);
    await showMore.click();
    await expect(results(page)).toHaveCount(60);
    await expect(page).toHaveURL(/[?&]shown=60(&|$)/);

    const chosen = results(page).nth(45);
    const headline = chosen.locator('h3 a');
    const href = await headline.getAttribute('href');
    await chosen.scrollIntoViewIfNeeded();
    // Somewhere in the middle of the screen, as a reader would have it, not at the edge scrolling leaves it.
    await page.evaluate(() => window.scrollBy(0, -200));
    await page.waitForTimeout(200);
    const before = await page.evaluate(() => window.scrollY);
    const topBefore = (await chosen.boundingBox())!.y;
    await headline.click();
    await expect(page).toHaveURL(href!);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/[?&]shown=60(&|$)/);
    await expect(results(page)).toHaveCount(60);
    const restored = results(page).nth(45);
    await expect(restored.locator('h3 a')).toHaveAttribute('href', href!);
    await expect(restored).toBeInViewport();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 2);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThanOrEqual(2);
    expect(Math.abs((await restored.boundingBox())!.y - topBefore)).toBeLessThanOrEqual(2);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`mobile filters open in a modal sheet with "Show N results" (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(VIEWPORTS.mobile);
    await setColorScheme(page, scheme);
    await page.goto('/search');
    await expect.poll(() => resultCount(page)).toBeGreaterThan(60);
    const filters = page.getByRole('button', { name: /^Filters/ });
    await filters.click();

    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect(sheet).toBeVisible();
    // Focus moved into the sheet, which is modal: the page behind it takes no clicks.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    expect(await page.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(true);
    // Long facets show their top 8 values, the rest behind "Show all (n)".
    const showAll = sheet.getByRole('button', { name: /^Show all \d+ organisations$/ });
    await expect(showAll).toBeVisible();
    await expect(showAll.locator('[aria-hidden="true"]')).toHaveText(/^\(\d+\)$/);
    await checkA11y(page);
    await saveScreenshot(page, `search-filter-sheet-${scheme}`);

    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(filters).toBeFocused();

    // A filter chosen in the sheet narrows the results; "Show N results" closes the sheet on them.
    await filters.click();
    const kind = sheet.getByRole('group').filter({ hasText: 'Kind' }).getByRole('checkbox').first();
    await kind.click();
    await expect(page).toHaveURL(/[?&]kind=/);
    await expect(kind).toBeChecked();
    const close = sheet.getByRole('button', { name: /^Show \d+ results?$/ });
    await expect.poll(async () => Number((await close.textContent())!.match(/\d+/)![0])).toBe(await resultCount(page));
    await close.click();
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('button', { name: /^Filters\s*\(1 active\)$/ })).toBeFocused();
  });
}

test('desktop keeps the facets beside the results, with long lists collapsed', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.goto('/search');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(60);
  await expect(page.getByRole('button', { name: /^Filters/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Filters' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Show all \d+ organisations$/ })).toBeVisible();
});

test('j and k move between results, b bookmarks and m marks read the focused one, Enter opens it', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.goto('/search?q=model');
  await expect.poll(() => resultCount(page)).toBeGreaterThan(3);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('j');
  await expect(results(page).nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(results(page).nth(2)).toBeFocused();
  await page.keyboard.press('k');
  const chosen = results(page).nth(1);
  await expect(chosen).toBeFocused();
  const bookmark = chosen.getByRole('button', { name: /bookmark/i });
  await expect(bookmark).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('b');
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('m');
  await expect(chosen).toHaveAttribute('data-read', '');
  await expect(chosen.getByRole('heading')).toContainText('(read)');
  const href = await chosen.locator('h3 a').getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href!);
});

test('the search box placeholder fits a narrow screen', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.mobile);
  await page.goto('/search');
  const box = page.getByRole('searchbox', { name: 'Search entries' });
  await expect(box).toHaveAttribute('placeholder', 'Search entries…');
  // The placeholder's text is narrower than the box's content area.
  const fits = await box.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
  });
  expect(fits).toBe(true);
});
