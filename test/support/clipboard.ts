import type {Page} from 'playwright-core';

/**
 * The page's clipboard text once `ready` accepts it (10 s at most), polled from here:
 * `waitForFunction` takes the promise `readText` returns for a truthy answer at once,
 * so it cannot wait for a copy that is still being written (an object's defaults are fetched first).
 */
export async function clipboardText(page: Page, ready: (text: string) => boolean = (text) => text.length > 0): Promise<string> {
  let text = '';
  for (const started = Date.now(); Date.now() - started < 10_000; await page.waitForTimeout(100)) {
    text = await page.evaluate(() => navigator.clipboard.readText());
    if (ready(text)) return text;
  }
  throw new Error(`the clipboard never held the expected text; it holds ${JSON.stringify(text.slice(0, 200))}`);
}
