/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules over every page of the
 * built site's sitemap: each page of the current version in light and dark
 * mode at 1280 px, the heaviest reference page (most fields) and the config
 * checker at 390 px too, each page of the older versions once. Every fold is opened first, so the rules see every field. Pages run
 * in parallel tabs of one Chromium; each violation is listed with its page,
 * mode, rule and element.
 */
import assert from 'node:assert/strict';
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {currentVersion, readManifestSync, readSnapshotsSync} from '../../src/reference/manifest';
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

type Mode = 'light' | 'dark';
interface Audit {
  pathname: string;
  mode: Mode;
  width: number;
}
interface Violation {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

function sitemapPages(): string[] {
  const sitemap = readFileSync(path.join(builtSite(), 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
}

/** Every audit the sitemap asks for, by the rule in the file comment. */
function plannedAudits(): {audits: Audit[]; phone: string[]} {
  const pages = sitemapPages();
  const older = readSnapshotsSync(projectRoot).map((version) => `/${DOCS_ROUTE}/${version}`);
  const isOlder = (pathname: string) => older.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  const current = pages.filter((pathname) => !isOlder(pathname));
  const heaviest = pageWithMostFields(currentVersion(readManifestSync(projectRoot)));
  assert.ok(current.includes(heaviest), `the page with the most fields, ${heaviest}, is in the sitemap`);
  const checker = pages.find((pathname) => pathname === CHECKER_ROUTE);
  assert.ok(checker, `the checker page ${CHECKER_ROUTE} is in the sitemap`);
  const phone = [heaviest, checker];
  const audits: Audit[] = [];
  for (const mode of ['light', 'dark'] as const) {
    for (const pathname of current) audits.push({pathname, mode, width: DESKTOP});
    for (const pathname of phone) audits.push({pathname, mode, width: PHONE});
  }
  // Older versions share the current version's components: once each, alternating modes.
  pages.filter(isOlder).forEach((pathname, i) => audits.push({pathname, mode: i % 2 ? 'dark' : 'light', width: DESKTOP}));
  // The largest pages first, so that the tabs finish together rather than one waiting on the last big page.
  const size = (pathname: string) => statSync(path.join(builtSite(), pathname === '/' ? 'index.html' : `${pathname.slice(1)}.html`)).size;
  audits.sort((a, b) => size(b.pathname) - size(a.pathname));
  return {audits, phone};
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function audit(page: Page, origin: string, {pathname, mode}: Audit): Promise<Violation[]> {
  const response = await page.goto(`${origin}${pathname.replace(/^\//, '')}`, {waitUntil: 'load'});
  assert.equal(response?.status(), 200, pathname);
  await pageReady(page);
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  assert.equal(theme, mode, `${pathname} renders in ${mode} mode`);
  // Every field and every fold's content, as a reader who opens them all sees it.
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  await page.addScriptTag({content: axeSource});
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

/** Runs the audits in `TABS` tabs, one browser context per mode and width. */
async function runAudits(browser: Browser, origin: string, audits: Audit[]): Promise<Array<Audit & {violations: Violation[]}>> {
  const contexts = new Map<string, Promise<BrowserContext>>();
  const contextFor = (mode: Mode, width: number) => {
    const key = `${mode} ${width}`;
    if (!contexts.has(key)) contexts.set(key, browser.newContext({colorScheme: mode, viewport: {width, height: 900}, reducedMotion: 'reduce'}));
    return contexts.get(key)!;
  };
  try {
    return await inParallel(audits, TABS, async (next) => {
      const page = await (await contextFor(next.mode, next.width)).newPage();
      try {
        return {...next, violations: await audit(page, origin, next)};
      } finally {
        await page.close();
      }
    });
  } finally {
    for (const context of contexts.values()) await (await context).close();
  }
}

describe('accessibility of every page (axe-core, WCAG 2.2 A and AA)', () => {
  const session = builtSiteInBrowser();

  it('finds no violation on any page of the sitemap, in either colour mode, at desktop and phone width', {timeout: 15 * 60_000}, async () => {
    const {audits, phone} = plannedAudits();
    assert.ok(audits.length > 100, `audits planned: ${audits.length}`);
    const started = Date.now();
    const first = await runAudits(session.browser(), session.site().origin, audits);
    // A page whose audit found something is audited again on a fresh load: on a loaded
    // machine axe has met a page caught between its colour modes (light text on the dark
    // background, every element at once). What a second load still shows is reported; what
    // it does not is listed as transient, so it stays visible.
    const flagged = first.filter((result) => result.violations.length > 0);
    const again = await runAudits(session.browser(), session.site().origin, flagged);
    const transient = flagged.filter((result) => !again.some((repeat) => repeat.pathname === result.pathname && repeat.mode === result.mode && repeat.width === result.width && repeat.violations.length > 0));
    for (const result of transient) console.log(`axe-core: ${result.pathname} (${result.mode}, ${result.width}px): ${result.violations.length} rules failed on the first load only: ${result.violations.map((violation) => `${violation.rule} ${violation.targets.length}`).join(', ')}`);
    const results = [...first.filter((result) => result.violations.length === 0), ...again];
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    assert.equal(results.length, audits.length, 'every audit ran');

    const lines: string[] = [];
    const byRule = new Map<string, number>();
    for (const result of results.sort((a, b) => a.pathname.localeCompare(b.pathname) || a.mode.localeCompare(b.mode) || a.width - b.width)) {
      for (const violation of result.violations) {
        byRule.set(violation.rule, (byRule.get(violation.rule) ?? 0) + violation.targets.length);
        for (const target of violation.targets) lines.push(`${result.pathname} (${result.mode}, ${result.width}px) ${violation.rule} (${violation.help}): ${target}`);
      }
    }
    console.log(
      `axe-core: ${results.length} audits of ${new Set(audits.map((entry) => entry.pathname)).size} pages (${phone.join(', ')} at ${PHONE}px too) in ${seconds} s; ` +
        `${lines.length} violations${byRule.size ? `: ${[...byRule].map(([rule, count]) => `${rule} ${count}`).join(', ')}` : ''}`,
    );
    assert.deepEqual(lines, []);
  });
});
