/**
 * Script payloads in a chart never run on the built site. A production build
 * of a temporary copy of the project whose docs are one page rendering every
 * top-level partial of a hostile chart (see hostileSite.ts), served on
 * 127.0.0.1 and loaded in headless Chromium: no dialog, no navigation away,
 * no console message, `window.__pwned` stays undefined, the payloads show as
 * text (headings, descriptions, table of contents, facts), and clicking every
 * copy button and field link runs nothing either. The site search, which
 * shows field descriptions, is tried with a payload query too. The
 * default-values page shows the chart's values.yaml, whose keys, values and
 * comments are payloads, as the text it is; its copy button and key links
 * run nothing.
 */
import {clipboardText} from '../support/clipboard';
import assert from 'node:assert/strict';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fromMarkdown} from 'mdast-util-from-markdown';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {parse} from 'yaml';
import {launchChromium} from '../support/browser';
import {pageReady} from '../support/pageReady';
import {serveBuild, type StaticSite} from '../support/staticServer';
import {factsOf} from '../support/fuzzProperty';
import {ALL_PAYLOADS, PAYLOADS, asDescriptionText, buildHostileSite, builtPages, hostileChart, hostileValuesYaml, removeHostileSite, type HostileSite} from '../support/hostileSite';
import {childElements, hasClass, isElement, parseHtml, textOf} from '../../src/lib/html';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {partialsDirOf} from '../../src/reference/files';
import {LLMS_TXT, llmsFullUrl, markdownTwinUrl, permalinkRoute} from '../../src/reference/urls';
import {CURRENT} from '../support/versions';
import {TEST_SITE_URL} from '../support/buildDir';
import {fieldHeadings, htmlNodes, links, notExactlyOnce, parseMarkdownFile, textOfMarkdown} from '../support/markdownTwins';

interface Watch {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
  console: string[];
  errors: string[];
  navigations: string[];
  popups: string[];
  requests: string[];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ');

describe('script payloads in a chart do not run on the built site', {timeout: 30 * 60_000}, () => {
  let site: HostileSite | undefined;
  let server: StaticSite;
  let browser: Browser;
  let pages: string[];

  before(async () => {
    site = await buildHostileSite();
    console.log(`hostile site: ${site.dir} (${site.partials.length} top-level partials: ${site.partials.join(', ')})`);
    server = await serveBuild(site.buildDir);
    browser = await launchChromium();
    pages = await builtPages(site.buildDir);
    console.log(`pages: ${pages.map((page) => `/${page}`).join(', ')}`);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await removeHostileSite(site);
  });

  async function open(route: string): Promise<Watch> {
    const context = await browser.newContext({viewport: {width: 1400, height: 1000}, permissions: ['clipboard-read', 'clipboard-write']});
    const page = await context.newPage();
    const watch: Watch = {page, context, dialogs: [], console: [], errors: [], navigations: [], popups: [], requests: []};
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => watch.console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => watch.errors.push(error.message));
    page.on('framenavigated', (frame) => watch.navigations.push(frame === page.mainFrame() ? frame.url() : `(frame) ${frame.url()}`));
    page.on('request', (request) => watch.requests.push(request.url()));
    context.on('page', (popup) => watch.popups.push(popup.url()));
    await page.goto(`${server.origin}${route}`, {waitUntil: 'load'});
    // Hydrated: React attached its handlers (the copy buttons answer clicks) and the client modules ran.
    await page.waitForFunction(() => document.querySelector('#__docusaurus')?.hasChildNodes() && document.readyState === 'complete');
    await page.waitForTimeout(300);
    return watch;
  }

  /** Nothing ran: the checks shared by every page. The page must still be at `route` (only its hash may change). */
  async function assertNothingRan(watch: Watch, route: string): Promise<void> {
    const {page} = watch;
    assert.deepEqual(watch.dialogs, [], `${route}: dialogs opened`);
    assert.deepEqual(watch.errors, [], `${route}: page errors`);
    assert.deepEqual(watch.console, [], `${route}: console messages`);
    assert.deepEqual(watch.popups, [], `${route}: windows opened`);
    const expected = new URL(`${server.origin}${route}`);
    for (const url of watch.navigations) {
      assert.ok(!url.startsWith('(frame)'), `${route}: a frame navigated: ${url}`);
      const at = new URL(url);
      assert.equal(`${at.origin}${at.pathname}`, `${expected.origin}${expected.pathname}`, `${route}: navigated away to ${url}`);
    }
    assert.equal(page.frames().length, 1, `${route}: the page has frames`);
    for (const url of watch.requests) {
      assert.ok(url.startsWith(server.origin.replace(/\/$/, '')), `${route}: request to another origin: ${url}`);
      assert.ok(!/\/x$/.test(new URL(url).pathname), `${route}: an <img src=x> was loaded: ${url}`);
    }
    assert.equal(await page.evaluate(() => (window as {__pwned?: unknown}).__pwned), undefined, `${route}: window.__pwned was set`);
    const dom = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll('body *'))) {
        const tag = element.tagName.toLowerCase();
        // The generated reference and the TOC hold no such elements (Docusaurus's own icons are SVGs elsewhere).
        if (['script', 'iframe', 'object', 'embed', 'img', 'svg', 'style', 'link', 'meta', 'form'].includes(tag) && element.closest('.cfg-section, .table-of-contents')) {
          // Only the icons of the buttons Docusaurus puts on a code block (a fenced block in a description).
          if (!(tag === 'svg' && element.closest('.theme-code-block button'))) found.push(`<${tag}> in <${element.parentElement?.tagName.toLowerCase()} class="${element.parentElement?.className}">`);
        }
        for (const attribute of Array.from(element.attributes)) {
          if (/^on/i.test(attribute.name)) found.push(`<${tag} ${attribute.name}>`);
          if (/^\s*javascript:/i.test(attribute.value)) found.push(`<${tag} ${attribute.name}="${attribute.value}">`);
        }
      }
      return found;
    });
    assert.deepEqual(dom, [], `${route}: markup from the payloads`);
  }

  async function openAllDetails(page: Page): Promise<void> {
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  }

  it('would notice a payload that ran (control: markup injected into the loaded page)', async () => {
    const watch = await open('docs');
    await watch.page.evaluate((payload) => document.querySelector('.cfg-section')!.insertAdjacentHTML('beforeend', payload), PAYLOADS.img);
    await watch.page.waitForFunction(() => (window as {__pwned?: unknown}).__pwned === 1, undefined, {timeout: 5000});
    await assert.rejects(assertNothingRan(watch, 'docs'), 'the checks fail once a payload has run');
    await watch.context.close();
  });

  it('loads every page of the build without running anything', async () => {
    assert.ok(pages.includes('docs'), `the build has the reference page: ${pages.join(', ')}`);
    for (const route of pages) {
      const watch = await open(route);
      await assertNothingRan(watch, route);
      await watch.context.close();
    }
  });

  it('shows every payload as text: field names, descriptions, table of contents', async () => {
    const watch = await open('docs');
    const {page} = watch;
    await openAllDetails(page);
    const text = normalise(await page.locator('article').innerText());
    for (const payload of ALL_PAYLOADS) {
      assert.ok(text.includes(payload), `the name ${JSON.stringify(payload)} is shown as text`);
      assert.ok(text.includes(normalise(asDescriptionText(payload))), `${JSON.stringify(asDescriptionText(payload))} from a description is shown as text`);
    }
    for (const line of ["import x from 'y'", 'export const toc = []', 'export const a = (() => { window.__pwned = 1 })()']) {
      assert.ok(text.includes(line), `the description line ${JSON.stringify(line)} is shown as text`);
    }
    const headings = await page.locator('.cfg > :is(h2, h3, h4, h5, h6)').allInnerTexts();
    for (const payload of ALL_PAYLOADS) assert.ok(headings.includes(payload), `a field heading reads ${JSON.stringify(payload)}`);

    // Docusaurus renders each TOC entry's value as HTML: the names must come out as text, with no markup.
    const toc = await page.locator('.table-of-contents a').evaluateAll((links) => links.map((link) => ({text: link.textContent ?? '', elements: link.children.length})));
    assert.ok(toc.length > 0, 'the page has a table of contents');
    assert.deepEqual(toc.filter((entry) => entry.elements > 0), [], 'TOC entries hold only text');
    const tocTexts = toc.map((entry) => entry.text);
    for (const payload of ALL_PAYLOADS) assert.ok(tocTexts.includes(payload), `the TOC lists ${JSON.stringify(payload)}`);

    // Allowed values and examples read back (as YAML) as the payloads, also on the section of a top-level field.
    const sections = await page.locator('.cfg-section').evaluateAll((elements) => elements.map((element) => element.outerHTML));
    const facts = sections.map((html) => {
      const section = parseHtml(html).find(isElement)!;
      const shown = factsOf(section);
      const pathLine = childElements(section).find((element) => hasClass(element, 'cfg-section__path'));
      return {
        path: textOf(pathLine ? childElements(pathLine).filter((element) => element.tagName === 'code')[1] ?? [] : []),
        allowed: shown.get('Allowed') ?? [],
        examples: shown.get('Examples') ?? shown.get('Example') ?? [],
        defaults: shown.get('Default') ?? [],
      };
    });
    const topLevel = facts.find((section) => section.path === `[${JSON.stringify(PAYLOADS.script)}]`);
    assert.ok(topLevel, `the top-level field ${PAYLOADS.script} has its section: ${JSON.stringify(facts.map((section) => section.path))}`);
    assert.deepEqual(topLevel.allowed.map((yaml) => parse(yaml)), ALL_PAYLOADS, 'its allowed values');
    assert.deepEqual(topLevel.examples.map((yaml) => parse(yaml)), [PAYLOADS.img, PAYLOADS.expression], 'its examples');
    assert.deepEqual(topLevel.defaults.map((yaml) => parse(yaml)), [PAYLOADS.iframe], 'its default');

    await assertNothingRan(watch, 'docs');
    await watch.context.close();
  });

  it('runs nothing when every copy button and field link is clicked', async () => {
    const watch = await open('docs');
    const {page} = watch;
    await openAllDetails(page);
    // The copy actions appear once the page runs.
    await pageReady(page);
    const buttons = page.locator('button.cfg__copy');
    const count = await buttons.count();
    assert.ok(count >= 2 * ALL_PAYLOADS.length, `copy buttons: ${count}`);
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      // What the button does: its accessible name ("Copy link to <path>", "Copy YAML of <path>"), whatever its short visible label.
      const action = (await button.getAttribute('aria-label')) ?? (await button.innerText());
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await button.click();
      // Copied: the button is marked for a moment.
      await page.waitForFunction((element) => element?.hasAttribute('data-copied'), await button.elementHandle(), {timeout: 5000});
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(/^Copy (link to|YAML of) ./.test(action), `a copy button says what it copies: ${action}`);
      if (/yaml/i.test(action)) {
        // The snippet is YAML whose keys lead to the field: nothing of a hostile key is lost or run.
        assert.doesNotThrow(() => parse(copied), `Copy YAML gives YAML: ${copied}`);
      } else {
        // The page's permanent address (the current release's own path, src/reference/urls.ts permalinkRoute) and an anchor.
        assert.match(copied, new RegExp(`^${server.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${permalinkRoute(CURRENT).slice(1).replace(/\./g, '\\.')}#[A-Za-z0-9_.~-]+$`), 'Copy link gives this page and an anchor');
      }
    }
    // The YAML of a field named with a payload has the payload as its key.
    const scriptField = page.locator('.cfg', {has: page.locator(':scope > :is(h2, h3, h4, h5, h6)', {hasText: PAYLOADS.script})}).first();
    await scriptField.locator(':scope > .cfg__actions > button[aria-label^="Copy YAML of "]').click();
    await page.waitForTimeout(100);
    const snippet = parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(snippet.xss), [PAYLOADS.script], 'Copy YAML of the <script> field');
    assert.equal(snippet.xss[PAYLOADS.script], PAYLOADS.script, 'with its default');

    // Every link to a field on the page: the table of contents.
    const links = page.locator('.table-of-contents a');
    const linkCount = await links.count();
    assert.ok(linkCount >= ALL_PAYLOADS.length, `field links: ${linkCount}`);
    for (let i = 0; i < linkCount; i++) {
      const link = links.nth(i);
      const href = await link.getAttribute('href');
      assert.match(href ?? '', /^#[A-Za-z0-9_.~-]+$/, 'a field link is an in-page anchor');
      await link.click();
      assert.equal(page.url(), `${server.origin}docs${href}`, 'the link only changes the hash');
    }
    console.log(`clicked ${count} copy buttons and ${linkCount} field links`);
    await assertNothingRan(watch, 'docs');
    await watch.context.close();
  });

  it('shows values.yaml with payload keys, values and comments as text on the default-values page; copying and following its keys runs nothing', async () => {
    const route = 'docs/defaults';
    const watch = await open(route);
    const {page} = watch;
    const valuesText = hostileValuesYaml(hostileChart().values);
    const shown = await page.locator('pre.defaults__file').evaluate((pre) => {
      const copy = pre.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.defaults__changed').forEach((mark) => mark.remove());
      return copy.textContent ?? '';
    });
    assert.equal(shown, valuesText, 'the file shows exactly as it is');
    const comments = await page.locator('.defaults__comment').allTextContents();
    for (const payload of ALL_PAYLOADS) {
      assert.ok(comments.some((comment) => comment.includes(payload)), `the comment ${JSON.stringify(payload)} is shown as a comment`);
    }
    const keys = await page.locator('a.defaults__key').evaluateAll((links) => links.map((link) => ({text: link.textContent ?? '', href: link.getAttribute('href') ?? ''})));
    assert.ok(keys.length > ALL_PAYLOADS.length, `the payload keys are links: ${keys.length}`);
    for (const key of keys) assert.match(key.href, /^\/docs#[A-Za-z0-9_.~-]+$/, `the key ${key.text} links to a field of the reference`);
    await assertNothingRan(watch, route);

    await page.getByRole('button', {name: 'Copy values.yaml'}).click();
    assert.deepEqual(parse(await clipboardText(page)), parse(valuesText), 'the copy is the values');
    for (const [i, key] of keys.entries()) {
      await page.locator('a.defaults__key').nth(i).click();
      await page.waitForURL((url) => `${url.pathname}${url.hash}` === key.href);
      const target = key.href.split('#')[1];
      // The route's page is loaded after the URL changes.
      await page.waitForFunction((id) => document.getElementById(id) !== null, target, {timeout: 10_000});
      await page.goBack();
      await page.waitForURL((url) => url.pathname.endsWith(`/${route}`));
    }
    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.console, []);
    assert.deepEqual(watch.popups, []);
    assert.equal(await page.evaluate(() => (window as {__pwned?: unknown}).__pwned), undefined);
    console.log(`followed ${keys.length} key links of the default-values page`);
    await watch.context.close();
  });

  it('writes Markdown twins and llms files that hold every payload as text and no raw HTML', () => {
    assert.notDeepEqual(htmlNodes(fromMarkdown(PAYLOADS.script)), [], 'control: raw HTML is noticed');
    const {index} = readIndexedFieldsSync(partialsDirOf(path.join(site!.dir, 'docs')));
    const version = index.version;
    const files = {
      twin: path.join(site!.buildDir, markdownTwinUrl('/docs')),
      full: path.join(site!.buildDir, llmsFullUrl(version, version)),
      index: path.join(site!.buildDir, LLMS_TXT),
    };
    const trees = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, parseMarkdownFile(file)]));
    for (const [name, tree] of Object.entries(trees)) {
      assert.deepEqual(htmlNodes(tree), [], `${name}: raw HTML`);
      for (const url of links(tree)) assert.ok(url.startsWith(`${TEST_SITE_URL}/`), `${name}: every link is to the site: ${url}`);
    }
    const paths = index.fields.map((record) => record.path);
    for (const name of ['twin', 'full'] as const) {
      // Field names hold the payloads too: each heading reads back as its path.
      assert.deepEqual(notExactlyOnce(fieldHeadings(trees[name]), paths), {duplicated: [], missing: [], unexpected: []}, `${name}: every field once`);
      const text = normalise(textOfMarkdown(trees[name]));
      for (const payload of ALL_PAYLOADS) {
        assert.ok(text.includes(normalise(asDescriptionText(payload))), `${name}: ${JSON.stringify(asDescriptionText(payload))} from a description as text`);
      }
    }
  });

  it('runs nothing when the search lists fields with payloads in their descriptions', async () => {
    const watch = await open('docs');
    const {page} = watch;
    const input = page.locator('.navbar input[type="search"], .navbar input').first();
    if ((await input.count()) === 0) {
      console.log('no search input in the navbar: skipped');
      await watch.context.close();
      return;
    }
    await input.click();
    await input.fill('pwned');
    await page.waitForTimeout(500);
    await input.fill('script');
    await page.waitForTimeout(500);
    const results = await page.locator('[role="listbox"], [role="option"]').allInnerTexts();
    assert.ok(results.join(' ').includes('window.__pwned'), `the search lists the hostile fields: ${results.join(' | ').slice(0, 300)}`);
    await assertNothingRan(watch, 'docs');
    await watch.context.close();
  });
});
