/**
 * Field history on the built site, read against the release data it
 * publishes: "since" and "removed in" marks naming the exact release
 * (history-only ones included), changed defaults with both values, and the
 * notice for a deep link to a field a release lacks (in Chromium). The
 * releases are the manifest's sample (test/support/versions.ts).
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {isElement, parseHtmlDocument, textOf, walkElements, attr, type HtmlElement} from '../../src/lib/html';
import type {PublishedField} from '../../src/reference/published';
import {RELEASES_URL, docsRoute} from '../../src/reference/urls';
import {builtReleases, builtSite} from '../support/buildDir';
import {builtSiteInBrowser} from '../support/siteSession';
import {CURRENT, DOCUMENTED, LINE, OLDEST_DOCUMENTED, SAMPLE_DOCUMENTED} from '../support/versions';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

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
  // A field's head line is its first children (heading, type, badges) up to its description; a section's is its path line.
  const children = block.childNodes.filter(isElement);
  const section = children.find((child) => /(^|\s)cfg-section__path(\s|$)/u.test(attr(child, 'class') ?? ''));
  const isHeadPart = (child: HtmlElement) => /^h[2-6]$/u.test(child.tagName) || child.tagName === 'code' || /(^|\s)badge(\s|$)/u.test(attr(child, 'class') ?? '');
  const end = children.findIndex((child) => !isHeadPart(child));
  const head = section ? [section] : children.slice(0, end < 0 ? children.length : end);
  return {text: textOf(block), head: textOf(head)};
}

/** Every `step`-th of a list, at least a few: the marks are checked on a spread of fields. */
const spread = <T>(list: readonly T[], most = 12): T[] => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / most)) === 0);

describe('field history in the reference', () => {
  for (const version of SAMPLE_DOCUMENTED) {
    it(`${version}: "since" and "removed in" name the release the data names, history-only ones too`, () => {
      const fields = builtReleases().fieldsOf(version).filter((field) => field.route);
      const since = fields.filter((field) => field.since);
      const removed = fields.filter((field) => field.removedIn);
      if (version === LINE.releases[0]) assert.equal(since.length, 0, 'nothing is newer than the oldest release of the line');
      for (const field of spread(since)) assert.match(fieldBlock(field).head, new RegExp(`since ${escape(field.since!)}`, 'u'), `${version}: ${field.path}`);
      for (const field of spread(removed)) assert.match(fieldBlock(field).head, new RegExp(`removed in ${escape(field.removedIn!)}`, 'u'), `${version}: ${field.path}`);
      const withoutSince = spread(fields.filter((field) => !field.since));
      for (const field of withoutSince) assert.doesNotMatch(fieldBlock(field).head, /since \d/u, `${version}: ${field.path} has no since mark`);
      const historyOnly = removed.filter((field) => !DOCUMENTED.includes(field.removedIn!));
      if (version === CURRENT) assert.ok(historyOnly.length > 0 || LINE.releases.at(-1) === CURRENT, `${version}: some field was removed by a history-only release`);
      console.log(`${version}: ${since.length} fields with since, ${removed.length} with removed in (${historyOnly.length} by history-only releases)`);
    });

    it(`${version}: a default changed up to this release shows the new value and the one before`, () => {
      const changed = builtReleases().fieldsOf(version).filter((field) => field.route && field.defaultChanges?.some((change) => LINE.releases.indexOf(change.version) <= LINE.releases.indexOf(version)));
      for (const field of spread(changed)) {
        const {text} = fieldBlock(field);
        for (const change of field.defaultChanges!.filter((entry) => LINE.releases.indexOf(entry.version) <= LINE.releases.indexOf(version))) {
          assert.ok(text.includes(`Default changed in ${change.version} (was`), `${field.path}: ${text.slice(0, 400)}`);
          if (change.fromYaml) assert.ok(text.includes(change.fromYaml.trim().split('\n').at(-1)!.trim()), `${field.path} shows the value before`);
        }
      }
    });
  }
});

describe('a deep link to a field the release lacks', () => {
  const session = builtSiteInBrowser();
  const releases = () => builtReleases();
  /** A field a documented release shows and `version` lacks. */
  const elsewhere = (version: string) =>
    releases().data.fields.find((field) => !releases().stateAt(field, releases().indexOf(version)) && releases().shownIn(field).some((place) => place.version !== version));

  it(`on an ${OLDEST_DOCUMENTED} page: says which releases show it and links there, reading the release data only then`, async () => {
    const field = elsewhere(OLDEST_DOCUMENTED);
    assert.ok(field, `some documented release shows a field ${OLDEST_DOCUMENTED} lacks`);
    const [first] = releases().shownIn(field);
    const page = await session.browser().newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${session.site().origin}${docsRoute(OLDEST_DOCUMENTED, CURRENT, 'sync').replace(/^\//u, '')}#${first.anchor}`);
    const notice = page.locator('.missing-field');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', new RegExp(`vCluster ${escape(OLDEST_DOCUMENTED)} has no`, 'u'));
    assert.ok(await notice.evaluate((element) => element === document.activeElement), 'the notice has the focus');
    assert.equal(requests.filter((request) => request.endsWith(RELEASES_URL)).length, 1, 'the release data was read, once');
    assert.ok(!requests.some((request) => request.endsWith('anchors.json')), 'no per-version anchor lists');
    const link = notice.getByRole('link', {name: `vCluster ${first.version}`});
    await link.click();
    await page.waitForURL((url) => url.pathname === new URL(`${session.site().origin}${first.route.replace(/^\//u, '')}`).pathname);
    assert.equal(new URL(page.url()).hash, `#${first.anchor}`);
    assert.equal(await page.locator(`[id="${first.anchor}"]`).count(), 1, 'the link lands on the field');
    assert.equal(await page.locator('.missing-field').count(), 0, 'no notice where the field is');
    await page.close();
  });

  it(`on a ${CURRENT} page, points a link to a field it lacks at a documented release that shows it`, async () => {
    const field = elsewhere(CURRENT);
    assert.ok(field, `some documented release shows a field ${CURRENT} lacks`);
    const [first] = releases().shownIn(field);
    const page = await session.browser().newPage();
    await page.goto(`${session.site().origin}${docsRoute(CURRENT, CURRENT, 'sync').replace(/^\//u, '')}#${first.anchor}`);
    const notice = page.locator('.missing-field');
    await notice.waitFor();
    assert.equal(await notice.getByRole('link', {name: `vCluster ${first.version}`}).count(), 1);
    await page.close();
  });

  it('a page without a deep link makes no request for the release data', async () => {
    const page = await session.browser().newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${session.site().origin}${docsRoute(OLDEST_DOCUMENTED, CURRENT, 'sync').replace(/^\//u, '')}`);
    await page.waitForLoadState('networkidle');
    assert.ok(!requests.some((request) => request.includes(RELEASES_URL)));
    await page.close();
  });
});
