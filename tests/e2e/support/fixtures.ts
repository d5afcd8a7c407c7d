/**
 * Shared Playwright fixtures: every e2e spec imports `test` and `expect` from here.
 * - No request leaves the origin: third-party requests are answered with a stub page and recorded;
 *   the test fails if a page loads any resource (not a navigation) from another origin.
 * - CSP violations fail the test: a `securitypolicyviolation` event in any page of the context (pages opened
 *   later included), or a CSP error on the console.
 * - `checkA11y(page)` runs axe with the WCAG 2.1 A/AA rules.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** The axe rule tags the app must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = path.resolve('artifacts/screenshots');

/** Named viewports the app is checked at. */
export const VIEWPORTS = {
  mobile: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

/** The page function the CSP listener reports through; prefixed so it cannot clash with the app's globals. */
const CSP_BINDING = '__e2eReportCspViolation';

/** A request that tried to leave the app's origin. */
export interface ExternalRequest {
  url: string;
  isNavigation: boolean;
}

interface Fixtures {
  /** Requests to other origins, answered locally with a stub page; any that is not a navigation fails the test. */
  externalRequests: ExternalRequest[];
  /** CSP violations reported by any page of the context; the test fails if any happen. */
  cspViolations: string[];
  /** Console errors seen so far (not asserted automatically). */
  consoleErrors: string[];
}

/** Runs axe on the current page and fails with a readable list of violations. */
export async function checkA11y(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ') ?? ''}`)
        .join('\n'),
  );
  baseExpect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Switches the page to light or dark, as the system setting would (the app follows it unless toggled). */
export async function setColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
}

/** Saves artifacts/screenshots/<name>.png (the full page) and <name>.screen.png (the first screen, easier to review). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.screen.png`), animations: 'disabled' });
  return file;
}

/** Fails when the page is wider than the viewport (horizontal scrolling). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  baseExpect(overflow, 'page scrolls horizontally').toBeLessThanOrEqual(0);
}

// The fixture callback is named `provide`, not `use`, so the React hooks lint rule does not mistake it for a hook.
export const test = base.extend<Fixtures>({
  externalRequests: async ({ context, baseURL }, provide) => {
    const requests: ExternalRequest[] = [];
    const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
    await context.route(
      (url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:'),
      async (route) => {
        const request = route.request();
        requests.push({ url: request.url(), isNavigation: request.isNavigationRequest() });
        await route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>External page (stubbed by the test)</title><p>stub</p>',
        });
      },
    );
    await provide(requests);
    // Pages may open other sites when the reader clicks a link, but never load anything from them.
    baseExpect(
      requests.filter((request) => !request.isNavigation).map((request) => request.url),
      'resources loaded from another origin',
    ).toEqual([]);
  },
  cspViolations: [
    async ({ context }, provide) => {
      const violations: string[] = [];
      // A binding and an init script reach every page of the context, including pages opened later and reloads.
      await context.exposeBinding(CSP_BINDING, (_source, report: unknown) => {
        violations.push(`securitypolicyviolation: ${String(report)}`);
      });
      await context.addInitScript((binding: string) => {
        // Capture on window so events fired at the document or at any element are all seen.
        window.addEventListener(
          'securitypolicyviolation',
          (event) => {
            const report = (window as unknown as Record<string, ((text: string) => Promise<void>) | undefined>)[
              binding
            ];
            const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '';
            void report?.(
              `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${where} on ${location.href}`,
            );
          },
          true,
        );
      }, CSP_BINDING);
      context.on('console', (message) => {
        if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text())) {
          violations.push(`console: ${message.text()}`);
        }
      });
      await provide(violations);
      baseExpect(violations, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await provide(errors);
  },
  // External requests are always intercepted and CSP violations always recorded, even in tests that do not ask for the lists.
  page: async ({ page, externalRequests: _externalRequests, cspViolations: _cspViolations }, provide) => {
    await provide(page);
  },
});

export const expect = baseExpect;
