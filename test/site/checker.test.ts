/**
 * The config checker (/check) on the built site in headless Chromium: for
 * each documented release, a file with a typo, a wrong type, a deprecated
 * field, a Pro field and a default-equal value shows each finding on its
 * line, linked to a page that has the field; the minimal file; the upgrade
 * check; the share link; no request carries the config; keyboard-only use;
 * axe-core's WCAG A/AA rules; the checker's code loads on that page only.
 * The fields are picked from the release data the site publishes, the same
 * file the page reads; the releases are the manifest's sample.
 */
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {after, before, describe, test} from 'node:test';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {Document, parse, parseDocument, isMap, isPair, isScalar} from 'yaml';
import {sameDefault} from '../../src/reference/history';
import {parentPath, parsePath} from '../../src/reference/configPath';
import type {PublishedField} from '../../src/reference/published';
import {listedOn} from '../../src/reference/releases';
import {PUBLISHED_SCHEMA, RELEASES_URL, docsRoute, publishedUrl} from '../../src/reference/urls';
import {axeViolations} from '../support/axe';
import {launchChromium} from '../support/browser';
import {builtReleases, builtSite, projectRoot} from '../support/buildDir';
import {serveBuild, type StaticSite} from '../support/staticServer';
import {chartDir} from '../support/chart';
import {CURRENT, DOCUMENTED, LINE, OLDEST_DOCUMENTED, SAMPLE_DOCUMENTED} from '../support/versions';

const CHECKER = 'check';
/** Appears in every config the tests type: no request may carry it. */
const MARKER = 'marker-6c1f0e93';
const RESULTS = path.join(projectRoot, 'test-results');

const current = CURRENT;

/** A release's fields as the page reads them from the published release data. */
function published(version: string): {version: string; fields: PublishedField[]} {
  return {version, fields: builtReleases().fieldsOf(version)};
}

const keysOf = (field: PublishedField): string[] => parsePath(field.path).map((segment) => (segment.kind === 'property' ? segment.key : '?'));
const plain = (field: PublishedField): boolean => keysOf(field).every((key) => /^[A-Za-z][A-Za-z0-9]*$/u.test(key)) && field.route !== undefined;

/** The fields one release's test file sets, each a different section, picked from the release's data. */
function pickFields(data: {version: string; fields: PublishedField[]}) {
  const byPath = new Map(data.fields.map((field) => [field.path, field]));
  const ancestors = (field: PublishedField): PublishedField[] => {
    const found: PublishedField[] = [];
    for (let parent = parentPath(field.path); parent; parent = parentPath(parent)) found.push(byPath.get(parent)!);
    return found;
  };
  // Requirement and Pro facts add findings of their own (tested in test/checker/): the fields picked here have none.
  const factless = (field: PublishedField): boolean => !field.facts?.some((fact) => fact.kind === 'requires' || fact.kind === 'pro');
  const requirementless = (field: PublishedField): boolean => !field.facts?.some((fact) => fact.kind === 'requires');
  const ordinary = (field: PublishedField): boolean =>
    plain(field) && factless(field) && !field.pro && !field.deprecated && ancestors(field).every((above) => !above.pro && !above.deprecated && factless(above));
  const booleans = data.fields.filter((field) => field.type === 'boolean' && typeof field.default === 'boolean' && ordinary(field));
  const used = new Set<string>();
  const take = (candidates: PublishedField[], what: string): PublishedField => {
    const field = candidates.find((candidate) => !used.has(keysOf(candidate)[0]));
    assert.ok(field, `${data.version}: a field for ${what}`);
    used.add(keysOf(field)[0]);
    return field;
  };
  return {
    typo: take(booleans.filter((field) => keysOf(field).length >= 3), 'a typo'),
    wrongType: take(booleans, 'a wrong type'),
    deprecated: take(data.fields.filter((field) => field.deprecated && field.type === 'string' && plain(field)), 'a deprecated field'),
    pro: take(data.fields.filter((field) => field.pro && !field.proWhen && field.type === 'boolean' && field.default === false && plain(field) && requirementless(field) && ancestors(field).every((above) => !above.pro)), 'a Pro field'),
    default: take(booleans, 'a default-equal value'),
  };
}

/** A key with one letter swapped, which no sibling has. */
function misspelt(key: string): string {
  return `${key.slice(0, -2)}${key.at(-1)}${key.at(-2)}`;
}

/** The 1-based line of the key at `keys` in a YAML text. */
function lineOfKey(text: string, keys: readonly string[]): number {
  let node: unknown = parseDocument(text).contents;
  let offset = -1;
  for (const key of keys) {
    const pair = isMap(node) ? node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key) : undefined;
    assert.ok(pair && isScalar(pair.key), `${keys.join('.')} is in the text`);
    offset = pair.key.range![0];
    node = pair.value;
  }
  return text.slice(0, offset).split('\n').length;
}

interface CheckerPage {
  page: Page;
  requests: string[];
  /** The page's own scripts and its workers' (not the chunks prefetched for links), below the site's base path. */
  scripts: string[];
}

describe('the config checker in a browser', () => {
  let site: StaticSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Every request of every page the tests open: URL and body. */
  const requests: string[] = [];

  before(async () => {
    site = await serveBuild(builtSite());
    browser = await launchChromium();
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
  });

  async function open(route: string, options: {colorScheme?: 'light' | 'dark'; width?: number} = {}): Promise<CheckerPage> {
    const context = await browser.newContext({viewport: {width: options.width ?? 1280, height: 900}, colorScheme: options.colorScheme ?? 'light', permissions: ['clipboard-read', 'clipboard-write']});
    contexts.push(context);
    const page = await context.newPage();
    const own: string[] = [];
    const scripts: string[] = [];
    page.on('request', (request) => {
      const line = `${request.method()} ${request.url()} ${request.postData() ?? ''}`;
      own.push(line);
      requests.push(line);
      const headers = request.headers();
      // The page's scripts, and the worker's (which it loads as `other`); not the chunks prefetched for links.
      const isScript = request.resourceType() === 'script' || (request.resourceType() === 'other' && /\.js$/u.test(new URL(request.url()).pathname));
      if (isScript && !/prefetch/u.test(headers['sec-purpose'] ?? headers.purpose ?? '')) scripts.push(new URL(request.url()).pathname.slice(new URL(site.origin).pathname.length));
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${site.origin}${route}`, {waitUntil: 'load'});
    (page as Page & {errors?: string[]}).errors = errors;
    return {page, requests: own, scripts};
  }

  const checked = (page: Page, version: string, text: string) => page.locator(`section[data-checked="${version}:${text.length}"]`).waitFor({timeout: 30_000});

  async function load(page: Page, version: string, text: string): Promise<void> {
    await page.locator('.cm-content').waitFor();
    await page.selectOption('[data-testid="checker-release"]', version);
    await page.locator('input[type="file"]').setInputFiles({name: 'vcluster.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text)});
    await checked(page, version, text);
  }

  /** Findings as the list shows them: kind, line, severity text, message and links. */
  const findingsOf = (page: Page) =>
    page.locator('li[data-kind]').evaluateAll((items) =>
      items.map((item) => ({
        kind: item.getAttribute('data-kind')!,
        line: Number(item.getAttribute('data-line')),
        head: item.querySelector('button')!.textContent!,
        severity: item.querySelector('button + span')!.textContent!,
        message: item.querySelector('p')!.textContent!,
        links: [...item.querySelectorAll('a[data-field-link]')].map((link) => ({anchor: link.getAttribute('data-field-link')!, href: (link as HTMLAnchorElement).href})),
      })),
    );

  async function assertLandsOnField(href: string, anchor: string): Promise<void> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(href, {waitUntil: 'load'});
    assert.equal(response?.status(), 200, href);
    assert.equal(new URL(href).hash, `#${anchor}`);
    assert.equal(await page.locator(`[id="${anchor}"]`).count(), 1, `${href} has the field`);
    await context.close();
  }

  for (const version of SAMPLE_DOCUMENTED) {
    test(`${version}: a typo, a wrong type, a deprecated, a Pro and a default-equal field, each on its line with a link that lands on the field; the minimal file`, async () => {
      const data = published(version);
      const picked = pickFields(data);
      const doc = new Document({});
      const typoKeys = [...keysOf(picked.typo).slice(0, -1), misspelt(keysOf(picked.typo).at(-1)!)];
      doc.setIn(typoKeys, !picked.typo.default);
      doc.setIn(keysOf(picked.wrongType), 'yes');
      doc.setIn(keysOf(picked.deprecated), MARKER);
      doc.setIn(keysOf(picked.pro), true);
      doc.setIn(keysOf(picked.default), picked.default.default);
      const text = doc.toString();
      const {page} = await open(`${CHECKER}?version=${version}`);
      await load(page, version, text);
      const findings = await findingsOf(page);
      const expected = [
        {kind: 'unknown key', severity: 'error', keys: typoKeys, anchor: picked.typo.anchor},
        {kind: 'schema', severity: 'error', keys: keysOf(picked.wrongType), anchor: picked.wrongType.anchor},
        {kind: 'deprecated', severity: 'warning', keys: keysOf(picked.deprecated), anchor: picked.deprecated.anchor},
        {kind: 'pro', severity: 'note', keys: keysOf(picked.pro), anchor: picked.pro.anchor},
        {kind: 'default value', severity: 'note', keys: keysOf(picked.default), anchor: picked.default.anchor},
      ];
      assert.equal(findings.length, expected.length, JSON.stringify(findings, null, 1));
      for (const want of expected) {
        const line = lineOfKey(text, want.keys);
        const found = findings.find((finding) => finding.kind === want.kind);
        assert.ok(found, `${version}: a ${want.kind} finding`);
        assert.equal(found.line, line, `${version}: ${want.kind} on line ${line}`);
        assert.match(found.head, new RegExp(`^Line ${line}, column \\d+$`, 'u'));
        assert.equal(found.severity, want.severity);
        const link = found.links.find((candidate) => candidate.anchor === want.anchor);
        assert.ok(link, `${version}: the ${want.kind} finding links to #${want.anchor}: ${JSON.stringify(found.links)}`);
        await assertLandsOnField(link.href, want.anchor);
      }
      // The lint gutter marks the lines.
      assert.equal(await page.locator('.cm-gutter-lint .cm-lint-marker').count(), expected.length);
      // The minimal file drops exactly the default-equal value (and the maps it leaves empty).
      const minimal = parse(await page.locator('[data-testid="checker-minimal-text"]').textContent() ?? '') as unknown;
      const without = new Document(parse(text));
      without.deleteIn(keysOf(picked.default));
      for (let keys = keysOf(picked.default).slice(0, -1); keys.length; keys = keys.slice(0, -1)) {
        const parent = without.getIn(keys) as {items?: unknown[]} | undefined;
        if (parent?.items?.length === 0) without.deleteIn(keys);
      }
      assert.deepEqual(minimal, without.toJS());
      assert.deepEqual((page as Page & {errors?: string[]}).errors, []);
    });
  }

  test(`the first finding needs the release data and the release's schema: two requests, whatever the number of releases`, async () => {
    for (const version of SAMPLE_DOCUMENTED) {
      const {page, requests: own} = await open(`${CHECKER}?version=${version}`);
      await page.locator(`[data-checked="${version}:0"]`).waitFor({timeout: 30_000});
      const text = `sync:\n  toHost:\n    pods:\n      enabld: true # ${MARKER}\n`;
      await load(page, version, text);
      const data = own.map((line) => new URL(line.split(' ')[1]).pathname).filter((pathname) => pathname.endsWith('.json'));
      const base = new URL(site.origin).pathname.replace(/\/$/u, '');
      assert.deepEqual(data.sort(), [`${base}${RELEASES_URL}`, `${base}${publishedUrl(version, PUBLISHED_SCHEMA)}`].sort(), `${version}: ${data.join(', ')}`);
      await page.context().close();
    }
    console.log(`checker data requests: 2 for a line of ${LINE.releases.length} releases`);
  });

  test('the upgrade check from the oldest documented release to the current one lists a removed key and a changed default the file does not set, linked to what changed', async () => {
    const from = published(OLDEST_DOCUMENTED);
    const to = new Map(published(CURRENT).fields.map((field) => [field.path, field]));
    const changedIn = (path: string): string[] =>
      builtReleases()
        .fieldsOf(CURRENT)
        .find((field) => field.path === path)!
        .defaultChanges!.map((change) => change.version)
        .filter((version) => LINE.releases.indexOf(version) > LINE.releases.indexOf(OLDEST_DOCUMENTED) && LINE.releases.indexOf(version) <= LINE.releases.indexOf(CURRENT));
    const leaves = from.fields.filter((field) => field.default !== undefined && plain(field));
    // A key removed on its own: the check names the top-most removed key of a branch, so its parent stays.
    const removed = leaves.find((field) => !to.has(field.path) && [parentPath(field.path)].every((parent) => parent === undefined || to.has(parent)));
    // A default whose change a documented what-changed page lists.
    const changed = leaves.find((field) => to.has(field.path) && !sameDefault(field.default, to.get(field.path)!.default) && !(removed && field.path.startsWith(removed.path)) && changedIn(field.path).some((version) => listedOn(LINE, version)));
    assert.ok(removed && changed, 'the releases differ');
    const doc = new Document({});
    doc.setIn(keysOf(removed), removed.default);
    doc.setIn(['controlPlane', 'proxy', 'extraSANs'], [MARKER]);
    const text = doc.toString();
    const {page} = await open(CHECKER);
    await load(page, OLDEST_DOCUMENTED, text);
    await page.selectOption('[data-testid="checker-upgrade-target"]', CURRENT);
    // The check names the outermost key the target lacks (its keys below go with it).
    const removedKeys = keysOf(removed);
    const outermost = removedKeys.findIndex((_, i) => !to.has(removedKeys.slice(0, i + 1).join('.')));
    const top = from.fields.find((field) => field.path === removedKeys.slice(0, outermost + 1).join('.'))!;
    const removedItem = page.locator(`[data-testid="checker-upgrade-removed"] li[data-path="${top.path}"]`);
    await removedItem.waitFor();
    assert.match((await removedItem.textContent())!, new RegExp(`\\(line ${lineOfKey(text, keysOf(top))}\\): removed in ${top.removedIn!.replace(/\./gu, '\\.')}`, 'u'));
    const changedItem = page.locator(`[data-testid="checker-upgrade-defaults"] li[data-path="${changed.path}"]`);
    assert.equal(await changedItem.count(), 1, `${changed.path} is listed`);
    const whatChanged = changedItem.locator('a', {hasText: 'what changed in'});
    const href = await whatChanged.first().getAttribute('href');
    const listedIn = (await whatChanged.first().textContent())!.replace('what changed in ', '');
    assert.ok(DOCUMENTED.includes(listedIn));
    assert.equal(new URL(href!, site.origin).pathname, `${new URL(site.origin).pathname.replace(/\/$/u, '')}${docsRoute(listedIn, current, 'changes')}`);
    const context = await browser.newContext();
    contexts.push(context);
    const changesPage = await context.newPage();
    assert.equal((await changesPage.goto(new URL(href!, site.origin).href))?.status(), 200);
    assert.match((await changesPage.locator('main').textContent())!, new RegExp(changed.path.replace(/\./gu, '\\.'), 'u'));
    // The link lands on the field's own entry of that page.
    const entry = decodeURIComponent(new URL(href!, site.origin).hash.slice(1));
    assert.equal(entry, `default-${to.get(changed.path)!.anchor}`);
    assert.equal(await changesPage.locator(`[id="${entry}"]`).count(), 1, `${entry} is on the page`);
  });

  test('the share link restores the release, the file and the findings in a new page; it lives in the fragment', async () => {
    const text = `sync:\n  toHost:\n    pods:\n      enabld: true\n# ${MARKER}\n`;
    const {page} = await open(CHECKER);
    await load(page, OLDEST_DOCUMENTED, text);
    const before = await findingsOf(page);
    await page.getByRole('button', {name: 'Copy share link'}).click();
    const link = await page.locator('[data-testid="checker-share-link"]').inputValue();
    const url = new URL(link);
    assert.equal(url.search, '');
    assert.match(url.hash, /^#config=[A-Za-z0-9_-]+$/u);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    const restored = await open(`${CHECKER}${url.hash}`);
    await checked(restored.page, OLDEST_DOCUMENTED, text);
    assert.equal(await restored.page.locator('[data-testid="checker-release"]').inputValue(), OLDEST_DOCUMENTED);
    assert.equal(await restored.page.locator('.cm-content').evaluate((content) => [...content.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n')), text.replace(/\n$/u, '\n'));
    assert.deepEqual(await findingsOf(restored.page), before);
    for (const request of restored.requests) assert.ok(!request.includes(url.hash.slice(1)), `no request carries the share state: ${request}`);
  });

  test('keyboard only: Tab into the editor, type, Esc and Tab out to the findings, Enter on a finding puts the cursor there', async () => {
    const {page} = await open(`${CHECKER}?version=${current}`);
    await page.locator('section[data-checked]').and(page.locator(`[data-checked="${current}:0"]`)).waitFor();
    let inEditor = false;
    for (let i = 0; i < 40 && !inEditor; i++) {
      await page.keyboard.press('Tab');
      inEditor = await page.evaluate(() => document.activeElement?.classList.contains('cm-content') ?? false);
    }
    assert.ok(inEditor, 'Tab reaches the editor');
    assert.match((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '', /vcluster\.yaml/u);
    const text = `sync: {toHost: {pods: {enabld: true}}} # ${MARKER}`;
    await page.keyboard.type(text);
    await checked(page, current, text);
    // Tab indents inside the editor...
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), true);
    await page.keyboard.press('Shift+Tab');
    // ... and Escape, then Tab, moves on, to the first finding.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.match(focused ?? '', /^Line 1, column 24$/u);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), true);
    const column = await page.evaluate(() => {
      const selection = window.getSelection()!;
      const range = document.createRange();
      range.setStart(document.querySelector('.cm-line')!, 0);
      range.setEnd(selection.focusNode!, selection.focusOffset);
      return range.toString().length + 1;
    });
    assert.equal(column, 24);
  });

  test('paste to findings on the current release, for a small file and for the chart\'s whole values.yaml: measured', async () => {
    const {page} = await open(`${CHECKER}?version=${current}`);
    await page.locator(`[data-checked="${current}:0"]`).waitFor({timeout: 30_000});
    const example = /```yaml title="vcluster.yaml"\n([\s\S]*?)```/u.exec(readFileSync(path.join(projectRoot, 'docs/index.mdx'), 'utf8'))![1];
    const files = {overviewExample: `${example}snyc:\n  toHost: {}\n`, valuesYaml: readFileSync(path.join(chartDir(current), 'values.yaml'), 'utf8')};
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const timing: Record<string, unknown> = {version: current};
    for (const [name, base] of Object.entries(files)) {
      const runs: number[] = [];
      const findings: number[] = [];
      for (let run = 0; run < 7; run++) {
        // Each run's text has its own length, which the findings section names once it has checked it.
        const text = `${base}# ${MARKER} ${'x'.repeat(run + 1)}\n`;
        await page.locator('.cm-content').focus();
        await page.keyboard.press('Control+A');
        const measured = await page.evaluate(async ([pasted, version]) => {
          const content = document.querySelector('.cm-content') as HTMLElement;
          const data = new DataTransfer();
          data.setData('text/plain', pasted);
          const section = document.querySelector('section[data-checked]')!;
          const started = performance.now();
          content.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
          const deadline = started + 30_000;
          while (section.getAttribute('data-checked') !== `${version}:${pasted.length}`) {
            if (performance.now() > deadline) throw new Error(`no findings for the pasted text: ${section.getAttribute('data-checked')}`);
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          return {ms: performance.now() - started, findings: section.querySelectorAll('li[data-kind]').length};
        }, [text, current] as const);
        runs.push(measured.ms);
        findings.push(measured.findings);
      }
      assert.ok(findings.every((count) => count > 0), `${name}: findings shown`);
      const checks = await page.evaluate(() => performance.getEntriesByName('config-checker check').map((entry) => entry.duration));
      timing[name] = {lines: base.split('\n').length, findings: findings[0], pasteToFindingsMs: runs.map((ms) => Math.round(ms)), pasteToFindingsMedianMs: Math.round(median(runs)), checkMedianMs: Math.round(median(checks.slice(-runs.length)) * 10) / 10};
    }
    mkdirSync(RESULTS, {recursive: true});
    writeFileSync(path.join(RESULTS, 'checker-timing.json'), `${JSON.stringify(timing, null, 1)}\n`);
    console.log(`checker: ${JSON.stringify(timing)}`);
  });

  test('the checker code and data load on its page only: /docs/sync loads none of it', async () => {
    const scriptsOf = async (route: string): Promise<string[]> => {
      const {page, scripts} = await open(route);
      await page.waitForLoadState('networkidle');
      if (route.startsWith(CHECKER)) await page.locator(`[data-checked="${current}:0"]`).waitFor({timeout: 30_000});
      await page.context().close();
      return [...new Set(scripts)];
    };
    const measure = (files: string[]) => {
      const bodies = files.map((file) => readFileSync(path.join(builtSite(), file)));
      return {files: files.length, bytes: bodies.reduce((sum, body) => sum + body.length, 0), gzipped: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0)};
    };
    const sync = await scriptsOf('docs/sync');
    const checker = await scriptsOf(CHECKER);
    const checkerOnly = checker.filter((file) => !sync.includes(file));
    // CodeMirror's and Ajv's code, by strings only they contain.
    const markers = ['cm-lintRange', 'must NOT have additional properties'];
    for (const file of sync) {
      const body = readFileSync(path.join(builtSite(), file), 'utf8');
      for (const marker of markers) assert.ok(!body.includes(marker), `/docs/sync loads ${file}, which holds "${marker}"`);
    }
    const checkerCode = checkerOnly.map((file) => readFileSync(path.join(builtSite(), file), 'utf8')).join('\n');
    for (const marker of markers) assert.ok(checkerCode.includes(marker), `the checker page loads "${marker}"`);
    const bench = {docsSync: measure(sync), checker: measure(checker), checkerOnly: measure(checkerOnly)};
    mkdirSync(RESULTS, {recursive: true});
    writeFileSync(path.join(RESULTS, 'checker-js.json'), `${JSON.stringify({...bench, syncFiles: sync, checkerFiles: checker}, null, 1)}\n`);
    console.log(`checker JS: ${JSON.stringify(bench)}`);
  });

  test('reachable from the navbar and from each version\'s overview, which sets the release', async () => {
    const {page} = await open('docs/sync');
    await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Check a config'}).click();
    await page.waitForURL(/\/check$/u);
    await page.locator(`[data-checked="${current}:0"]`).waitFor({timeout: 30_000});
    for (const version of SAMPLE_DOCUMENTED) {
      const overview = await open(docsRoute(version, current).slice(1));
      const link = overview.page.getByRole('link', {name: `Check your own vcluster.yaml against ${version}`});
      await link.click();
      await overview.page.waitForURL(new RegExp(`/check\\?version=${version.replace(/\./gu, '\\.')}$`, 'u'));
      await overview.page.locator(`[data-checked="${version}:0"]`).waitFor({timeout: 30_000});
      assert.equal(await overview.page.locator('[data-testid="checker-release"]').inputValue(), version);
      await overview.page.context().close();
    }
  });

  test('axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation in the checker with a long file loaded (the editor and the findings scroll), light and dark, at 1280 and 390 px', async () => {
    // The release's whole values.yaml, with problems of every kind after it: hundreds of findings, and an editor that scrolls.
    const text = `${readFileSync(path.join(chartDir(OLDEST_DOCUMENTED), 'values.yaml'), 'utf8')}\n# ${MARKER}\nserviceCIDR: 10.96.0.0/12\n`;
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const {page} = await open(CHECKER, {colorScheme, width});
        await load(page, OLDEST_DOCUMENTED, text);
        assert.ok(await page.locator('.cm-scroller').evaluate((scroller) => scroller.scrollHeight > scroller.clientHeight), 'the editor scrolls');
        assert.ok((await page.locator('li[data-kind]').count()) > 50, 'many findings');
        await page.getByRole('button', {name: 'Copy share link'}).click();
        await page.locator('[data-testid="checker-share-link"]').waitFor();
        violations.push(...(await axeViolations(page, 'main', `${colorScheme} ${width}px`)));
        await page.context().close();
      }
    }
    assert.deepEqual(violations, []);
  });

  test('no request of any page the tests opened carried the config', () => {
    assert.ok(requests.length > 20, 'requests were recorded');
    const carrying = requests.filter((request) => request.includes(MARKER) || request.includes(encodeURIComponent(MARKER)));
    assert.deepEqual(carrying, []);
    // Only the site's own files: no request leaves the static server.
    assert.deepEqual(requests.filter((request) => !request.split(' ')[1].startsWith(site.origin.replace(/\/[^/]*$/u, '/'))), []);
  });
});
