/**
 * The default-values page of every documented version, on the built site:
 * every key link (all of them, from the built HTML) leads to an element with
 * that id on the page it names; copy and download give text that parses to
 * the release's values.yaml; every field head of the version's reference
 * links back to an id on the page; and in Chromium the page is usable from
 * the keyboard, its links are underlined, focus shows, and text has AA
 * contrast in both colour modes. It stays within the page budget.
 */
import {clipboardText} from '../support/clipboard';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {parse} from 'yaml';
import {FILE_END_ID} from '../../src/components/DefaultsFile/DefaultsFileView';
import {attr, hasClass, parseHtmlDocument, walkElements, type HtmlElement} from '../../src/lib/html';
import {changesSinceBase} from '../../src/generator/defaults/defaultsPartial';
import {parsePath} from '../../src/reference/configPath';
import {DEFAULTS_PAGE, DOCS_ROUTE, defaultsLineId, docsRoute} from '../../src/reference/urls';
import {launchChromium} from '../support/browser';
import {builtReleases, builtSite, pageWithMostFields, projectRoot} from '../support/buildDir';
import {chartDir} from '../support/chart';
import {CURRENT, DOCUMENTED, LINE, SAMPLE_DOCUMENTED} from '../support/versions';
import {pageReady} from '../support/pageReady';
import {assertRevealed} from '../support/searchSuite';
import {serveBuild, type StaticSite} from '../support/staticServer';

const HTML_BUDGET = 400 * 1024;
// Raised from 800 KB when search learned old key names and the reference permanent links (issue 26 is to bring it down).
const JS_BUDGET = 840 * 1024;
const DOM_BUDGET = 5000;

/** A route of the build (`/docs/<version>/sync`) → its HTML file (trailingSlash: false). */
function htmlFileOf(buildDir: string, route: string): string {
  return path.join(buildDir, `${route.replace(/^\/|\/$/g, '') || 'index'}.html`);
}

const parsed = new Map<string, HtmlElement[]>();
function elementsOf(file: string): HtmlElement[] {
  let elements = parsed.get(file);
  if (!elements) {
    elements = [...walkElements(parseHtmlDocument(readFileSync(file, 'utf8')))];
    parsed.set(file, elements);
  }
  return elements;
}
const idsOf = (file: string) => new Set(elementsOf(file).map((element) => attr(element, 'id')).filter((id) => id !== undefined));

/** The anchors of the reference's fields (each a heading, its field element's first child) and sections. */
function referenceAnchors(elements: HtmlElement[]): string[] {
  const fieldHeadings = elements.filter((element) => /^h[2-6]$/.test(element.tagName) && hasClass(element.parentNode as HtmlElement, 'cfg'));
  return [...fieldHeadings, ...elements.filter((element) => hasClass(element, 'cfg-section'))].map((element) => attr(element, 'id')!);
}

/** Every HTML file of one docs version in the build. */
function versionPages(buildDir: string, version: string, current: string, documented: readonly string[]): string[] {
  const root = path.join(buildDir, DOCS_ROUTE);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) files.push(full);
    }
  };
  walk(root);
  files.push(`${root}.html`);
  const older = documented.filter((candidate) => candidate !== current);
  const versionOf = (file: string) => older.find((candidate) => file === path.join(root, `${candidate}.html`) || file.startsWith(path.join(root, candidate) + path.sep)) ?? current;
  return files.filter((file) => versionOf(file) === version);
}

/**
 * In the page (plain JavaScript: no transpiler helpers): for each selector's
 * first element, the contrast of its text with the background it is shown on
 * (the backgrounds of it and its ancestors composited), and whether it is
 * underlined.
 */
const CONTRAST = `(wanted) => {
  const rgba = (text) => {
    const [r, g, b, a = 1] = (text.match(/[\\d.]+/g) || []).map(Number);
    return {r, g, b, a};
  };
  const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a)});
  const background = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) layers.push(rgba(getComputedStyle(node).backgroundColor));
    return layers.reverse().reduce((below, layer) => over(layer, below), {r: 255, g: 255, b: 255});
  };
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ({r, g, b}) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return Object.entries(wanted).map(([what, selector]) => {
    const element = document.querySelector(selector);
    if (!element) return {what, ratio: 0};
    const back = background(element);
    const fore = over(rgba(getComputedStyle(element).color), back);
    const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
    return {what, ratio: (light + 0.05) / (dark + 0.05), underline: getComputedStyle(element).textDecorationLine.includes('underline')};
  });
}`;

interface Contrast {
  what: string;
  ratio: number;
  underline?: boolean;
}

describe('the default-values pages', () => {
  let site: StaticSite;
  let browser: Browser;
  let buildDir: string;
  let current: string;
  let documented: string[];

  before(async () => {
    buildDir = builtSite();
    current = CURRENT;
    documented = [...DOCUMENTED];
    site = await serveBuild(buildDir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(route: string, options: {colorScheme?: 'light' | 'dark'; width?: number} = {}): Promise<{page: Page; context: BrowserContext; errors: string[]; scripts: Set<string>}> {
    const context = await browser.newContext({
      viewport: {width: options.width ?? 1280, height: 900},
      colorScheme: options.colorScheme ?? 'light',
      permissions: ['clipboard-read', 'clipboard-write'],
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const scripts = new Set<string>();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      const headers = request.headers();
      if (request.resourceType() === 'script' && !/prefetch/.test(headers['sec-purpose'] ?? headers.purpose ?? '')) scripts.add(new URL(request.url()).pathname);
    });
    await page.goto(`${site.origin}${route.replace(/^\//, '')}`, {waitUntil: 'load'});
    await page.waitForFunction(() => document.querySelector('#__docusaurus')?.hasChildNodes() && document.readyState === 'complete');
    return {page, context, errors, scripts};
  }

  const valuesOf = (version: string) => parse(readFileSync(path.join(chartDir(version), 'values.yaml'), 'utf8'));

  it('exists for every documented version and the overview links to it', () => {
    for (const version of documented) {
      const file = htmlFileOf(buildDir, docsRoute(version, current, DEFAULTS_PAGE));
      assert.ok(statSync(file).isFile(), `${version}: ${file}`);
      const overview = elementsOf(htmlFileOf(buildDir, docsRoute(version, current)));
      assert.ok(
        overview.some((element) => element.tagName === 'a' && attr(element, 'href') === docsRoute(version, current, DEFAULTS_PAGE)),
        `${version}: the overview links to its default-values page`,
      );
    }
  });

  for (const version of SAMPLE_DOCUMENTED) {
    describe(version, () => {
      const route = () => docsRoute(version, current, DEFAULTS_PAGE);
      const file = () => htmlFileOf(buildDir, route());

      it('every key link leads to an element with that id on the page it names; every field has a line id', async () => {
        const elements = elementsOf(file());
        const links = elements.filter((element) => element.tagName === 'a' && hasClass(element, 'defaults__link'));
        const keys = elements.filter((element) => hasClass(element, 'defaults__key'));
        const problems: string[] = [];
        for (const link of links) {
          const href = attr(link, 'href') ?? '';
          const [target, anchor] = href.split('#');
          if (!target.startsWith(docsRoute(version, current)) || !anchor) {
            problems.push(`${href}: not a field of ${version}`);
            continue;
          }
          if (!idsOf(htmlFileOf(buildDir, target)).has(anchor)) problems.push(`${href}: no element with id ${anchor} on ${target}`);
        }
        assert.deepEqual(problems.slice(0, 20), [], `${problems.length} of ${links.length} links are broken`);
        assert.ok(links.length > 300, `${links.length} key links`);
        const index = {fields: builtReleases(buildDir).fieldsOf(version)};
        const ids = idsOf(file());
        assert.deepEqual(index.fields.filter((field) => !ids.has(defaultsLineId(field.anchor))).map((field) => field.anchor), [], 'every field has its line id');
        console.log(`${version}: ${keys.length} keys, ${links.length} linked (every link checked), ${keys.length - links.length} plain text; ${elements.filter((element) => hasClass(element, 'defaults__changed')).length} marked as changed`);
      });

      it('every field and section of the reference has its line on the page; every link to the page leads to an id', () => {
        const ids = idsOf(file());
        const defaultsUrl = route();
        let fields = 0;
        let links = 0;
        const problems: string[] = [];
        for (const page of versionPages(buildDir, version, current, documented)) {
          const elements = elementsOf(page);
          for (const element of elements) {
            const href = element.tagName === 'a' ? attr(element, 'href') : undefined;
            if (!href?.startsWith(`${defaultsUrl}#`)) continue;
            links++;
            if (!ids.has(href.slice(defaultsUrl.length + 1))) problems.push(`${path.relative(buildDir, page)}: ${href}`);
          }
          // Each field (its heading, the field element's first child) and section the server rendered.
          for (const anchor of referenceAnchors(elements)) {
            fields++;
            if (!ids.has(defaultsLineId(anchor))) problems.push(`${path.relative(buildDir, page)}: #${anchor} has no line ${defaultsLineId(anchor)}`);
          }
        }
        assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
        assert.ok(fields > 500 && links > 10, `${fields} fields and sections, ${links} links in the server's HTML`);
        console.log(`${version}: ${fields} fields and sections of the reference, each with its line; ${links} links to the page in the server's HTML, all to an existing id`);
      });

      it('every field head links back to its line once the page runs (on the page with the most fields)', async () => {
        const ids = idsOf(file());
        const defaultsUrl = route();
        const heaviest = pageWithMostFields(version);
        // The links of field heads are among their actions, which appear once the page runs.
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.goto(`${site.origin}${heaviest.replace(/^\//, '')}`, {waitUntil: 'load'});
        await pageReady(tab);
        const elements = [...walkElements(parseHtmlDocument(await tab.content()))];
        await context.close();
        const backLinks = new Set(elements.filter((element) => hasClass(element, 'cfg__copy') && element.tagName === 'a').map((element) => attr(element, 'href')));
        const anchors = referenceAnchors(elements);
        const problems = anchors.filter((anchor) => !backLinks.has(`${defaultsUrl}#${defaultsLineId(anchor)}`)).map((anchor) => `#${anchor} has no link back`);
        problems.push(...[...backLinks].filter((href) => !href?.startsWith(`${defaultsUrl}#`) || !ids.has(href.slice(defaultsUrl.length + 1))).map((href) => `${href} leads to no line`));
        assert.deepEqual(problems.slice(0, 20), [], `${heaviest}: ${problems.length} problems`);
        assert.ok(anchors.length > 100, `${heaviest}: ${anchors.length} fields and sections`);
        console.log(`${version}: on ${heaviest}, ${anchors.length} fields and sections, each with its link back`);
      });

      it('marks exactly the keys whose default changed since its what-changed base (from the published field history)', () => {
        const {previous, releases} = changesSinceBase(version, LINE);
        const published = {fields: builtReleases(buildDir).fieldsOf(version)};
        const values = valuesOf(version) as unknown;
        const has = (fieldPath: string) => {
          let at: unknown = values;
          for (const segment of parsePath(fieldPath)) {
            if (segment.kind !== 'property' || !at || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, segment.key)) return false;
            at = (at as Record<string, unknown>)[segment.key];
          }
          return true;
        };
        const expected = published.fields
          .filter((field) => field.defaultChanges?.some((change) => releases.has(change.version)) && has(field.path))
          .map((field) => defaultsLineId(field.anchor))
          .sort();
        // Each mark belongs to the last key with a line id before it.
        const marked: string[] = [];
        let lastKey: string | undefined;
        for (const element of elementsOf(file())) {
          if (hasClass(element, 'defaults__key') && attr(element, 'id')) lastKey = attr(element, 'id');
          if (hasClass(element, 'defaults__changed')) {
            marked.push(lastKey ?? '(none)');
            const was = published.fields.find((field) => defaultsLineId(field.anchor) === lastKey)?.defaultChanges?.find((change) => releases.has(change.version))?.fromYaml;
            assert.equal(attr(element, 'title'), `Default in ${previous ?? 'the release before'}: ${was ?? 'no default'}`, `${lastKey}: the previous value`);
          }
        }
        assert.deepEqual(marked.sort(), expected);
        console.log(`${version}: ${marked.length} keys marked as changed since ${previous ?? '(none)'} (${published.fields.filter((field) => field.defaultChanges).length} fields of the version have a default history)`);
      });

      it('copy and download give text that parses to the release\'s values.yaml', async () => {
        const {page, context, errors} = await open(route());
        await page.getByRole('button', {name: 'Copy values.yaml'}).click();
        const copied = await clipboardText(page, (text) => text.length > 1000);
        assert.deepEqual(parse(copied), valuesOf(version), 'the copied text');
        assert.equal(await page.locator('.defaults__status[role="status"]').textContent(), 'values.yaml copied to the clipboard', 'the copy is announced');

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', {name: 'Download values.yaml'}).click()]);
        assert.equal(download.suggestedFilename(), 'values.yaml');
        const downloaded = await readFile((await download.path())!, 'utf8');
        assert.deepEqual(parse(downloaded), valuesOf(version), 'the downloaded file');
        assert.deepEqual(errors, []);
        await context.close();
      });

      it('stays within the page budget', async () => {
        const {page, context, scripts} = await open(route());
        const html = statSync(file()).size;
        const js = [...scripts].reduce((total, script) => total + statSync(path.join(buildDir, script)).size, 0);
        const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
        console.log(`${version}: HTML ${(html / 1024).toFixed(0)} KB, JS ${(js / 1024).toFixed(0)} KB in ${scripts.size} scripts, ${dom} DOM elements`);
        assert.ok(html <= HTML_BUDGET, `HTML ${html} bytes`);
        assert.ok(js <= JS_BUDGET, `JS ${js} bytes`);
        assert.ok(dom <= DOM_BUDGET, `${dom} DOM elements`);
        await context.close();
      });
    });
  }

  it('a key link opens its field, ancestors unfolded; the field\'s link back lands on its line', async () => {
    const {page, context, errors} = await open(docsRoute(current, current, DEFAULTS_PAGE));
    const anchor = 'controlPlane-backingStore-etcd-embedded-migrateFromDeployedEtcd';
    await page.locator(`[id="${defaultsLineId(anchor)}"]`).click();
    await page.waitForURL((url) => url.hash === `#${anchor}`);
    const fields = {fields: builtReleases(buildDir).fieldsOf(current)};
    assert.equal(new URL(page.url()).pathname, fields.fields.find((field) => field.anchor === anchor)!.route, 'the page the field data names for it');
    await assertRevealed(page, anchor);
    const back = page.locator(`[id="${anchor}"]`).locator('xpath=..').getByRole('link', {name: 'in values.yaml'});
    await back.click();
    await page.waitForURL((url) => url.hash === `#${defaultsLineId(anchor)}`);
    await page.waitForFunction((id) => {
      const element = document.getElementById(id);
      const box = element?.getBoundingClientRect();
      return !!box && box.top >= 0 && box.bottom <= window.innerHeight && element!.matches(':target');
    }, defaultsLineId(anchor));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is no tab trap: the skip link comes before the file and moves past it; key links show focus', async () => {
    const {page, context} = await open(docsRoute(current, current, DEFAULTS_PAGE));
    const skip = page.getByRole('link', {name: 'Skip to the end of the file'});
    await skip.focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('defaults__link')), true, 'after the skip link comes the first key');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return {style: style.outlineStyle, width: parseFloat(style.outlineWidth)};
    });
    assert.ok(outline.style !== 'none' && outline.width >= 2, `a focused key shows an outline: ${JSON.stringify(outline)}`);
    await skip.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === `#${FILE_END_ID}`);
    await page.keyboard.press('Tab');
    const after = await page.evaluate((end) => {
      const active = document.activeElement!;
      return {inFile: !!active.closest('pre'), afterEnd: !!(document.getElementById(end)!.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING)};
    }, FILE_END_ID);
    assert.deepEqual(after, {inFile: false, afterEnd: true}, 'one Tab after the skip link leaves the file behind');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`${colorScheme} mode: keys, comments, plain text and links back have AA contrast; links in the file are underlined`, async () => {
      const {page, context} = await open(docsRoute(current, current, DEFAULTS_PAGE), {colorScheme});
      // Hydrated first: a mark added to the server's markup before then is gone when React takes the page over.
      await pageReady(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), colorScheme);
      const measure = (selectors: Record<string, string>): Promise<Contrast[]> => page.evaluate(`(${CONTRAST})(${JSON.stringify(selectors)})`);
      const results: Contrast[] = await measure({
        'a key link': '.defaults__link',
        'a key that is plain text': '.defaults__key:not(.defaults__link)',
        'a comment': '.defaults__comment',
        'a value': '.defaults__file code',
        'the summary': '.defaults__summary',
      });
      // The changed-default mark, where the page has one; else one made the way the component makes it.
      await page.evaluate(() => {
        if (document.querySelector('.defaults__changed')) return;
        const mark = document.createElement('span');
        mark.className = 'defaults__changed';
        mark.textContent = ' changed in 0.0.0, was x';
        document.querySelector('.defaults__file code')!.append(mark);
      });
      results.push(...(await measure({'a changed-default mark': '.defaults__changed'})));
      for (const result of results) assert.ok(result.ratio >= 4.5, `${result.what}: contrast ${result.ratio.toFixed(2)}`);
      assert.equal(results[0].underline, true, 'key links are underlined');
      await page.goto(`${site.origin}docs/control-plane`, {waitUntil: 'load'});
      await pageReady(page);
      const [back] = await measure({'a link back from the reference': 'a.cfg__copy'});
      assert.ok(back.ratio >= 4.5, `${back.what}: contrast ${back.ratio.toFixed(2)}`);
      console.log(`${colorScheme}: ${[...results, back].map((result) => `${result.what} ${result.ratio.toFixed(1)}`).join(', ')}`);
      await context.close();
    });
  }

  it('has no horizontal page scroll at phone width (the file scrolls on its own)', async () => {
    const {page, context} = await open(docsRoute(current, current, DEFAULTS_PAGE), {width: 390});
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `overflow ${overflow}px`);
    await page.screenshot({path: path.join(projectRoot, 'test-results', 'defaults-phone.png')});
    await context.close();
  });
});
