import assert from 'node:assert/strict';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {launchChromium} from './browser';
import {projectRoot} from './buildDir';
import {serveBuild, type StaticSite} from './staticServer';
import {CURRENT, SAMPLE_DOCUMENTED} from './versions';

/**
 * The search suite (src/theme/SearchBar, index by src/plugins/configSearch) in
 * headless Chromium: a field name and a dotted path land on the field's anchor,
 * a narrative word finds a page, in every docs version and under a sub-path.
 *
 *   SEARCH_SUBPATH_TEST=1   also build the site under /pr-1/ into a temp directory
 *                           (a full docusaurus build, about a minute) and search there;
 *   SEARCH_SUBPATH_BUILD=D  search an existing build made with DOCS_BASE_URL=/pr-1/ instead.
 */

const ETCD_FIELD = 'controlPlane-backingStore-etcd-embedded-migrateFromDeployedEtcd';
const K8S_FIELD = 'controlPlane-distro-k8s-enabled';

export interface SearchOutcome {
  /** The options offered, as `route#anchor` without the baseUrl, best first. */
  offered: string[];
  /** The page's URL after Enter (or after choosing `pick`). */
  url: URL;
}

/**
 * Types `query` into the navbar search of `page` (already showing a page of the
 * site), waits for the results, chooses the first one whose target satisfies
 * `pick` (default: the first) with the keyboard, and returns the URL it lands on.
 */
export async function searchAndGo(page: Page, query: string, pick: (target: string) => boolean = () => true): Promise<SearchOutcome> {
  const input = page.getByRole('combobox', {name: /search/i});
  await page.keyboard.press('Escape');
  await input.click();
  await input.fill(query);
  const options = page.locator('[role="listbox"] [role="option"]');
  await options.first().waitFor({state: 'visible', timeout: 10_000});
  const offered = await options.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-target') ?? ''));
  const chosen = offered.findIndex(pick);
  assert.ok(chosen >= 0, `"${query}" offers a wanted result among ${JSON.stringify(offered)}`);
  for (let i = 0; i < chosen; i++) await input.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), await options.nth(chosen).getAttribute('id'), 'the arrows move the active option');
  const before = page.url();
  const target = offered[chosen];
  await input.press('Enter');
  await page.waitForFunction(
    ([previous, wanted]) => window.location.href !== previous && `${window.location.pathname}${window.location.hash}`.endsWith(wanted.replace(/^\//, '')),
    [before, target] as const,
  );
  return {offered, url: new URL(page.url())};
}

/** Waits until the element is shown: no closed `<details>` around it, inside the viewport. */
export async function assertRevealed(page: Page, id: string): Promise<void> {
  await page.waitForFunction((target) => {
    const element = document.getElementById(target);
    if (!element) return false;
    for (let node = element.parentElement; node; node = node.parentElement) if (node instanceof HTMLDetailsElement && !node.open) return false;
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  }, id);
}

/** `docs` or `docs/<version>`: where a version's pages are, relative to the baseUrl. */
function docsPath(versionPath: string): string {
  return versionPath ? `docs/${versionPath}` : 'docs';
}

/** The sampled documented versions (test/support/versions.ts), as paths below /docs ('' for the current one). */
export function versionPaths(): string[] {
  return SAMPLE_DOCUMENTED.map((version) => (version === CURRENT ? '' : version));
}

/**
 * The search tests against one build: `baseUrl` it was built with, `versionPath`
 * the docs version to search from ('' for the current one, else a version such as '1.1.0').
 */
export function describeSearch(name: string, options: {dir: () => string; baseUrl?: string; versionPaths?: string[]}): void {
  describe(name, () => {
    let site: StaticSite;
    let browser: Browser;
    const baseUrl = options.baseUrl ?? '/';

    before(async () => {
      site = await serveBuild(options.dir(), baseUrl);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    async function open(pathname: string, width = 1280): Promise<{page: Page; errors: string[]}> {
      const context = await browser.newContext({viewport: {width, height: 900}});
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${site.origin}${pathname}`, {waitUntil: 'load'});
      // The search bar only answers once React has hydrated the navbar.
      await page.waitForFunction(() => document.querySelector('[role="combobox"]') !== null && (window as {docusaurus?: unknown}).docusaurus !== undefined);
      return {page, errors};
    }

    for (const versionPath of options.versionPaths ?? ['']) {
      const docs = docsPath(versionPath);
      const label = versionPath || 'current';

      it(`${label}: a field name lands on the field's anchor, opened and in view`, async () => {
        const {page, errors} = await open(docs);
        const {offered, url} = await searchAndGo(page, 'migrateFromDeployedEtcd', (target) => target.endsWith(`#${ETCD_FIELD}`));
        assert.equal(offered[0], `/${docs}/control-plane/backing-store/etcd#${ETCD_FIELD}`, 'the best result is the field on its most focused page');
        assert.equal(url.hash, `#${ETCD_FIELD}`);
        assert.equal(url.pathname, `${baseUrl}${docs}/control-plane/backing-store/etcd`);
        await assertRevealed(page, ETCD_FIELD);
        assert.deepEqual(errors, []);
        await page.context().close();
      });

      it(`${label}: a dotted path lands on the field from another page, and at phone width`, async () => {
        for (const width of [1280, 390]) {
          const {page, errors} = await open(`${docs}/control-plane/backing-store/etcd`, width);
          // Collapse everything first: landing must open the field's ancestors again.
          await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = false)));
          const {offered, url} = await searchAndGo(page, 'controlPlane.distro.k8s.enabled');
          assert.ok(offered[0].endsWith(`#${K8S_FIELD}`), `${width}px: the exact path is first: ${offered[0]}`);
          assert.equal(url.hash, `#${K8S_FIELD}`);
          assert.ok(url.pathname.startsWith(`${baseUrl}${docs}/`), `${width}px: stays in the version: ${url.pathname}`);
          await assertRevealed(page, K8S_FIELD);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${width}px: no horizontal scrolling (${overflow}px)`);
          assert.deepEqual(errors, []);
          await page.context().close();
        }
      });

      it(`${label}: a narrative word finds a page`, async () => {
        const {page} = await open(docs);
        const {offered, url} = await searchAndGo(page, 'Kine', (target) => target.includes('/backing-store'));
        assert.ok(offered.every((target) => target.startsWith(`/${docs}/`)), `results stay in the version: ${offered.join(' ')}`);
        assert.ok(url.pathname.startsWith(`${baseUrl}${docs}/control-plane/backing-store`), url.pathname);
        const heading = await page.locator('article h1').textContent();
        assert.ok(heading && heading.length > 0);
        await page.context().close();
      });
    }

    it('opens the collapsed ancestors of a deep field on the page already shown', async () => {
      const deep = 'controlPlane-backingStore-etcd-deploy-statefulSet-image-registry';
      const {page, errors} = await open('docs/control-plane/backing-store/etcd');
      const closed = await page.evaluate((id) => {
        let count = 0;
        for (let node = document.getElementById(id)!.parentElement; node; node = node.parentElement) if (node instanceof HTMLDetailsElement && !node.open) count++;
        return count;
      }, deep);
      assert.ok(closed >= 2, `the field starts inside ${closed} closed <details>`);
      const {url} = await searchAndGo(page, 'controlPlane.backingStore.etcd.deploy.statefulSet.image.registry');
      assert.equal(url.pathname, `${baseUrl}docs/control-plane/backing-store/etcd`);
      assert.equal(url.hash, `#${deep}`);
      await assertRevealed(page, deep);
      assert.deepEqual(errors, []);
      await page.context().close();
    });

    it('loads the index on first focus, opens with "/" and Ctrl-K, lists results as options and closes with Escape', async () => {
      const {page} = await open('');
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/search/')) fetched.push(new URL(request.url()).pathname);
      });
      await page.waitForTimeout(300);
      assert.deepEqual(fetched, [], 'no index before the search is used');
      const input = page.getByRole('combobox', {name: /search/i});
      await page.locator('body').click({position: {x: 5, y: 300}});
      await page.keyboard.press('/');
      assert.equal(await input.evaluate((element) => element === document.activeElement), true, '"/" focuses the search');
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/search/')));
      assert.deepEqual(fetched, [`${baseUrl}search/current.json`], 'outside the docs, the current version');
      await input.fill('etcd');
      await page.locator('[role="option"]').first().waitFor();
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      const first = page.locator('[role="option"]').first();
      assert.equal(await first.getAttribute('aria-selected'), 'true');
      await page.keyboard.press('Escape');
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      assert.equal(await input.inputValue(), 'etcd', 'the first Escape only closes the results');
      await page.keyboard.press('Escape');
      assert.equal(await input.inputValue(), '', 'the second one clears the search');
      await input.blur();
      await page.keyboard.press('Control+k');
      assert.equal(await input.evaluate((element) => element === document.activeElement), true, 'Ctrl-K focuses the search');
      await page.screenshot({path: path.join(projectRoot, 'test-results', 'search-open.png')});
      await page.context().close();
    });

    it('shows field results with their path, type and badges, readable and tappable at phone width in dark mode', async () => {
      const context = await browser.newContext({viewport: {width: 390, height: 800}, colorScheme: 'dark', hasTouch: true, isMobile: true});
      const page = await context.newPage();
      await page.goto(`${site.origin}docs`, {waitUntil: 'load'});
      const input = page.getByRole('combobox', {name: /search/i});
      await input.click();
      await input.fill('embedded');
      const option = page.locator('[role="option"]').first();
      await option.waitFor();
      const box = await page.locator('[role="listbox"]').boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the results fit the screen: ${JSON.stringify(box)}`);
      const colors = await option.evaluate((element) => {
        const style = getComputedStyle(element);
        let background = 'rgba(0, 0, 0, 0)';
        for (let node: Element | null = element; node && background === 'rgba(0, 0, 0, 0)'; node = node.parentElement) background = getComputedStyle(node).backgroundColor;
        return {color: style.color, background};
      });
      assert.notEqual(colors.color, colors.background);
      await page.screenshot({path: path.join(projectRoot, 'test-results', 'search-phone-dark.png')});
      await input.fill('controlPlane.backingStore.etcd.embedded');
      const pro = page.locator('[role="option"]', {hasText: 'Pro'}).first();
      await pro.waitFor();
      assert.equal(await pro.getAttribute('data-target'), '/docs/control-plane/backing-store/etcd#controlPlane-backingStore-etcd-embedded');
      assert.match((await pro.textContent()) ?? '', /controlPlane\.backingStore\.etcd\.embedded\s*object\s*Pro/);
      // A tap chooses a result too.
      await pro.tap();
      await page.waitForFunction(() => window.location.hash === '#controlPlane-backingStore-etcd-embedded');
      assert.equal(new URL(page.url()).pathname, `${baseUrl}docs/control-plane/backing-store/etcd`);
      await assertRevealed(page, 'controlPlane-backingStore-etcd-embedded');
      await context.close();
    });
  });
}

