/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules over every page of the
 * built site's sitemap: each page of the current version at 1280 px, every
 * other one in light and dark mode (loaded in one mode, switched to the other
 * with the navbar's toggle), the rest in one mode, so that each mode is
 * audited loaded cold and reached with the toggle (every page in both modes
 * with TEST_ALL_VERSIONS=1), the heaviest
 * reference page (most fields) and the config checker at 390 px too, each
 * third page of the sampled older versions once (every page of every version
 * with TEST_ALL_VERSIONS=1). Every fold is opened first, so the rules
 * see every field. Pages run in parallel tabs of one Chromium; each
 * violation is listed with its page, mode, rule and element. The same visits
 * also collect what any page logs as an error or throws (one sweep of the
 * sitemap, not two).
 */
import assert from 'node:assert/strict';
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {currentVersion, readManifestSync, readSnapshotsSync} from '../../src/reference/manifest';
import {ALL_VERSIONS, SAMPLE_DOCUMENTED} from '../support/versions';
import {CHECKER_ROUTE, DOCS_ROUTE} from '../../src/reference/urls';
import {builtSite, pageWithMostFields, projectRoot} from '../support/buildDir';
import {pageReady} from '../support/pageReady';
import {inParallel} from '../support/parallel';
import {builtSiteInBrowser} from '../support/siteSession';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = 1280;
const PHONE = 390;
/** Tabs at once: the machine has two cores, and axe's colour checks are CPU-bound. */
const TABS = 3;
/** Of a sampled older version's pages, one in this many is audited by default. */
const OLDER_SPREAD = 3;

type Mode = 'light' | 'dark';
interface Audit {
  pathname: string;
  mode: Mode;
  width: number;
}
/**
 * One load of a page: audited in the mode it loads in, then in each further
 * mode reached with the navbar's colour-mode toggle, as a reader switches
 * (one load per page instead of one per mode; the pages of the current
 * version alternate which mode is loaded cold, so both ways into each mode
 * are audited).
 */
interface Visit {
  pathname: string;
  width: number;
  modes: Mode[];
}
interface Violation {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}
type AuditResult = Audit & {violations: Violation[]};
/** What a page logged as an error or threw while it was visited, with its address. */
type PageErrors = string[];

function sitemapPages(): string[] {
  const sitemap = readFileSync(path.join(builtSite(), 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
}

/** Every visit the sitemap asks for, by the rule in the file comment. */
function plannedVisits(): {visits: Visit[]; phone: string[]} {
  const pages = sitemapPages();
  const prefixes = (versions: readonly string[]) => versions.map((version) => `/${DOCS_ROUTE}/${version}`);
  const under = (list: string[]) => (pathname: string) => list.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  const isOlder = under(prefixes(readSnapshotsSync(projectRoot)));
  // Of the older versions, the sampled ones (test/support/versions.ts): they share the current version's components.
  const isSampledOlder = under(prefixes(readSnapshotsSync(projectRoot).filter((version) => SAMPLE_DOCUMENTED.includes(version))));
  const current = pages.filter((pathname) => !isOlder(pathname));
  const heaviest = pageWithMostFields(currentVersion(readManifestSync(projectRoot)));
  assert.ok(current.includes(heaviest), `the page with the most fields, ${heaviest}, is in the sitemap`);
  const checker = pages.find((pathname) => pathname === CHECKER_ROUTE);
  assert.ok(checker, `the checker page ${CHECKER_ROUTE} is in the sitemap`);
  const phone = [heaviest, checker];
  const bothModes = (i: number): Mode[] => (i % 2 ? ['dark', 'light'] : ['light', 'dark']);
  const visits: Visit[] = [
    // Every page of the current version; half of them in both modes (by default: all with TEST_ALL_VERSIONS=1),
    // the other half in one, so that each mode is met both loaded cold and reached with the toggle.
    ...current.map((pathname, i) => ({pathname, width: DESKTOP, modes: ALL_VERSIONS || i % 2 === 0 ? bothModes(i / 2) : [bothModes((i - 1) / 2)[1]]})),
    // At phone width the toggle sits in the collapsed menu: each mode is loaded cold.
    ...phone.flatMap((pathname) => (['light', 'dark'] as const).map((mode) => ({pathname, width: PHONE, modes: [mode]}))),
    // Older versions share the current version's components: once each, alternating modes; by default
    // every third page of each sampled one (their pages repeat the current version's structure), all with
    // TEST_ALL_VERSIONS=1.
    ...pages.filter(isSampledOlder).filter((_, i) => ALL_VERSIONS || i % OLDER_SPREAD === 0).map((pathname, i) => ({pathname, width: DESKTOP, modes: [bothModes(i)[0]]})),
  ];
  // The largest pages first, so that the tabs finish together rather than one waiting on the last big page.
  const size = (visit: Visit) => visit.modes.length * statSync(path.join(builtSite(), visit.pathname === '/' ? 'index.html' : `${visit.pathname.slice(1)}.html`)).size;
  visits.sort((a, b) => size(b) - size(a));
  return {visits, phone};
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core over the page as it is now, every fold open first (as a reader who opens them all sees it). */
async function runAxe(page: Page): Promise<Violation[]> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({content: axeSource});
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as {axe: {run(context: unknown, options: unknown): Promise<{violations: Array<{id: string; impact: string | null; help: string; nodes: Array<{target: unknown[]; failureSummary?: string}>}>}>}}).axe;
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      // The element, and what axe measured there (`... contrast of 2.31 (foreground color: #000000, ...)`).
      targets: violation.nodes.map((node) => `${node.target.map(String).join(' ')}: ${(node.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`),
    }));
  }, TAGS);
}

const currentTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

/** Switches the page to `mode` with the navbar's toggle, which steps through system, light and dark. */
async function switchMode(page: Page, mode: Mode, pathname: string): Promise<void> {
  const toggle = page.getByRole('button', {name: /switch between dark and light mode/i});
  for (let clicks = 0; clicks < 3 && (await currentTheme(page)) !== mode; clicks++) await toggle.click();
  assert.equal(await currentTheme(page), mode, `${pathname}: the colour-mode toggle reaches ${mode} mode`);
  await pageReady(page);
}

async function visit(page: Page, origin: string, {pathname, width, modes}: Visit, errors: PageErrors): Promise<AuditResult[]> {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  const response = await page.goto(`${origin}${pathname.replace(/^\//, '')}`, {waitUntil: 'load'});
  assert.equal(response?.status(), 200, pathname);
  await pageReady(page);
  assert.equal(await currentTheme(page), modes[0], `${pathname} loads in ${modes[0]} mode`);
  const results: AuditResult[] = [];
  for (const [i, mode] of modes.entries()) {
    if (i > 0) await switchMode(page, mode, pathname);
    results.push({pathname, mode, width, violations: await runAxe(page)});
  }
  return results;
}

/**
 * Runs the visits in `TABS` tabs, each in a browser context of its own (the
 * toggle stores the chosen mode, which would carry over to the next page
 * loaded in a shared context); their audits in one list.
 */
async function runVisits(browser: Browser, origin: string, visits: Visit[], errors: PageErrors = []): Promise<AuditResult[]> {
  const results = await inParallel(visits, TABS, async (next) => {
    const context = await browser.newContext({colorScheme: next.modes[0], viewport: {width: next.width, height: 900}, reducedMotion: 'reduce'});
    try {
      return await visit(await context.newPage(), origin, next, errors);
    } finally {
      await context.close();
    }
  });
  return results.flat();
}

describe('every page of the sitemap in a browser: accessibility (axe-core, WCAG 2.2 A and AA) and errors', () => {
  const session = builtSiteInBrowser();
  // Filled by the audits' visits, which load every page of the sitemap.
  const errors: PageErrors = [];
  let visited = 0;

  it('finds no violation on the pages of the sitemap (every page of the current version), in either colour mode, at desktop and phone width', {timeout: 15 * 60_000}, async () => {
    const {visits, phone} = plannedVisits();
    const planned = visits.reduce((sum, next) => sum + next.modes.length, 0);
    assert.ok(planned > 60, `audits planned: ${planned}`);
    const started = Date.now();
    const first = await runVisits(session.browser(), session.site().origin, visits, errors);
    visited = visits.length;
    // A page whose audit found something is audited again on a fresh load in that mode: on a loaded
    // machine axe has met a page caught between its colour modes (light text on the dark
    // background, every element at once). What a second load still shows is reported; what
    // it does not is listed as transient, so it stays visible.
    const flagged = first.filter((result) => result.violations.length > 0);
    const again = await runVisits(session.browser(), session.site().origin, flagged.map(({pathname, width, mode}) => ({pathname, width, modes: [mode]})));
    const transient = flagged.filter((result) => !again.some((repeat) => repeat.pathname === result.pathname && repeat.mode === result.mode && repeat.width === result.width && repeat.violations.length > 0));
    for (const result of transient) console.log(`axe-core: ${result.pathname} (${result.mode}, ${result.width}px): ${result.violations.length} rules failed on the first load only: ${result.violations.map((violation) => `${violation.rule} ${violation.targets.length}`).join(', ')}`);
    const results = [...first.filter((result) => result.violations.length === 0), ...again];
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    assert.equal(results.length, planned, 'every audit ran');

    const lines: string[] = [];
    const byRule = new Map<string, number>();
    for (const result of results.sort((a, b) => a.pathname.localeCompare(b.pathname) || a.mode.localeCompare(b.mode) || a.width - b.width)) {
      for (const violation of result.violations) {
        byRule.set(violation.rule, (byRule.get(violation.rule) ?? 0) + violation.targets.length);
        for (const target of violation.targets) lines.push(`${result.pathname} (${result.mode}, ${result.width}px) ${violation.rule} (${violation.help}): ${target}`);
      }
    }
    console.log(
      `axe-core: ${results.length} audits in ${visits.length} page loads of ${new Set(visits.map((entry) => entry.pathname)).size} pages (${phone.join(', ')} at ${PHONE}px too) in ${seconds} s; ` +
        `${lines.length} violations${byRule.size ? `: ${[...byRule].map(([rule, count]) => `${rule} ${count}`).join(', ')}` : ''}`,
    );
    assert.deepEqual(lines, []);
  });

  it('logs no console error and throws no page error on any page, while it loads, hydrates and switches mode', () => {
    assert.ok(visited > 0 && visited === plannedVisits().visits.length, `pages visited by the audits: ${visited}`);
    assert.deepEqual(errors, []);
  });
});
