import assert from 'node:assert/strict';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {partialsDirFor} from '../../src/reference/files';
import {currentVersion, readManifestSync} from '../../src/reference/manifest';
import path from 'node:path';
import {describe, it} from 'node:test';
import type {ConsoleMessage, Page} from 'playwright-core';
import {parse} from 'yaml';
import {projectRoot} from '../support/buildDir';
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
    await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text.length > 0));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.deepEqual(parse(copied), {controlPlane: {backingStore: {etcd: {embedded: {migrateFromDeployedEtcd: false}}}}});
    await head.getByRole('button', {name: 'Copy link'}).click();
    await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text.startsWith('http')));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(new URL(link).hash, `#${FIELD}`);
    await page.context().close();
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
