// Build and page measurements for `npm run bench`.
import {spawn} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {readSnapshotsSync} from '../../src/reference/manifest';
import {LOCAL_URL} from '../../src/siteAddress';
import {REFERENCE_ATTRIBUTE} from '../../src/search/markup';
import {launchChromium} from '../../test/support/browser';
import {pageReady} from '../../test/support/pageReady';
import {serveBuild} from '../../test/support/staticServer';
import {lighthouseScores} from './lighthouse';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Resident memory of a process and all its descendants, from /proc, in bytes. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, returning its wall time and the peak resident memory of its process tree. */
function measureCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ms: number; peakRssMB: number}> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {cwd, env, stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed:\n${stderr.slice(-2000)}`));
      else resolve({ms: performance.now() - started, peakRssMB: Math.round(peak / 2 ** 20)});
    });
  });
}

export async function measureBuilds(root: string, source: string) {
  // Served here only: the local address (a production build needs one, src/siteAddress.ts).
  const env = {...process.env, CHART_SOURCE: source, DOCS_URL: process.env.DOCS_URL ?? LOCAL_URL};
  // Cold: Docusaurus's caches, the build and the generated reference all removed.
  await measureCommand('npx', ['docusaurus', 'clear'], root, env);
  const cold = await measureCommand('npm', ['run', 'build'], root, env);
  const warm = await measureCommand('npm', ['run', 'build'], root, env);
  console.log(`\nProduction build (npm run build, all versions):`);
  console.log(`  cold: ${(cold.ms / 1000).toFixed(1)} s, peak ${cold.peakRssMB} MB (budget 180 s)`);
  console.log(`  warm: ${(warm.ms / 1000).toFixed(1)} s, peak ${warm.peakRssMB} MB`);
  return {cold, warm};
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? htmlFiles(full) : entry.name.endsWith('.html') ? [full] : [];
  });
}

interface PageWeight {
  page: string;
  htmlBytes: number;
  /** Bytes of the scripts the page loads (not chunks prefetched for its links). */
  jsBytes: number;
  /** Field headings of the generated reference on the page. */
  fields: number;
  /** Copy actions present once the page runs (two per field). */
  copyActions: number;
  /** Fields whose anchor the page's table of contents links to. */
  tocEntries: number;
}

/** One load of a page: its HTML and JS bytes, and its fields, their copy actions and TOC entries once it has hydrated. */
async function weighPage(browser: Browser, origin: string, buildDir: string, page: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const scripts = new Set<string>();
  tab.on('request', (request) => {
    const headers = request.headers();
    if (request.resourceType() === 'script' && !/prefetch/.test(headers['sec-purpose'] ?? headers.purpose ?? '')) scripts.add(new URL(request.url()).pathname);
  });
  await tab.goto(`${origin}${page}`, {waitUntil: 'load'});
  await pageReady(tab);
  const counts = await tab.evaluate((reference) => {
    const headings = [...document.querySelectorAll(`[${reference}] .cfg > :is(h2, h3, h4, h5, h6)`)];
    const tocTargets = new Set([...document.querySelectorAll<HTMLAnchorElement>('.table-of-contents a')].map((link) => decodeURIComponent(link.hash.slice(1))));
    return {
      fields: headings.length,
      copyActions: document.querySelectorAll(`[${reference}] button.cfg__copy`).length,
      tocEntries: headings.filter((heading) => tocTargets.has(heading.id)).length,
    };
  }, REFERENCE_ATTRIBUTE);
  await context.close();
  const jsBytes = [...scripts].reduce((total, script) => total + statSync(path.join(buildDir, script)).size, 0);
  return {page, htmlBytes: statSync(path.join(buildDir, page ? `${page}.html` : 'index.html')).size, jsBytes, ...counts};
}

async function loadTimes(browser: Browser, origin: string, page: string, loads: number): Promise<{loadEventMs: number; domElements: number}> {
  const times: number[] = [];
  let domElements = 0;
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${origin}${page}`, {waitUntil: 'load'});
    times.push(await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    if (i === 0) domElements = await tab.evaluate(() => document.getElementsByTagName('*').length);
    await context.close();
  }
  return {loadEventMs: Math.round(median(times)), domElements};
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * Every page of the current docs version, weighed once; then, for the
 * heaviest reference page (most fields) and the lightest docs page (least
 * HTML + JS): the weight per field (HTML and JS beyond the lightest page's,
 * divided by the fields), load times, and Lighthouse's desktop scores from
 * the same run; the home page's JS beside them.
 */
export async function measurePages(root: string, loads = 5) {
  const buildDir = path.join(root, 'build');
  const older = readSnapshotsSync(root).map((version) => path.join(buildDir, 'docs', version));
  const route = (file: string) => path.relative(buildDir, file).replace(/\.html$/, '').replace(/(^|\/)index$/, '');
  const currentPages = [path.join(buildDir, 'docs.html'), ...htmlFiles(path.join(buildDir, 'docs'))]
    .filter((file) => !older.some((dir) => file === `${dir}.html` || file.startsWith(`${dir}${path.sep}`)))
    .map(route);

  const site = await serveBuild(buildDir);
  const browser = await launchChromium();
  try {
    const weights: PageWeight[] = [];
    for (const page of currentPages) weights.push(await weighPage(browser, site.origin, buildDir, page));
    const home = await weighPage(browser, site.origin, buildDir, '');
    const heaviest = weights.reduce((a, b) => (b.fields > a.fields ? b : a));
    const lightest = weights.reduce((a, b) => (b.htmlBytes + b.jsBytes < a.htmlBytes + a.jsBytes ? b : a));
    const perField = {
      htmlBytes: (heaviest.htmlBytes - lightest.htmlBytes) / heaviest.fields,
      jsBytes: (heaviest.jsBytes - lightest.jsBytes) / heaviest.fields,
      totalBytes: (heaviest.htmlBytes + heaviest.jsBytes - lightest.htmlBytes - lightest.jsBytes) / heaviest.fields,
    };
    const timed = [];
    for (const weight of [heaviest, lightest]) timed.push({...weight, ...(await loadTimes(browser, site.origin, weight.page, loads)), loads});
    const [heavyScores, lightScores] = await lighthouseScores([`${site.origin}${heaviest.page}`, `${site.origin}${lightest.page}`]);

    console.log(`\nPages of the current version (budget: HTML ≤ 400 KB, JS ≤ 800 KB, DOM ≤ 5,000 elements):`);
    for (const result of timed) {
      console.log(
        `  /${result.page}: ${result.fields} fields, HTML ${kb(result.htmlBytes)}, JS ${kb(result.jsBytes)}, ` +
          `${result.domElements} DOM elements, load event ${result.loadEventMs} ms (median of ${result.loads})`,
      );
    }
    const working = heaviest.copyActions === 2 * heaviest.fields && heaviest.tocEntries > 0;
    console.log(`  /${heaviest.page}: ${heaviest.copyActions} copy actions for ${heaviest.fields} fields, ${heaviest.tocEntries} in the TOC${working ? '' : ' (MISSING ACTIONS OR TOC)'}`);
    console.log(
      `  per field on /${heaviest.page} beyond /${lightest.page}: ${perField.totalBytes.toFixed(0)} B ` +
        `(HTML ${perField.htmlBytes.toFixed(0)} B + JS ${perField.jsBytes.toFixed(0)} B; budget 640 B)`,
    );
    console.log(`  JS of the lightest docs page /${lightest.page}: ${kb(lightest.jsBytes)} (${lightest.jsBytes} B; budget 548 KB); of the home page: ${kb(home.jsBytes)}`);
    console.log(`Lighthouse, desktop preset (median of ${heavyScores.runs.length} runs each):`);
    for (const [weight, scores] of [[heaviest, heavyScores], [lightest, lightScores]] as const) {
      const failed = scores.failedAccessibilityAudits.length ? `; failing: ${scores.failedAccessibilityAudits.join(', ')}` : '';
      console.log(`  /${weight.page}: performance ${scores.performance}, accessibility ${scores.accessibility} (runs: ${scores.runs.map((r) => `${r.performance}/${r.accessibility}`).join(', ')})${failed}`);
      console.log(`    ${Object.entries(scores.metrics).map(([id, value]) => `${id} ${id === 'cumulative-layout-shift' ? value.toFixed(3) : `${value.toFixed(0)} ms`}`).join(', ')}`);
    }
    console.log(`  performance gap: ${lightScores.performance - heavyScores.performance} points (budget 3); accessibility budget 100 on both`);
    return {heaviest: heaviest.page, lightest: lightest.page, perField, weights, home, pages: timed, lighthouse: {heaviest: heavyScores, lightest: lightScores}};
  } finally {
    await browser.close();
    await site.close();
  }
}
