/**
 * The whole-file upgrade in the config checker (/check) on the built site in
 * headless Chromium: from the oldest release of the line to the current one,
 * with a file made of the curated moves' own examples (chosen from the
 * published moves data: a move the engine makes and one it leaves to the
 * reader), the page shows the upgraded file, the line diff, the manual step
 * and the Pro verdict the engine gives for that file; an earlier target is
 * refused; a share link keeps the upgrade, and one naming an unknown release
 * says so; a values file of the charts before 0.20 asks for its distro;
 * keyboard-only use;
 * axe-core on the result, light and dark, at 1280 and 390 px; the time from
 * clicking Upgrade to the result for a 1,000-line file, written to
 * test-results/checker-upgrade-timing.json (measured, not asserted).
 */
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import type {Page} from 'playwright-core';
import {Document, parse} from 'yaml';
import {checkerRelease} from '../../src/checker/release';
import {LEGACY_RELEASE, upgradeConfig, type UpgradeResult} from '../../src/checker/upgradeConfig';
import {encodeShare} from '../../src/checker/share';
import type {MovesData} from '../../src/reference/moves';
import {MOVES_URL} from '../../src/reference/urls';
import {builtReleases, builtSite, projectRoot} from '../support/buildDir';
import {chartDir} from '../support/chart';
import {axeViolations} from '../support/axe';
import {builtSiteInBrowser} from '../support/siteSession';
import {CURRENT, LINE} from '../support/versions';

const CHECKER = 'check';
const OLDEST = LINE.releases[0];
const RESULTS = path.join(projectRoot, 'test-results');
/** Appears in every file the tests upgrade: no request may carry it. */
const MARKER = 'marker-5b2d81c4';

function builtMoves(): MovesData {
  return JSON.parse(readFileSync(path.join(builtSite(), MOVES_URL), 'utf8')) as MovesData;
}

/** The leaf paths of a YAML map (maps only; a list or a scalar is a leaf). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.keys(value).length) return prefix ? [prefix] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

function deepMerge(a: unknown, b: unknown): unknown {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = {...(a as Record<string, unknown>)};
    for (const [key, value] of Object.entries(b as Record<string, unknown>)) out[key] = key in out ? deepMerge(out[key], value) : value;
    return out;
  }
  return b;
}

interface Picked {
  text: string;
  expected: UpgradeResult;
  mechanical: string;
  manual: string;
}

/**
 * A file for an upgrade from the oldest release to the current one: the
 * example of a move the engine makes and the example of one it leaves to the
 * reader, each written only in keys the oldest release has; a pair whose
 * result needs vCluster Pro first, when there is one.
 */
function pickFile(): Picked {
  const line = builtReleases();
  const moves = builtMoves();
  const oldest = checkerRelease(line, OLDEST);
  const sources = {line, moves};
  const inOldest = (text: string): boolean => leafPaths(parse(text)).every((key) => oldest.resolver.resolve(key).found);
  const usable = moves.moves.filter((move) => move.example && inOldest(move.example.before));
  const outcome = (text: string): UpgradeResult | undefined => {
    try {
      return upgradeConfig({text, from: OLDEST, to: CURRENT}, sources);
    } catch {
      return undefined;
    }
  };
  const mechanical = usable.filter((move) => move.to && !move.manual && outcome(move.example!.before)?.steps.some((step) => step.id === move.id && step.status === 'applied'));
  const manual = usable.filter((move) => outcome(move.example!.before)?.steps.some((step) => step.id === move.id && step.manual));
  assert.ok(mechanical.length && manual.length, `moves the engine makes (${mechanical.length}) and leaves to the reader (${manual.length}) from ${OLDEST}`);
  let fallback: Picked | undefined;
  for (const made of mechanical) {
    for (const left of manual) {
      if (left.id === made.id) continue;
      const data = deepMerge(parse(made.example!.before), parse(left.example!.before));
      const text = `# ${MARKER}\n${new Document(data).toString()}`;
      const expected = outcome(text);
      if (!expected?.steps.some((step) => step.id === made.id && step.status === 'applied') || !expected.steps.some((step) => step.id === left.id && step.manual)) continue;
      const picked = {text, expected, mechanical: made.id, manual: left.id};
      if (expected.pro.needsPro) return picked;
      fallback ??= picked;
    }
  }
  assert.ok(fallback, 'a pair of moves whose examples go together');
  // No pair needs Pro: add a key the current release marks Pro, which the oldest has and no move touches.
  const touched = moves.moves.flatMap((move) => [...move.from, ...(move.to ? [move.to] : []), ...(move.targets ?? []).flatMap((part) => [part.from, part.to])]);
  const near = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  for (const field of line.fieldsOf(CURRENT)) {
    if (!field.pro || field.proWhen || field.type !== 'boolean' || field.default !== false || !/^[A-Za-z.]+$/u.test(field.path)) continue;
    if (!oldest.resolver.resolve(field.path).found || touched.some((path) => near(path, field.path))) continue;
    const doc = new Document(parse(fallback.text.replace(/^# .*\n/u, '')));
    doc.setIn(field.path.split('.'), true);
    const text = `# ${MARKER}\n${doc.toString()}`;
    const expected = outcome(text);
    if (expected?.pro.needsPro && expected.steps.some((step) => step.id === fallback!.manual && step.manual) && expected.steps.some((step) => step.id === fallback!.mechanical)) return {...fallback, text, expected};
  }
  return fallback;
}

describe('the whole-file upgrade in the config checker, in a browser', () => {
  const session = builtSiteInBrowser();
  const requests: string[] = [];

  async function open(route: string, options: {colorScheme?: 'light' | 'dark'; width?: number} = {}): Promise<Page & {errors: string[]}> {
    const context = await session.browser().newContext({viewport: {width: options.width ?? 1280, height: 900}, colorScheme: options.colorScheme ?? 'light', permissions: ['clipboard-read', 'clipboard-write']});
    const page = (await context.newPage()) as Page & {errors: string[]};
    page.errors = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
    page.on('pageerror', (error) => page.errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && page.errors.push(message.text()));
    await page.goto(`${session.site().origin}${route}`, {waitUntil: 'load'});
    // A share link's page checks the link's file at once; any other starts with an empty editor.
    if (!route.includes('#')) await page.locator(`section[data-checked="${CURRENT}:0"]`).waitFor({timeout: 30_000});
    return page;
  }

  async function load(page: Page, text: string): Promise<void> {
    await page.locator('input[type="file"]').setInputFiles({name: 'vcluster.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text)});
    await page.locator(`section[data-checked="${CURRENT}:${text.length}"]`).waitFor({timeout: 30_000});
  }

  async function upgrade(page: Page, text: string, from: string, to: string): Promise<void> {
    await page.locator('[data-testid="checker-upgrade-from"]:not([disabled])').waitFor();
    await page.selectOption('[data-testid="checker-upgrade-from"]', from);
    await page.selectOption('[data-testid="checker-upgrade-to"]', to);
    await page.locator('[data-testid="checker-upgrade-run"]').click();
    await page.locator(`[data-upgraded="${from}:${to}:${text.length}"]`).waitFor({timeout: 60_000});
  }

  const upgradedText = (page: Page) => page.locator('[data-testid="checker-upgraded-text"]').textContent();

  test('from the oldest release of the line to the current one: the upgraded file, the diff, a manual step and the Pro verdict, as the engine gives them', async () => {
    const picked = pickFile();
    const {expected} = picked;
    const page = await open(CHECKER);
    await load(page, picked.text);
    await upgrade(page, picked.text, OLDEST, CURRENT);
    assert.equal(await upgradedText(page), expected.text);
    // The diff: every changed line, each said in words as well as marked.
    const rows = await page.locator('[data-testid="checker-upgrade-diff"] tbody tr[data-op]').evaluateAll((items) => items.map((item) => ({op: item.getAttribute('data-op')!, cells: [...item.querySelectorAll('td')].map((cell) => cell.textContent ?? '')})));
    const changed = expected.diff.filter((line) => line.op !== 'same');
    assert.deepEqual(
      rows.filter((row) => row.op !== 'same').map((row) => [row.op, row.cells[3]]),
      changed.map((line) => [line.op, line.text || ' ']),
    );
    for (const row of rows) if (row.op !== 'same') assert.match(row.cells[2], new RegExp(row.op, 'u'), 'the change is said in words');
    // The step the engine made, and the one it left to the reader, on its line, with its links.
    assert.equal(await page.locator(`[data-testid="checker-upgrade-applied"] li[data-step="${picked.mechanical}"]`).count() > 0, true, `${picked.mechanical} is listed as made`);
    const step = expected.steps.find((candidate) => candidate.id === picked.manual && candidate.manual)!;
    const item = page.locator(`[data-testid="checker-upgrade-manual"] li[data-step="${picked.manual}"]`).first();
    assert.equal(await item.count(), 1, `${picked.manual} is listed for the reader`);
    if (step.line !== undefined) assert.equal(await item.getByRole('button').first().textContent(), `Line ${step.line}`);
    const itemText = (await item.textContent()) ?? '';
    for (const reason of step.reasons) assert.ok(itemText.includes(reason.replace(/`/gu, '')), `the reason: ${reason}`);
    if (step.links.guide) {
      const href = await item.locator('a', {hasText: "the upgrade guide's entry"}).getAttribute('href');
      const guide = await (await session.browser().newContext()).newPage();
      assert.equal((await guide.goto(new URL(href!, session.site().origin).href))?.status(), 200);
      assert.equal(await guide.locator(`[id="${step.links.guide.anchor}"]`).count(), 1, `the guide has ${step.links.guide.anchor}`);
      await guide.context().close();
    }
    // The Pro verdict, with each key and its condition.
    const pro = page.locator('[data-testid="checker-upgrade-pro"]');
    assert.equal(await pro.getAttribute('data-needs-pro'), expected.pro.needsPro ? 'yes' : 'no');
    assert.match((await pro.textContent())!, expected.pro.needsPro ? /^Yes/u : /^No/u);
    for (const key of expected.pro.keys) {
      const listed = page.locator(`[data-testid="checker-upgrade-pro-keys"] li[data-path="${key.path}"]`);
      assert.equal(await listed.count(), 1, `${key.path} is listed as Pro`);
      assert.ok((await listed.textContent())!.includes(key.condition.replace(/`/gu, '')));
    }
    assert.match((await page.locator('[data-testid="checker-upgrade-status"]').textContent())!, new RegExp(`^Upgraded from ${OLDEST.replace(/\./gu, '\\.')} to ${CURRENT.replace(/\./gu, '\\.')}`, 'u'));
    assert.deepEqual(page.errors, []);
    console.log(`upgrade ${OLDEST} → ${CURRENT}: moves ${picked.mechanical} (made) and ${picked.manual} (for the reader); needs Pro: ${expected.pro.needsPro}`);
  });

  test('keyboard only: the releases, Upgrade with Enter, then Tab to the result\'s Copy and the upgraded file\'s region; a manual step\'s line puts the cursor there', async () => {
    const picked = pickFile();
    const page = await open(CHECKER);
    await load(page, picked.text);
    await page.locator('[data-testid="checker-upgrade-from"]:not([disabled])').waitFor();
    await page.locator('[data-testid="checker-upgrade-from"]').focus();
    // The releases are listed newest first, "before 0.20" last: End, then one up, is the oldest release.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.locator('[data-testid="checker-upgrade-from"]').inputValue(), OLDEST);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'checker-upgrade-to');
    await page.keyboard.press('Home');
    assert.equal(await page.locator('[data-testid="checker-upgrade-to"]').inputValue(), LINE.releases.at(-1));
    await page.selectOption('[data-testid="checker-upgrade-to"]', CURRENT);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'checker-upgrade-run');
    await page.keyboard.press('Enter');
    await page.locator(`[data-upgraded="${OLDEST}:${CURRENT}:${picked.text.length}"]`).waitFor({timeout: 60_000});
    const reached: string[] = [];
    for (let i = 0; i < 6 && !reached.includes('region'); i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? ''));
    }
    assert.deepEqual(reached.slice(0, 3), ['checker-upgraded-copy', 'checker-upgraded-download', 'region'], 'Copy, Download, then the upgraded file');
    const step = picked.expected.steps.find((candidate) => candidate.id === picked.manual && candidate.line !== undefined);
    if (step) {
      await page.locator(`[data-testid="checker-upgrade-manual"] li[data-step="${picked.manual}"] button`).first().focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), true, 'the editor has the focus');
      const line = await page.evaluate(() => {
        const selection = window.getSelection()!;
        const lines = [...document.querySelectorAll('.cm-line')];
        return lines.findIndex((candidate) => candidate.contains(selection.focusNode)) + 1;
      });
      assert.equal(line, step.line);
    }
  });

  test('a target earlier than the file\'s release is refused with a message, and Upgrade moves the focus to it', async () => {
    const page = await open(CHECKER);
    const text = `# ${MARKER}\n`;
    await load(page, text);
    await page.locator('[data-testid="checker-upgrade-from"]:not([disabled])').waitFor();
    await page.selectOption('[data-testid="checker-upgrade-from"]', CURRENT);
    await page.selectOption('[data-testid="checker-upgrade-to"]', OLDEST);
    assert.match((await page.locator('[data-testid="checker-upgrade-problem"]').textContent())!, /older than .*an upgrade goes to a later release/u);
    await page.locator('[data-testid="checker-upgrade-run"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'checker-upgrade-to');
    assert.equal(await page.locator('[data-testid="checker-upgrade-result"]').getAttribute('data-upgraded'), '');
  });

  test('the share link keeps the upgrade\'s releases and runs it; a link naming an unknown release says so', async () => {
    const picked = pickFile();
    const page = await open(CHECKER);
    await load(page, picked.text);
    await upgrade(page, picked.text, OLDEST, CURRENT);
    // The whole file, secret-looking values included (the moves' examples hold made-up ones).
    const leaveOut = page.locator('[data-testid="checker-leave-out-secrets"]');
    if (await leaveOut.count()) await leaveOut.uncheck();
    await page.getByRole('button', {name: 'Copy share link'}).click();
    const link = new URL(await page.locator('[data-testid="checker-share-link"]').inputValue());
    const restored = await open(`${CHECKER}${link.hash}`);
    await restored
      .locator(`[data-upgraded="${OLDEST}:${CURRENT}:${picked.text.length}"]`)
      .waitFor({timeout: 60_000})
      .catch(async (error: Error) => {
        const state = await restored.evaluate(() => [...document.querySelectorAll('[data-testid^="checker-upgrade"]')].map((element) => `${element.getAttribute('data-testid')}: ${(element as HTMLElement).innerText?.slice(0, 200)} ${element.getAttribute('data-upgraded') ?? ''}`));
        throw new Error(`${error.message}\n${state.join('\n')}`);
      });
    assert.equal(await upgradedText(restored), picked.expected.text);
    const unknown = `${CURRENT}-unknown`;
    const fragment = await encodeShare({version: CURRENT, text: picked.text, upgradeFrom: OLDEST, upgradeTo: unknown});
    const bad = await open(`${CHECKER}#${fragment}`);
    const notice = bad.locator('[data-testid="checker-upgrade-link-notice"]');
    await notice.waitFor();
    assert.match((await notice.textContent())!, new RegExp(`"${unknown.replace(/\./gu, '\\.')}", which is not a release this site knows`, 'u'));
    assert.equal(await bad.locator('[data-testid="checker-upgrade-result"]').getAttribute('data-upgraded'), '');
  });

  test('a values file of the charts before 0.20 asks for its distro, then converts and upgrades', async () => {
    const dir = path.join(projectRoot, 'test/fixtures/legacy-convert/load-testing');
    const [name] = readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort();
    const distro = name.replace(/[-.].*$/u, '');
    const text = `# ${MARKER}\n${readFileSync(path.join(dir, name), 'utf8')}`;
    const page = await open(CHECKER);
    await load(page, text);
    await page.locator('[data-testid="checker-upgrade-from"]:not([disabled])').waitFor();
    await page.selectOption('[data-testid="checker-upgrade-from"]', OLDEST);
    await page.selectOption('[data-testid="checker-upgrade-to"]', CURRENT);
    await page.locator('[data-testid="checker-upgrade-run"]').click();
    await page.locator('[data-testid="checker-upgrade-error"][data-reason]').waitFor();
    await page.locator('[data-testid="checker-upgrade-distro"]').waitFor();
    assert.equal(await page.locator('[data-testid="checker-upgrade-from"]').inputValue(), LEGACY_RELEASE);
    await page.selectOption('[data-testid="checker-upgrade-distro"]', distro);
    await page.locator('[data-testid="checker-upgrade-run"]').click();
    await page.locator(`[data-upgraded="${LEGACY_RELEASE}:${CURRENT}:${text.length}"]`).waitFor({timeout: 60_000});
    const expected = upgradeConfig({text, from: LEGACY_RELEASE, to: CURRENT, distro: distro as never}, {line: builtReleases(), moves: builtMoves()});
    assert.equal(await upgradedText(page), expected.text);
    assert.match((await page.locator('[data-testid="checker-upgrade-result"]').textContent())!, new RegExp(`Converted from the ${distro} chart's values`, 'u'));
  });

  test('axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation in the upgrade result, light and dark, at 1280 and 390 px', async () => {
    const picked = pickFile();
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const page = await open(CHECKER, {colorScheme, width});
        await load(page, picked.text);
        await upgrade(page, picked.text, OLDEST, CURRENT);
        await page.locator('[data-testid="checker-upgraded-copy"]').click();
        violations.push(...(await axeViolations(page, '[data-testid="checker-upgrade-file"]', `${colorScheme} ${width}px`)));
        if (width === 390) {
          // Usable at 390 px: nothing but the scrolling regions is wider than the page.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 1, `${colorScheme}: the page scrolls sideways by ${overflow} px at 390 px`);
        }
        await page.context().close();
      }
    }
    assert.deepEqual(violations, []);
  });

  test('click to result for a 1,000-line file: measured', async () => {
    const base = readFileSync(path.join(chartDir(OLDEST), 'values.yaml'), 'utf8').replace(/\n*$/u, '\n');
    const baseLines = base.split('\n').length - 1;
    const page = await open(CHECKER);
    const runs: number[] = [];
    let lines = 0;
    for (let run = 0; run < 3; run++) {
      // Each run's text has its own length, which the result names once it is there.
      const padding = Array.from({length: Math.max(0, 1000 - baseLines - 1)}, (_, i) => `# ${i}`).join('\n');
      const text = `${base}${padding}${padding ? '\n' : ''}# ${MARKER} ${'x'.repeat(run + 1)}\n`;
      lines = text.split('\n').length - 1;
      await load(page, text);
      await page.locator('[data-testid="checker-upgrade-from"]:not([disabled])').waitFor();
      await page.selectOption('[data-testid="checker-upgrade-from"]', OLDEST);
      await page.selectOption('[data-testid="checker-upgrade-to"]', CURRENT);
      const ms = await page.evaluate(async (want) => {
        const result = document.querySelector('[data-testid="checker-upgrade-result"]')!;
        const button = document.querySelector('[data-testid="checker-upgrade-run"]') as HTMLButtonElement;
        const started = performance.now();
        button.click();
        while (result.getAttribute('data-upgraded') !== want) {
          if (performance.now() - started > 60_000) throw new Error(`no result: ${result.getAttribute('data-upgraded')}`);
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        return performance.now() - started;
      }, `${OLDEST}:${CURRENT}:${text.length}`);
      runs.push(ms);
    }
    const inWorker = await page.evaluate(() => performance.getEntriesByName('config-checker upgrade').map((entry) => entry.duration));
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const timing = {from: OLDEST, to: CURRENT, lines, clickToResultMs: runs.map(Math.round), clickToResultMedianMs: Math.round(median(runs)), upgradeInWorkerMedianMs: Math.round(median(inWorker.slice(-runs.length)))};
    mkdirSync(RESULTS, {recursive: true});
    writeFileSync(path.join(RESULTS, 'checker-upgrade-timing.json'), `${JSON.stringify(timing, null, 1)}\n`);
    console.log(`checker upgrade: ${JSON.stringify(timing)}`);
    assert.equal(lines, Math.max(1000, baseLines + 1));
  });

  test('no request carried a file the tests upgraded', () => {
    assert.ok(requests.length > 20, 'requests were recorded');
    assert.deepEqual(requests.filter((request) => request.includes(MARKER) || request.includes(encodeURIComponent(MARKER))), []);
  });
});
