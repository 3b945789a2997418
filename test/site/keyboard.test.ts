/**
 * The reference with the keyboard alone, in Chromium on the built site: Tab
 * reaches every visible field's copy actions and fold in reading order, each
 * with a visible focus; Enter and Space fold and unfold; a deep link (cold
 * load, in-page link, back button, search result) puts the focus on the
 * field's heading; a copy is announced in the page's live region.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {pageReady} from '../support/pageReady';
import {builtSiteInBrowser} from '../support/siteSession';

const PAGE = 'docs/control-plane';
/** A field three folds deep on the control-plane page. */
const DEEP = 'controlPlane-backingStore-etcd-deploy-statefulSet-image-registry';
const DEEP_PATH = 'controlPlane.backingStore.etcd.deploy.statefulSet.image.registry';

describe('the reference with the keyboard alone', () => {
  const session = builtSiteInBrowser();

  async function open(pathAndHash: string): Promise<Page> {
    const context = await session.browser().newContext({viewport: {width: 1280, height: 900}, permissions: ['clipboard-read', 'clipboard-write']});
    const page = await context.newPage();
    await page.goto(`${session.site().origin}${pathAndHash}`, {waitUntil: 'load'});
    // The copy actions appear once the page runs.
    await pageReady(page);
    return page;
  }

  /** The focused element, described: its tag, id, accessible label or text, and whether its focus shows. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
      return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        label: element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 80) ?? '',
        inReference: Boolean(element.closest('[data-config-reference]')),
        visibleFocus: outlined || style.boxShadow !== 'none',
      };
    });

  /** Presses Tab until `done` holds for the focused element (at most `limit` times); returns each element focused on the way. */
  async function tabUntil(page: Page, done: (element: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, limit = 600) {
    const seen: Array<NonNullable<Awaited<ReturnType<typeof focused>>>> = [];
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const element = await focused(page);
      if (!element) continue;
      seen.push(element);
      if (done(element)) return seen;
    }
    throw new Error(`Tab never reached the element after ${limit} presses; last: ${JSON.stringify(seen.slice(-3))}`);
  }

  it('Tab reaches every visible field control of the first section in reading order, each with a visible focus', async () => {
    const page = await open(PAGE);
    // What a reader sees in the first section, in document order: links, copy buttons, fold summaries.
    const expected = await page.evaluate(() => {
      const section = document.querySelector('[data-config-reference]')!;
      return [...section.querySelectorAll<HTMLElement>('a[href], button, summary')]
        .filter((element) => element.getClientRects().length > 0 && !element.closest('details:not([open]) > :not(summary)'))
        .map((element) => element.getAttribute('aria-label') ?? element.textContent!.trim().slice(0, 80));
    });
    assert.ok(expected.filter((label) => label.startsWith('Copy link to ')).length >= 10, `copy actions in the first section: ${expected.length}`);
    const seen = await tabUntil(page, (element) => element.inReference);
    const inSection: typeof seen = [seen.at(-1)!];
    for (let i = 1; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      inSection.push((await focused(page))!);
    }
    assert.deepEqual(
      inSection.map((element) => element.label),
      expected,
      'the focus order is the reading order',
    );
    const hidden = [...seen, ...inSection].filter((element) => !element.visibleFocus).map((element) => `${element.tag} ${element.label}`);
    assert.deepEqual(hidden, [], 'every focused element shows its focus');
    // Every copy action says what it copies, and comes in pairs after each field's heading.
    const links = inSection.filter((element) => element.label.startsWith('Copy link to ')).map((element) => element.label.slice('Copy link to '.length));
    const yaml = inSection.filter((element) => element.label.startsWith('Copy YAML of ')).map((element) => element.label.slice('Copy YAML of '.length));
    assert.deepEqual(yaml, links);
    assert.ok(links.every((path) => path.startsWith('controlPlane.')), links.join(', '));
    await page.context().close();
  });

  it('Enter and Space fold and unfold a field, and the copy buttons copy and announce it', async () => {
    const page = await open(PAGE);
    // The first folded field of the page.
    const seen = await tabUntil(page, (element) => element.tag === 'summary' && element.label.includes('fields of'));
    const summary = seen.at(-1)!;
    const isOpen = () => page.evaluate(() => (document.activeElement!.parentElement as HTMLDetailsElement).open);
    const startedOpen = await isOpen();
    await page.keyboard.press('Enter');
    assert.equal(await isOpen(), !startedOpen, `Enter toggles "${summary.label}"`);
    await page.keyboard.press('Space');
    assert.equal(await isOpen(), startedOpen, `Space toggles "${summary.label}" back`);
    if (!startedOpen) await page.keyboard.press('Enter');
    // Into the fold: its first field's copy link action, then Enter copies.
    const copy = await tabUntil(page, (element) => element.label.startsWith('Copy link to '));
    const path = copy.at(-1)!.label.slice('Copy link to '.length);
    await page.keyboard.press('Enter');
    await page.waitForFunction((expected) => document.getElementById('cfg-copy-status')?.textContent === expected, `Copied the link to ${path}`);
    const announced = await page.evaluate(() => {
      const region = document.getElementById('cfg-copy-status')!;
      return {role: region.getAttribute('role'), regions: document.querySelectorAll('#cfg-copy-status').length};
    });
    assert.deepEqual(announced, {role: 'status', regions: 1});
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /#controlPlane-/);
    await page.keyboard.press('Tab');
    assert.ok((await focused(page))!.label.startsWith('Copy YAML of '), 'the YAML action follows the link action');
    await page.keyboard.press('Space');
    await page.waitForFunction((expected) => document.getElementById('cfg-copy-status')?.textContent === expected, `Copied ${path} as YAML`);
    await page.context().close();
  });

  it('a deep link loaded cold puts the focus on the field heading, and Tab goes on from there', async () => {
    const page = await open(`${PAGE}#${DEEP}`);
    await page.waitForFunction((id) => document.activeElement?.id === id, DEEP);
    const heading = await focused(page);
    assert.equal(heading?.tag.startsWith('h'), true, `the heading is focused: ${JSON.stringify(heading)}`);
    assert.equal(heading?.visibleFocus, true, 'and shows it');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.label, `Copy link to ${DEEP_PATH}`);
    await page.context().close();
  });

  it('an in-page link and the back button put the focus on the field heading', async () => {
    const page = await open(PAGE);
    // A config path in the page's text links to its field.
    const seen = await tabUntil(page, (element) => element.tag === 'a' && !element.inReference && /^controlPlane\.\w+\.\w+/.test(element.label));
    const first = seen.at(-1)!;
    await page.keyboard.press('Enter');
    const firstId = await page.evaluate(() => decodeURIComponent(window.location.hash.slice(1)));
    await page.waitForFunction((id) => document.activeElement?.id === id, firstId);
    assert.ok(firstId.startsWith('controlPlane-'), `${first.label} leads to ${firstId}`);
    // Another field, by its TOC-independent search: the next text link to a field that is not the first.
    const next = await tabUntil(page, (element) => element.tag === 'a' && !element.inReference && /^controlPlane\./.test(element.label) && element.label !== first.label);
    await page.keyboard.press('Enter');
    const secondId = await page.evaluate(() => decodeURIComponent(window.location.hash.slice(1)));
    assert.notEqual(secondId, firstId, `${next.at(-1)!.label} leads elsewhere`);
    await page.waitForFunction((id) => document.activeElement?.id === id, secondId);
    // The back button (browser chrome, not a key the page sees).
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = false)));
    await page.goBack();
    await page.waitForFunction((id) => window.location.hash === `#${id}` && document.activeElement?.id === id, firstId);
    await page.context().close();
  });

  it('a search result puts the focus on the field heading', async () => {
    const page = await open(PAGE);
    await page.keyboard.press('/');
    await page.keyboard.type(DEEP_PATH);
    await page.locator('[role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.id === id, DEEP);
    assert.equal(await page.evaluate(() => window.location.hash), `#${DEEP}`);
    await page.context().close();
  });
});
