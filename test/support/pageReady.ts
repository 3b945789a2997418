import type {Page} from 'playwright-core';

/**
 * Waits until the page has hydrated and every field of its reference shows
 * its actions: they appear a chunk of fields at a time once the page has
 * hydrated (src/components/ConfigField/actionsShown.ts).
 */
export async function pageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true' && !document.querySelector('.cfg:not(:has(> .cfg__actions))'));
}
