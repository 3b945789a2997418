/**
 * The site on a phone (390 px, touch): wide tables stay readable (columns wide
 * enough to read, the table scrolling sideways with its first column kept in
 * view), the default-values file shows its comments whole, and no keyboard
 * hint is shown where there is no keyboard.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {childElements, parseHtmlDocument, walkElements} from '../../src/lib/html';
import {CHANGES_ROUTE, CHECKER_ROUTE, DEFAULTS_PAGE, docsRoute} from '../../src/reference/urls';
import {builtSite, projectRoot} from '../support/buildDir';
import {builtPages} from '../support/hostileSite';
import {builtSiteInBrowser} from '../support/siteSession';
import {CURRENT} from '../support/versions';

describe('the site on a phone', () => {
  const session = builtSiteInBrowser();

  async function open(route: string, touch = true, width = 390): Promise<Page> {
    const context = await session.browser().newContext({viewport: {width, height: 844}, ...(touch ? {isMobile: true, hasTouch: true} : {})});
    const page = await context.newPage();
    await page.goto(`${session.site().origin}${route.replace(/^\//u, '')}`, {waitUntil: 'load'});
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    return page;
  }

  it('tables of three or more columns keep their columns readable and their first column in view', async () => {
    // Every page of the current version with such a table, from the built HTML.
    const build = builtSite();
    const wideTable = (page: string) => [...walkElements(parseHtmlDocument(readFileSync(path.join(build, `${page}.html`), 'utf8')))].some((element) => element.tagName === 'tr' && childElements(element).length >= 3);
    const pages = (await builtPages(build)).filter((page) => page.startsWith('docs') && !/^docs\/\d/u.test(page) && wideTable(page));
    assert.ok(pages.includes(docsRoute(CURRENT, CURRENT, CHANGES_ROUTE).slice(1)), `the what-changed page is among ${pages.join(', ')}`);
    for (const route of pages) {
      const page = await open(route);
      const tables = await page.locator('article table').evaluateAll((elements) =>
        elements
          .filter((table) => (table.querySelector('tr')?.children.length ?? 0) >= 3)
          .map((table) => {
            const box = table.getBoundingClientRect();
            const narrowest = Math.min(...[...table.querySelectorAll('td')].map((cell) => cell.getBoundingClientRect().width));
            table.scrollLeft = table.scrollWidth;
            const first = table.querySelector('tbody tr > :first-child')!.getBoundingClientRect();
            const last = table.querySelector('tbody tr > :last-child')!.getBoundingClientRect();
            return {width: box.width, narrowest, firstLeft: first.left - box.left, lastRight: box.right - last.right, scrolled: table.scrollLeft};
          }),
      );
      for (const table of tables) {
        assert.ok(table.narrowest >= 100, `${route}: every cell at least 100 px wide (narrowest ${Math.round(table.narrowest)} px)`);
        if (table.scrolled > 0) {
          assert.ok(Math.abs(table.firstLeft) <= 1, `${route}: scrolled to its end, the table still shows its first column (${Math.round(table.firstLeft)} px)`);
          assert.ok(table.lastRight >= -1, `${route}: and its last column whole`);
        }
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${route}: the page itself does not scroll sideways`);
      await page.context().close();
    }
  });

  it('the default-values file shows every comment whole, without scrolling sideways', async () => {
    const page = await open(docsRoute(CURRENT, CURRENT, DEFAULTS_PAGE));
    const file = page.locator('pre.defaults__file');
    await file.waitFor();
    const {overflow, cut} = await file.evaluate((pre) => {
      const box = pre.getBoundingClientRect();
      const cutLines = [...pre.querySelectorAll('.defaults__comment')]
        .filter((comment) => [...comment.getClientRects()].some((rect) => rect.right > box.right + 1))
        .map((comment) => comment.textContent);
      return {overflow: pre.scrollWidth - pre.clientWidth, cut: cutLines.slice(0, 3)};
    });
    assert.ok(overflow <= 1, `the file fits the screen (${overflow} px more)`);
    assert.deepEqual(cut, [], 'comments that run past the screen');
    await page.screenshot({path: path.join(projectRoot, 'test-results', 'defaults-phone.png')});
    await page.context().close();
  });

  it('shows no keyboard hints on a touch screen, and shows them with a mouse', async () => {
    for (const touch of [true, false]) {
      // As wide as a desktop (a phone's navbar folds the search away): only the pointer differs.
      const page = await open(CHECKER_ROUTE, touch, 1280);
      await page.locator('#checker-editor-keys').waitFor({state: 'attached'});
      assert.equal(await page.locator('#checker-editor-keys').isVisible(), !touch, `the checker's editor keys ${touch ? 'hidden' : 'shown'}`);
      assert.equal(await page.locator('[role="search"] kbd').isVisible(), !touch, `the search's "/" ${touch ? 'hidden' : 'shown'}`);
      await page.context().close();
    }
  });
});
