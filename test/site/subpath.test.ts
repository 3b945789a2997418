import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {describeSearch, versionPaths} from '../support/searchSuite';
import {launchChromium} from '../support/browser';
import {links, parseMarkdownFile} from '../support/markdownTwins';
import {subpathBuild} from '../support/subpathBuild';
import {TEST_SITE_URL} from '../support/buildDir';
import {serveBuild, type StaticSite} from '../support/staticServer';
import {docsRoute} from '../../src/reference/urls';
import {CURRENT, DOCUMENTED, OLDEST_DOCUMENTED, SAMPLE_DOCUMENTED} from '../support/versions';

const BASE = '/pr-123/';
/** A docs route below the base path, without its leading slash. */
const route = (version: string, page = '') => docsRoute(version, CURRENT, page).slice(1);
/** A documented version other than the current one. */
const OLDER = DOCUMENTED.find((version) => version !== CURRENT) ?? CURRENT;
/** The versions this file visits: the build under the base path makes only these. */
const BUILT = [CURRENT, OLDER, OLDEST_DOCUMENTED, ...SAMPLE_DOCUMENTED];
const FIELD = 'controlPlane-backingStore-etcd-embedded-migrateFromDeployedEtcd';

describe(`a build under the base path ${BASE} (PR previews)`, () => {
  let dir: string;
  let site: StaticSite;
  let browser: Browser;

  before(async () => {
    dir = subpathBuild(BASE, BUILT);
    site = await serveBuild(dir, BASE);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens a page and records every request that failed or answered 4xx/5xx, and console errors. */
  async function open(route: string): Promise<{page: Page; failures: string[]}> {
    const page = await (await browser.newContext()).newPage();
    const failures: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    });
    await page.goto(`${site.origin}${route}`, {waitUntil: 'networkidle'});
    return {page, failures};
  }

  it('serves pages and every asset under the base path', async () => {
    for (const path of ['', route(CURRENT), route(CURRENT, 'control-plane'), route(OLDER, 'sync'), route(OLDEST_DOCUMENTED, 'control-plane/backing-store/etcd')]) {
      const {page, failures} = await open(path);
      assert.deepEqual(failures, [], path);
      const stylesheets = await page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.href ?? ''));
      assert.ok(stylesheets.some((href) => href.includes(`${'/pr-123/'}assets/css/`)), `${path}: CSS from the base path`);
      const outside = await page.evaluate((base) => [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')!).filter((href) => !href.startsWith(base)), BASE);
      assert.deepEqual(outside, [], `${path}: every site link stays under the base path`);
      await page.context().close();
    }
  });

  it('publishes each version\'s schema and declarations, linked from the overview', async () => {
    for (const [route, version] of SAMPLE_DOCUMENTED.map((version) => [docsRoute(version, CURRENT).slice(1), version])) {
      const {page} = await open(route);
      const links = await page.evaluate(() => [...document.querySelectorAll('a[href*="/schemas/"]')].map((a) => (a as HTMLAnchorElement).href));
      assert.equal(links.length, 2, `${route}: links to the schema and the .d.ts`);
      for (const link of links) {
        assert.ok(new URL(link).pathname.startsWith(`${BASE}schemas/${version}/`), link);
        const response = await page.request.get(link.replace(/^https?:\/\/[^/]+/, site.origin.replace(/\/pr-123\/$/, '')));
        assert.equal(response.status(), 200, link);
        if (link.endsWith('.json')) assert.equal(typeof JSON.parse(await response.text()).properties, 'object');
      }
      const line = await page.locator('code', {hasText: 'yaml-language-server'}).first().textContent();
      assert.match(line ?? '', new RegExp(`\\$schema=\\S+${BASE}schemas/${version}/vcluster\\.schema\\.json`));
      await page.context().close();
    }
  });

  it('links each page\'s Markdown twin under the base path, and the files for machines link there too', async () => {
    for (const [path, twin] of [
      ['', `${BASE}llms.txt`],
      ['docs', `${BASE}docs.md`],
      [route(OLDER, 'sync'), `${BASE}${route(OLDER, 'sync')}.md`],
      ['docs/control-plane/backing-store', `${BASE}docs/control-plane/backing-store.md`],
    ]) {
      const {page} = await open(path);
      await page.waitForFunction((href) => document.head.querySelector(`link[rel="alternate"][type="text/markdown"][href="${href}"]`) !== null, twin);
      const response = await page.request.get(`${site.origin.replace(/\/pr-123\/$/, '')}${twin}`);
      assert.equal(response.status(), 200, `${path}: ${twin}`);
      assert.match(await response.text(), /^# \S/u, twin);
      await page.context().close();
    }
    const urls = links(parseMarkdownFile(path.join(dir, 'llms.txt')));
    assert.ok(urls.length > 80, `${urls.length} links in llms.txt`);
    for (const url of urls) {
      assert.ok(url.startsWith(`${TEST_SITE_URL}${BASE}`), url);
      assert.ok(existsSync(path.join(dir, new URL(url).pathname.slice(BASE.length))), `${url} is in the build`);
    }
  });

  it('switches versions with the version dropdown', async () => {
    const {page} = await open('docs/sync');
    const dropdown = page.locator('.navbar .dropdown').filter({hasText: CURRENT}).first();
    await dropdown.hover();
    await dropdown.locator('a', {hasText: OLDER}).click();
    await page.waitForURL(`**${BASE}${route(OLDER, 'sync')}`);
    assert.ok((await page.locator('.navbar').textContent())?.includes(OLDER));
    await page.context().close();
  });

  it('opens a deep link to a field, cold', async () => {
    const {page, failures} = await open(`docs/control-plane#${FIELD}`);
    await page.waitForFunction((id) => {
      const element = document.getElementById(id);
      if (!element) return false;
      for (let node = element.parentElement; node; node = node.parentElement) if (node instanceof HTMLDetailsElement && !node.open) return false;
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, FIELD);
    assert.deepEqual(failures, []);
    await page.context().close();
  });
});

// Search in the same build: field names and dotted paths land on their anchors under the base path, in every version.
describeSearch(`search under the base path ${BASE}`, {dir: () => subpathBuild(BASE, BUILT), baseUrl: BASE, versionPaths: versionPaths()});
