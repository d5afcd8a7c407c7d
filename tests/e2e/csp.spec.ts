import { expect, test } from './support/fixtures';

// Guards the fixture itself: a violation in a page opened after the first one is reported both as an event and on the console.
test('a CSP violation in any page of the context is recorded, so the test fails', async ({
  page,
  context,
  cspViolations,
}) => {
  await page.goto('/');
  await expect(page.getByRole('main')).toBeVisible();
  expect(cspViolations).toEqual([]);

  const later = await context.newPage();
  await later.goto('/');
  await expect(later.getByRole('main')).toBeVisible();
  const ran = await later.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "yes"';
    document.body.append(script);
    return document.body.dataset.injected === 'yes';
  });
  expect(ran, 'the CSP blocks inline scripts').toBe(false);

  await expect
    .poll(() => cspViolations)
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^securitypolicyviolation: script-src\S* blocked inline/),
        expect.stringMatching(/^console: .*Content Security Policy/),
      ]),
    );
  // Seen as intended; emptied so the fixture's own check, which fails every other test on a violation, passes here.
  cspViolations.length = 0;
});
