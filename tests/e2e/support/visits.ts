/** Read-state visits in e2e specs: the app starts a new visit after 30 minutes away. */
import type { Page } from '@playwright/test';

/**
 * Makes the page's next load a new visit: the stored visit is moved two hours back, once per tab, so a reload stays
 * within the visit it starts.
 */
export async function startNewVisit(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('e2e-two-hours-later')) return;
    sessionStorage.setItem('e2e-two-hours-later', '1');
    const key = 'frontier-reader:read';
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as { visit?: { at: string } } | null;
    if (stored?.visit) stored.visit.at = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
    localStorage.setItem(key, JSON.stringify(stored));
  });
}
