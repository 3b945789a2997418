import type {Page} from 'playwright-core';

/** How long the page's body must stay unchanged to count as settled. */
const QUIET_MS = 300;
const MAX_WAIT_MS = 15_000;

/**
 * In the page, as source text (the test transpiler would add helpers the
 * page lacks): resolves once nothing in the body has changed for `quiet` ms
 * (the head keeps receiving prefetch links, one per idle period), rejects
 * after `max` ms.
 */
const SETTLED = `([quiet, max]) => new Promise((resolve, reject) => {
  const observer = new MutationObserver(() => { clearTimeout(state.timer); state.timer = setTimeout(state.done, quiet); });
  const state = {
    done: () => { observer.disconnect(); clearTimeout(state.limit); resolve(); },
    timer: 0,
    limit: setTimeout(() => { observer.disconnect(); reject(new Error('the page kept changing for ' + max + ' ms')); }, max),
  };
  state.timer = setTimeout(state.done, quiet);
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
})`;

/**
 * Waits until the page has hydrated, every field of its reference shows its
 * actions (they appear a chunk of fields at a time once the page has
 * hydrated: src/components/ConfigField/actionsShown.ts), and its body has
 * held still for a moment (diagrams render after load): what a reader who
 * has waited sees, and what axe's layout checks need.
 */
export async function pageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true' && !document.querySelector('.cfg:not(:has(> .cfg__actions))'));
  await page.evaluate(`(${SETTLED})(${JSON.stringify([QUIET_MS, MAX_WAIT_MS])})`);
}
