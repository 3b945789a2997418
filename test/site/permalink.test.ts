/**
 * The current release's pages have a permanent address under the release's own path
 * (src/reference/urls.ts permalinkRoute): `/docs/<current>/<page>` leads to `/docs/<page>`, fragment
 * kept, and names it canonical; "Copy link" on a current page gives that address, on an older
 * release's page its own.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {builtReleases, pageWithMostFields} from '../support/buildDir';
import {clipboardText} from '../support/clipboard';
import {pageReady} from '../support/pageReady';
import {builtSiteInBrowser} from '../support/siteSession';
import {CURRENT, DOCUMENTED} from '../support/versions';
import {DOCS_ROUTE, currentPageRoute, permalinkRoute} from '../../src/reference/urls';

const OLDER = DOCUMENTED.find((version) => version !== CURRENT);

describe('permanent addresses of the current release', () => {
  const session = builtSiteInBrowser();
  const heaviest = pageWithMostFields(CURRENT);
  const route = currentPageRoute(heaviest, DOCUMENTED.filter((version) => version !== CURRENT))!;

  async function open(pathAndHash: string): Promise<Page> {
    const context = await session.browser().newContext({permissions: ['clipboard-read', 'clipboard-write']});
    const page = await context.newPage();
    await page.goto(`${session.site().origin}${pathAndHash.replace(/^\//u, '')}`, {waitUntil: 'load'});
    return page;
  }

  it('serves each current page under the release path too, naming the page canonical, and keeps the fragment', async () => {
    assert.ok(route !== undefined && route.length > 0, `${heaviest} is a page of the current release`);
    for (const pageRoute of ['', route]) {
      const permalink = permalinkRoute(CURRENT, pageRoute);
      const target = `/${[DOCS_ROUTE, pageRoute].filter(Boolean).join('/')}`;
      const response = await fetch(`${session.site().origin}${permalink.slice(1)}`);
      assert.equal(response.status, 200, permalink);
      assert.match(await response.text(), new RegExp(`<link rel="canonical" href="${target.replace(/[/.]/gu, '\\$&')}"`, 'u'), `${permalink} names ${target} canonical`);
    }
    const field = builtReleases().fieldsOf(CURRENT).find((candidate) => candidate.route === heaviest)!;
    const page = await open(`${permalinkRoute(CURRENT, route)}#${field.anchor}`);
    await page.waitForURL((url) => url.pathname === heaviest && url.hash === `#${field.anchor}`);
    await pageReady(page);
    assert.equal(await page.locator(`[id="${field.anchor}"]`).count(), 1, `${field.path} is on the page`);
    await page.context().close();
  });

  it('"Copy link" gives the permanent address on a current page, and an older release\'s own address on its pages', async () => {
    const page = await open(heaviest);
    await pageReady(page);
    const button = page.locator('button.cfg__copy[aria-label^="Copy link to "]').first();
    const path = (await button.getAttribute('aria-label'))!.replace('Copy link to ', '');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await button.click();
    const link = new URL(await clipboardText(page, (text) => text.startsWith('http')));
    assert.equal(link.pathname, permalinkRoute(CURRENT, route), `the link to ${path}`);
    const field = builtReleases().fieldsOf(CURRENT).find((candidate) => candidate.path === path)!;
    assert.equal(link.hash, `#${field.anchor}`);
    // Followed, it lands on the field.
    await page.goto(link.href);
    await page.waitForURL((url) => url.pathname === heaviest && url.hash === `#${field.anchor}`);
    await page.context().close();

    if (!OLDER) return;
    const olderRoute = pageWithMostFields(OLDER);
    const older = await open(olderRoute);
    await pageReady(older);
    await older.evaluate(() => navigator.clipboard.writeText(''));
    await older.locator('button.cfg__copy[aria-label^="Copy link to "]').first().click();
    assert.equal(new URL(await clipboardText(older, (text) => text.startsWith('http'))).pathname, olderRoute, `${OLDER}'s pages are permanent already`);
    await older.context().close();
  });
});
