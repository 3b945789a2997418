/**
 * Finding one's way: the home page shows what the site can do (the checker,
 * the default values, what changed), the version menu leads from any page to
 * a page that exists in the chosen version, and a direct load of a page an
 * older version lacks hydrates without React errors.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ConsoleMessage, Page} from 'playwright-core';
import {CHANGES_ROUTE, CHECKER_ROUTE, DEFAULTS_PAGE, docsRoute} from '../../src/reference/urls';
import {builtSiteInBrowser} from '../support/siteSession';
import {CURRENT, DOCUMENTED, OLDEST_DOCUMENTED} from '../support/versions';

describe('finding one\'s way', () => {
  const session = builtSiteInBrowser();

  async function open(route: string): Promise<{page: Page; errors: string[]}> {
    const context = await session.browser().newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${session.site().origin}${route.replace(/^\//u, '')}`, {waitUntil: 'load'});
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    return {page, errors};
  }

  it('the home page shows the checker, the default values and what changed, each a link with a word on what it does', async () => {
    const {page, errors} = await open('');
    for (const route of [CHECKER_ROUTE, docsRoute(CURRENT, CURRENT, DEFAULTS_PAGE), docsRoute(CURRENT, CURRENT, CHANGES_ROUTE)]) {
      const link = page.locator(`main a[href="${route}"]`);
      assert.equal(await link.count(), 1, `the home page's content links ${route}`);
      assert.ok(await link.isVisible(), `${route}: visible`);
      assert.ok(((await link.textContent()) ?? '').length > 40, `${route}: says what it is for`);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('the version menu leads from a page another version lacks to a page that exists there', async () => {
    const from = docsRoute(CURRENT, CURRENT, CHANGES_ROUTE);
    for (const version of DOCUMENTED.filter((candidate) => candidate !== CURRENT)) {
      const {page, errors} = await open(from);
      const menu = page.locator('.navbar .dropdown').filter({has: page.locator(`a.navbar__link:has-text("${CURRENT}")`)}).first();
      await menu.hover();
      const item = menu.locator('.dropdown__menu a', {hasText: version}).first();
      const href = (await item.getAttribute('href'))!;
      const response = await page.request.get(new URL(href, session.site().origin).toString());
      assert.equal(response.status(), 200, `${from} → ${version}: ${href} exists`);
      assert.ok(href.startsWith(docsRoute(version, CURRENT)), `${href} is in ${version}`);
      await item.click();
      await page.waitForURL((url) => url.pathname === href);
      assert.equal(await page.locator('article h1, main h1').first().textContent().then((text) => /not found/iu.test(text ?? '')), false, `${href}: a page, not "not found"`);
      assert.deepEqual(errors, [], `${version}: no errors`);
      await page.context().close();
    }
  });

  it('a direct load of a page an older version lacks shows "not found" without a React error', async () => {
    for (const version of [OLDEST_DOCUMENTED, CURRENT]) {
      const {page, errors} = await open(docsRoute(version, CURRENT, 'no-such-page'));
      await page.waitForTimeout(500);
      assert.match((await page.locator('main h1').first().textContent()) ?? '', /not found/iu);
      // The address itself answers 404, as it should: Chromium logs that; nothing else may be logged.
      assert.deepEqual(errors.filter((error) => !/responded with a status of 404/u.test(error)), [], `${version}: console and page errors`);
      await page.context().close();
    }
  });
});
