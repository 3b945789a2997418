/**
 * Driving the config checker (/check) in Chromium: paste a text as a reader
 * does and wait for its findings, measuring the time to them and the longest
 * task the page's main thread ran meanwhile. Shared by the checker's browser
 * tests and `npm run bench`.
 */
import type {Page} from 'playwright-core';

/** Starts recording the page's long tasks (50 ms and more); {@link longestTask} reads the longest since. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as {checkerLongTasks?: number[]};
    if (scope.checkerLongTasks) {
      scope.checkerLongTasks.length = 0;
      return;
    }
    scope.checkerLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) scope.checkerLongTasks!.push(entry.duration);
    }).observe({type: 'longtask'});
  });
}

/** The longest task (ms) since {@link recordLongTasks}; 0 when none reached 50 ms. */
export function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, ...((window as unknown as {checkerLongTasks?: number[]}).checkerLongTasks ?? [])));
}

/** Waits for the findings of the text of this length on `version`. */
export function checkedText(page: Page, version: string, length: number, timeout = 60_000): Promise<void> {
  return page.locator(`section[data-checked="${version}:${length}"]`).waitFor({timeout});
}

/**
 * Replaces the editor's text with `text` by a paste, as a reader does, and
 * waits for its findings: the time from the paste to them, and the longest
 * main-thread task meanwhile (and for `settleMs` after, while the page
 * finishes what the paste started).
 */
export async function pasteAndMeasure(page: Page, text: string, version: string, settleMs = 500): Promise<{ms: number; longestTaskMs: number}> {
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+A');
  // Handing a large text to the page is the harness's work, not the page's: done before the measure starts.
  await page.evaluate((pasted) => {
    (window as unknown as {checkerPaste: string}).checkerPaste = pasted;
  }, text);
  await page.waitForTimeout(100);
  await recordLongTasks(page);
  const ms = await page.evaluate(async (release) => {
    const scope = window as unknown as {checkerPaste: string};
    const pasted = scope.checkerPaste;
    const content = document.querySelector('.cm-content') as HTMLElement;
    const section = document.querySelector('section[data-checked]')!;
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    const started = performance.now();
    content.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    while (section.getAttribute('data-checked') !== `${release}:${pasted.length}`) {
      if (performance.now() - started > 120_000) throw new Error(`no findings for the pasted text: ${section.getAttribute('data-checked')}`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - started;
  }, version);
  await page.waitForTimeout(settleMs);
  return {ms, longestTaskMs: await longestTask(page)};
}
