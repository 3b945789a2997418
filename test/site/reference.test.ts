import {clipboardText} from '../support/clipboard';
import assert from 'node:assert/strict';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {partialsDirFor} from '../../src/reference/files';
import {currentVersion, readManifestSync} from '../../src/reference/manifest';
import path from 'node:path';
import {describe, it} from 'node:test';
import type {ConsoleMessage, Page} from 'playwright-core';
import {parse} from 'yaml';
import {readFileSync} from 'node:fs';
import {lastKey} from '../../src/reference/configPath';
import {PUBLISHED_VALUES, publishedUrl} from '../../src/reference/urls';
import {builtReleases, builtSite, projectRoot} from '../support/buildDir';
import {pageReady} from '../support/pageReady';
import {CURRENT} from '../support/versions';
import {builtSiteInBrowser} from '../support/siteSession';

const FIELD = 'controlPlane-backingStore-etcd-embedded-migrateFromDeployedEtcd';
const CONTROL_PLANE = 'docs/control-plane';

describe('the control-plane reference in a browser', () => {
  const session = builtSiteInBrowser();

  async function openPage(pathAndHash: string, options: {javaScriptEnabled?: boolean; width?: number} = {}): Promise<{page: Page; errors: string[]}> {
    const context = await session.browser().newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: {width: options.width ?? 1280, height: 900},
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${session.site().origin}${pathAndHash}`, {waitUntil: 'load'});
    return {page, errors};
  }

  it('shows backingStore and its nested fields on the control-plane page', async () => {
    const {page} = await openPage(CONTROL_PLANE);
    for (const anchor of ['controlPlane-backingStore', 'controlPlane-backingStore-etcd', 'controlPlane-backingStore-database-embedded-enabled', FIELD]) {
      assert.equal(await page.locator(`[id="${anchor}"]`).count(), 1, `#${anchor} is rendered once`);
    }
    assert.equal((await page.locator('#controlPlane-backingStore').textContent())?.trim(), 'backingStore');
    await page.context().close();
  });

  it('opens every ancestor of a deep-linked field loaded cold and scrolls it into view', async () => {
    const {page, errors} = await openPage(`${CONTROL_PLANE}#${FIELD}`);
    const field = page.locator(`[id="${FIELD}"]`);
    await field.waitFor({state: 'visible'});
    const closedAncestors = await field.evaluate((element) => {
      const closed: string[] = [];
      for (let node = element.parentElement; node; node = node.parentElement) {
        if (node instanceof HTMLDetailsElement && !node.open) closed.push(node.querySelector('summary')?.textContent ?? '?');
      }
      return closed;
    });
    assert.deepEqual(closedAncestors, []);
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    }, FIELD);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('opens the ancestors again on in-page navigation and on the back button', async () => {
    const {page} = await openPage(CONTROL_PLANE);
    const ancestorsOpen = (id: string) =>
      page.evaluate((target) => {
        const element = document.getElementById(target)!;
        for (let node = element.parentElement; node; node = node.parentElement) if (node instanceof HTMLDetailsElement && !node.open) return false;
        return true;
      }, id);
    const deep = 'controlPlane-backingStore-etcd-deploy-statefulSet-image-registry';
    const other = 'controlPlane-distro-k8s-enabled';
    await page.evaluate((id) => {
      window.location.hash = id;
    }, deep);
    await page.waitForFunction((id) => window.location.hash === `#${id}`, deep);
    await page.waitForTimeout(100);
    assert.equal(await ancestorsOpen(deep), true, 'in-page navigation opens the ancestors');
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = false)));
    await page.evaluate((id) => {
      window.location.hash = id;
    }, other);
    await page.waitForTimeout(100);
    await page.goBack();
    await page.waitForFunction((id) => window.location.hash === `#${id}`, deep);
    await page.waitForTimeout(100);
    assert.equal(await ancestorsOpen(deep), true, 'the back button opens the ancestors');
    await page.context().close();
  });

  it('copies a field as YAML that parses to its full path and default', async () => {
    const {page} = await openPage(`${CONTROL_PLANE}#${FIELD}`);
    const head = page.locator(`[id="${FIELD}"]`).locator('xpath=..');
    await head.getByRole('button', {name: 'Copy YAML'}).click();
    const copied = await clipboardText(page);
    assert.deepEqual(parse(copied), {controlPlane: {backingStore: {etcd: {embedded: {migrateFromDeployedEtcd: false}}}}});
    await head.getByRole('button', {name: 'Copy link'}).click();
    const link = await clipboardText(page, (text) => text.startsWith('http'));
    assert.equal(new URL(link).hash, `#${FIELD}`);
    await page.context().close();
  });

  it("a deep-linked field's card shows its full path, and the table of contents gains nothing", async () => {
    const releases = builtReleases();
    // The page with the most fields of one name (the control-plane page has several `replicas`).
    const byRouteAndName = new Map<string, string[]>();
    for (const field of releases.fieldsOf(CURRENT)) {
      if (!field.route) continue;
      const key = `${field.route} ${lastKey(field.path)}`;
      byRouteAndName.set(key, [...(byRouteAndName.get(key) ?? []), field.anchor]);
    }
    const [key, anchors] = [...byRouteAndName].reduce((a, b) => (b[1].length > a[1].length ? b : a));
    const [route] = key.split(' ');
    assert.ok(anchors.length >= 3, `${route}: ${anchors.length} fields named ${key.split(' ')[1]}`);
    const tocOf = (page: Page) => page.locator('.table-of-contents a').evaluateAll((links) => links.map((link) => link.textContent));
    const {page: plain} = await openPage(route.slice(1));
    await pageReady(plain);
    const toc = await tocOf(plain);
    await plain.context().close();
    for (const anchor of anchors) {
      const field = releases.fieldsOf(CURRENT).find((candidate) => candidate.anchor === anchor)!;
      const {page, errors} = await openPage(`${route.slice(1)}#${anchor}`);
      await pageReady(page);
      const card = page.locator(`[id="${anchor}"]`).locator('xpath=..');
      const path = card.locator(':scope > .cfg__path');
      await path.waitFor({state: 'visible'});
      assert.equal((await path.textContent())?.trim(), `In vcluster.yaml: ${field.path}`, `#${anchor}: the card names its path`);
      assert.equal(await page.locator('.cfg__path').count(), 1, 'only the linked card');
      assert.deepEqual(await tocOf(page), toc, 'the table of contents is unchanged');
      assert.deepEqual(errors, []);
      await page.context().close();
    }
  });

  it("copies an object as YAML with its defaults from the release's values.yaml", async () => {
    const releases = builtReleases();
    const values = parse(readFileSync(path.join(builtSite(), publishedUrl(CURRENT, PUBLISHED_VALUES)), 'utf8')) as Record<string, unknown>;
    const at = (keys: string[]) => keys.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), values);
    const route = `/${CONTROL_PLANE}`;
    // Objects of the page whose values.yaml sets something below them, as a reader meets them.
    const objects = releases.fieldsOf(CURRENT).filter((field) => field.route === route && field.type === 'object' && !/[[*]/u.test(field.path));
    const withDefaults = objects.filter((field) => {
      const value = at(field.path.split('.'));
      return value && typeof value === 'object' && Object.keys(value).length > 0;
    });
    // Those with a head of their own (a partial's root is its section, without actions).
    const {page: plain} = await openPage(CONTROL_PLANE);
    await pageReady(plain);
    const buttons = new Set(await plain.locator('button.cfg__copy').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label'))));
    await plain.context().close();
    const copyable = withDefaults.filter((field) => buttons.has(`Copy YAML of ${field.path}`));
    assert.ok(copyable.length > 3, `${copyable.length} objects with defaults on ${route}`);
    for (const field of [copyable[0], copyable.at(-1)!]) {
      const {page} = await openPage(`${CONTROL_PLANE}#${field.anchor}`);
      await pageReady(page);
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.getByRole('button', {name: `Copy YAML of ${field.path}`, exact: true}).click();
      // The copy is written once the values file has loaded: it starts with the path's first key.
      const text = await clipboardText(page, (value) => value.startsWith(`${field.path.split('.')[0]}:`));
      const copied = parse(text) as unknown;
      const expected = field.path.split('.').reduceRight<unknown>((value, key) => ({[key]: value}), at(field.path.split('.')));
      assert.deepEqual(copied, expected, `${field.path}: the subtree of values.yaml, copied: ${JSON.stringify(text)}`);
      await page.context().close();
    }
  });

  it('is readable with JavaScript disabled', async () => {
    const {page} = await openPage(CONTROL_PLANE, {javaScriptEnabled: false});
    const current = currentVersion(readManifestSync(projectRoot));
    const {byPath} = readIndexedFieldsSync(partialsDirFor(projectRoot, current, current), current);
    const record = byPath.get('controlPlane.backingStore.etcd.embedded.migrateFromDeployedEtcd')!;
    const text = (await page.locator('main').textContent()) ?? '';
    assert.ok(text.includes('migrateFromDeployedEtcd'));
    assert.ok(text.includes(record.description.split('\n')[0]), 'the description is in the server-rendered page');
    await page.context().close();
  });

  it('takes screenshots at phone and desktop width', async () => {
    for (const [name, width] of [
      ['phone', 390],
      ['desktop', 1280],
    ] as const) {
      const {page} = await openPage(`${CONTROL_PLANE}#controlPlane-backingStore`, {width});
      const file = path.join(projectRoot, 'test-results', `control-plane-${name}.png`);
      await page.screenshot({path: file});
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name}: no horizontal scrolling (overflow ${overflow}px)`);
      await page.context().close();
    }
  });
});
