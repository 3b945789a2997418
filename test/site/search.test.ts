/**
 * The navbar search in headless Chromium on the built site (the suite is
 * test/support/searchSuite.ts, shared with the sub-path test).
 *
 *   SEARCH_SUBPATH_TEST=1   also build the site under /pr-1/ into a temp directory
 *                           (a full docusaurus build, about a minute) and search there;
 *   SEARCH_SUBPATH_BUILD=D  search an existing build made with DOCS_BASE_URL=/pr-1/ instead.
 */
import assert from 'node:assert/strict';
import {readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Page} from 'playwright-core';
import {lastKey} from '../../src/reference/configPath';
import {searchIndexUrl} from '../../src/reference/urls';
import type {WireIndex} from '../../src/search/format';
import {prepareIndex, search} from '../../src/theme/SearchBar/rank';
import {builtReleases, builtSite} from '../support/buildDir';
import {builtSiteInBrowser} from '../support/siteSession';
import {CURRENT, OLDEST_DOCUMENTED} from '../support/versions';
import {describeSearch, versionPaths} from '../support/searchSuite';
import {subpathBuild} from '../support/subpathBuild';

describeSearch('search in the built site', {dir: builtSite, versionPaths: versionPaths()});

const SUBPATH = '/pr-1/';
if (process.env.SEARCH_SUBPATH_BUILD || process.env.SEARCH_SUBPATH_TEST === '1') {
  let dir = process.env.SEARCH_SUBPATH_BUILD ?? '';
  let made = false;
  describe('search under a sub-path', () => {
    before(() => {
      if (dir) return;
      dir = subpathBuild(SUBPATH);
      made = true;
    });
    after(() => {
      if (made) rmSync(dir, {recursive: true, force: true});
    });
    describeSearch(`under ${SUBPATH}`, {dir: () => dir, baseUrl: SUBPATH, versionPaths: versionPaths()});
  });
}

describe('search forgives and explains', () => {
  const session = builtSiteInBrowser();

  async function open(pathname: string, options: {touch?: boolean} = {}): Promise<Page> {
    // A touch screen as wide as a desktop's: only the pointer differs.
    const context = await session.browser().newContext({viewport: {width: 1280, height: 900}, ...(options.touch ? {isMobile: true, hasTouch: true} : {})});
    const page = await context.newPage();
    await page.goto(`${session.site().origin}${pathname}`, {waitUntil: 'load'});
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    return page;
  }

  /** Types a query and returns the options' targets and the panel's words once they settle. */
  async function type(page: Page, query: string, until: (panel: string) => boolean = () => true): Promise<{targets: string[]; panel: string; status: string}> {
    const input = page.getByRole('combobox', {name: /search/i});
    await input.click();
    await input.fill(query);
    const read = () =>
      page.evaluate(() => ({
        targets: [...document.querySelectorAll('[role="listbox"] [role="option"]')].map((option) => option.getAttribute('data-target') ?? ''),
        panel: document.querySelector('[role="search"] [role="listbox"]')?.parentElement?.textContent ?? '',
        status: document.querySelector('[role="search"] [role="status"]')?.textContent ?? '',
      }));
    for (let tries = 0; tries < 100; tries++) {
      const state = await read();
      if ((state.targets.length || /No results/u.test(state.panel)) && until(state.panel)) return state;
      await page.waitForTimeout(100);
    }
    return read();
  }

  it('finds fields past a typo: a swapped and a dropped letter', async () => {
    const page = await open('docs');
    for (const [typo, word] of [['ectd', 'etcd'], ['replcas', 'replicas']]) {
      const {targets, panel} = await type(page, typo);
      assert.ok(targets.length > 0, `"${typo}" finds something`);
      assert.ok(targets[0].toLowerCase().includes(word), `"${typo}": the first result is about ${word}: ${targets[0]}`);
      assert.ok(panel.includes(`Showing results for “${word}”`), `"${typo}": says what it searched for: ${panel}`);
    }
    await page.context().close();
  });

  it('ranks the field first for "etcd replicas"', async () => {
    const page = await open('docs');
    const {targets} = await type(page, 'etcd replicas');
    assert.match(targets[0] ?? '', /#controlPlane-backingStore-etcd-\S*-replicas$/u, `the first of ${JSON.stringify(targets)}`);
    await page.context().close();
  });

  it('finds a field by an old key name, a renamed key of the moves data, first, and says "was" with the old path', async () => {
    // The current index's old names, as the page reads them: a field whose old path is not a field of its own.
    const wire = JSON.parse(readFileSync(path.join(builtSite(), searchIndexUrl('current')), 'utf8')) as WireIndex;
    const index = prepareIndex(wire);
    const own = new Set(index.fields.map((field) => field.path));
    const pairs = index.fields.flatMap((candidate) => candidate.was.filter((name) => name.path.includes('.') && !own.has(name.path)).map((name) => ({field: candidate, old: name.path})));
    assert.ok(pairs.length, 'a field with an old name in the index');
    // The ranking itself is test/search/oldNames.test.ts; here, the page shows what it ranks.
    const ranked = pairs.find(({field, old}) => {
      const [first] = search(index, old);
      return first?.kind === 'field' && first.field.path === field.path && first.was === old;
    });
    assert.ok(ranked, 'an old name that finds its field first');
    const {field, old} = ranked;
    const page = await open('docs');
    const {targets} = await type(page, old);
    assert.equal(targets[0], `${field.route}#${field.anchor}`, `"${old}" finds ${field.path} first`);
    const first = await page.locator('[role="listbox"] [role="option"]').first().textContent();
    assert.ok(first?.includes(`was ${old}`), `the result says "was ${old}": ${first}`);
    await page.context().close();
  });

  it('offers results as links, which open in a new tab', async () => {
    const page = await open('docs');
    await type(page, 'etcd');
    const links = await page.locator('[role="listbox"] [role="option"]').evaluateAll((options) => options.map((option) => ({tag: option.tagName, href: option.getAttribute('href'), target: option.getAttribute('data-target')})));
    assert.ok(links.length > 1);
    for (const link of links) assert.deepEqual({tag: link.tag, href: link.href}, {tag: 'A', href: link.target}, 'each option is a link to its result');
    const [opened] = await Promise.all([page.context().waitForEvent('page'), page.locator('[role="option"]').nth(1).click({modifiers: ['Control']})]);
    await opened.waitForLoadState('load');
    assert.equal(`${new URL(opened.url()).pathname}${new URL(opened.url()).hash}`, links[1].target, 'Ctrl-click opens the result in a new tab');
    assert.equal(new URL(page.url()).pathname, '/docs', 'and leaves the page as it was');
    await page.context().close();
  });

  it('counts results in words: "1 result"', async () => {
    const index = prepareIndex(JSON.parse(readFileSync(path.join(builtSite(), searchIndexUrl('current')), 'utf8')) as WireIndex);
    const single = index.fields.map((field) => field.path).find((candidate) => search(index, candidate).length === 1);
    assert.ok(single, 'a path with one result');
    const page = await open('docs');
    const {status} = await type(page, single);
    assert.equal(status, '1 result');
    await page.context().close();
  });

  it('on an older release, a field only newer releases have says which release has it and leads there', async () => {
    const releases = builtReleases();
    const older = OLDEST_DOCUMENTED;
    const index = prepareIndex(JSON.parse(readFileSync(path.join(builtSite(), searchIndexUrl(older)), 'utf8')) as WireIndex);
    // A field a newer documented release shows, whose name the older release's search finds nowhere.
    const wanted = releases.fieldsOf(CURRENT).find((field) => field.route && !releases.fieldAt(releases.byPath.get(field.path)!, older) && !search(index, lastKey(field.path)).length && /^[a-z]\w{5,}$/iu.test(lastKey(field.path)));
    assert.ok(wanted, `a field of ${CURRENT} that ${older} lacks`);
    const name = lastKey(wanted.path);
    const page = await open(`docs/${older}`);
    const {targets, panel} = await type(page, name, (text) => /release/u.test(text));
    assert.ok(panel.includes(`No results for “${name}” in vCluster ${older}`), panel);
    const places = releases.shownIn(releases.byPath.get(wanted.path)!).map((place) => `${place.route}#${place.anchor}`);
    assert.ok(places.includes(targets[0]), `offers ${wanted.path} where a documented release shows it (${places.join(', ')}): ${JSON.stringify(targets)}`);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === targets[0]);
    await page.context().close();
  });

  it('shows no keyboard hint on a touch screen', async () => {
    for (const touch of [false, true]) {
      const page = await open('docs', {touch});
      const hint = await page.locator('[role="search"] kbd').isVisible();
      assert.equal(hint, !touch, touch ? 'touch: no "/" hint' : 'desktop: the "/" hint');
      await page.context().close();
    }
  });
});
