/**
 * Field history on the built site, for the three real releases: "since"
 * marks, changed defaults with both values, "removed in" marks, and the
 * notice for a deep link to a field a release lacks (in Chromium).
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {findElement, isElement, parseHtmlDocument, textOf, walkElements, attr, type HtmlElement} from '../../src/lib/html';
import type {PublishedField, PublishedFields} from '../../src/reference/published';
import {PUBLISHED_FIELDS, publishedUrl} from '../../src/reference/urls';
import {builtSite} from '../support/buildDir';
import {builtSiteInBrowser} from '../support/siteSession';

const [CURRENT, MIDDLE, OLDEST] = ['0.22.0', '0.21.0', '0.20.0'];

function fieldsOf(version: string): PublishedFields {
  return JSON.parse(readFileSync(path.join(builtSite(), publishedUrl(version, PUBLISHED_FIELDS)), 'utf8')) as PublishedFields;
}

/** The field's block on its page in the built HTML: the element around its heading (or its section). */
function fieldBlock(field: PublishedField): {text: string; head: string} {
  const html = readFileSync(path.join(builtSite(), `${field.route!}.html`), 'utf8');
  const nodes = parseHtmlDocument(html);
  const target = [...walkElements(nodes)].find((element) => attr(element, 'id') === field.anchor);
  assert.ok(target, `${field.route} has #${field.anchor}`);
  // A field's heading sits in its head, inside the field's wrapper; a section's id is on the wrapper itself.
  let block: HtmlElement = target;
  const isWrapper = (element: HtmlElement) => /(^|\s)(cfg|cfg-section)(\s|$)/u.test(attr(element, 'class') ?? '');
  if (!isWrapper(block)) {
    let node = (target as {parentNode?: unknown}).parentNode as HtmlElement | undefined;
    while (node && isElement(node) && !isWrapper(node)) node = (node as {parentNode?: unknown}).parentNode as HtmlElement | undefined;
    assert.ok(node && isElement(node), `#${field.anchor} is inside a field`);
    block = node;
  }
  const head = findElement(block.childNodes, 'summary') ?? block.childNodes.filter(isElement).find((child) => /cfg__head|cfg-section__path/u.test(attr(child, 'class') ?? ''));
  return {text: textOf(block), head: head ? textOf(head) : ''};
}

describe('field history in the reference', () => {
  it(`a field added in ${MIDDLE} says so on the ${MIDDLE} and ${CURRENT} pages, and ${OLDEST} has no since marks`, () => {
    const middle = fieldsOf(MIDDLE).fields.filter((field) => field.since === MIDDLE && field.route);
    const current = new Map(fieldsOf(CURRENT).fields.map((field) => [field.path, field]));
    const oldest = new Set(fieldsOf(OLDEST).fields.map((field) => field.path));
    assert.ok(middle.length > 100, `${middle.length} fields are new in ${MIDDLE}`);
    let checked = 0;
    for (const field of middle.filter((_, i) => i % 25 === 0)) {
      assert.ok(!oldest.has(field.path), `${field.path} is not in ${OLDEST}`);
      assert.match(fieldBlock(field).head, new RegExp(`since ${MIDDLE.replace(/\./g, '\\.')}`, 'u'), `${MIDDLE}: ${field.path}`);
      const later = current.get(field.path);
      if (later?.route) assert.match(fieldBlock(later).head, new RegExp(`since ${MIDDLE.replace(/\./g, '\\.')}`, 'u'), `${CURRENT}: ${field.path}`);
      checked++;
    }
    assert.ok(checked >= 4);
    assert.equal(fieldsOf(OLDEST).fields.filter((field) => field.since).length, 0, 'nothing is newer than the oldest release');
    for (const file of ['docs/0.20.0/sync.html', 'docs/0.20.0/control-plane.html']) {
      assert.ok(!/>since \d/u.test(readFileSync(path.join(builtSite(), file), 'utf8')), `${file} has no since mark`);
    }
  });

  it(`a default that changed in ${CURRENT} shows the new value and the one before`, () => {
    const changed = fieldsOf(CURRENT).fields.filter((field) => field.defaultChanges?.some((change) => change.version === CURRENT) && field.route);
    assert.ok(changed.length > 0);
    for (const field of changed) {
      const change = field.defaultChanges!.find((entry) => entry.version === CURRENT)!;
      const {text} = fieldBlock(field);
      assert.ok(text.includes(`Default changed in ${CURRENT} (was`), `${field.path}: ${text.slice(0, 400)}`);
      for (const value of [change.fromYaml, change.toYaml]) {
        const lastLine = value!.trim().split('\n').at(-1)!.trim();
        assert.ok(text.includes(lastLine), `${field.path} shows ${lastLine}`);
      }
    }
  });

  it(`a field removed in ${CURRENT} is marked on the ${MIDDLE} page`, () => {
    const removed = fieldsOf(MIDDLE).fields.filter((field) => field.removedIn === CURRENT && field.route);
    assert.ok(removed.length > 0);
    for (const field of removed) assert.match(fieldBlock(field).head, new RegExp(`removed in ${CURRENT.replace(/\./g, '\\.')}`, 'u'), field.path);
  });
});

describe('a deep link to a field the release lacks', () => {
  const session = builtSiteInBrowser();

  it(`on an ${OLDEST} page, says which releases have it and links there`, async () => {
    const added = fieldsOf(MIDDLE).fields.find((field) => field.path.startsWith('sync.') && field.since === MIDDLE && field.route)!;
    const page = await session.browser().newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${session.site().origin}docs/${OLDEST}/sync#${added.anchor}`);
    const notice = page.locator('.missing-field');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', new RegExp(`vCluster ${OLDEST} has no`, 'u'));
    assert.ok(await notice.evaluate((element) => element === document.activeElement), 'the notice has the focus');
    const link = notice.getByRole('link', {name: `vCluster ${MIDDLE}`});
    assert.ok(requests.some((request) => request.endsWith('anchors.json')), 'the anchor lists were read');
    await link.click();
    await page.waitForURL((url) => url.pathname.includes(`/docs/${MIDDLE}/`));
    assert.equal(new URL(page.url()).hash, `#${added.anchor}`);
    assert.equal(await page.locator(`[id="${added.anchor}"]`).count(), 1, 'the link lands on the field');
    assert.equal(await page.locator('.missing-field').count(), 0, 'no notice where the field is');
    await page.close();
  });

  it(`on a ${CURRENT} page, points a link to a removed field at ${MIDDLE}`, async () => {
    const removed = fieldsOf(MIDDLE).fields.find((field) => field.removedIn === CURRENT && field.route)!;
    const page = await session.browser().newPage();
    await page.goto(`${session.site().origin}${removed.route!.replace(`/docs/${MIDDLE}`, 'docs').replace(/^\//u, '')}#${removed.anchor}`);
    const notice = page.locator('.missing-field');
    await notice.waitFor();
    assert.equal(await notice.getByRole('link', {name: `vCluster ${MIDDLE}`}).count(), 1);
    await page.close();
  });

  it('a page without a deep link makes no request for anchors', async () => {
    const page = await session.browser().newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${session.site().origin}docs/${OLDEST}/sync`);
    await page.waitForLoadState('networkidle');
    assert.ok(!requests.some((request) => request.includes('anchors.json')));
    await page.close();
  });
});
