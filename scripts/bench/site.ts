// Build and page measurements for `npm run bench`.
import {spawn} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {launchChromium} from '../../test/support/browser';
import {serveBuild} from '../../test/support/staticServer';

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
  const env = {...process.env, CHART_SOURCE: source};
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

export async function measurePages(root: string, loads = 5) {
  const buildDir = path.join(root, 'build');
  const docsPages = htmlFiles(path.join(buildDir, 'docs'));
  const heaviest = docsPages.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  const route = (file: string) => path.relative(buildDir, file).replace(/\.html$/, '').replace(/\/index$/, '');
  const pages = [...new Set([route(heaviest), 'docs/control-plane'])];

  const site = await serveBuild(buildDir);
  const browser = await launchChromium();
  const results = [];
  try {
    for (const page of pages) {
      const loadTimes: number[] = [];
      let jsBytes = 0;
      let domElements = 0;
      for (let i = 0; i < loads; i++) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        const scripts = new Set<string>();
        // The page's own scripts; chunks Docusaurus prefetches for links on the page are not loaded "for" it.
        tab.on('request', (request) => {
          const headers = request.headers();
          if (request.resourceType() === 'script' && !/prefetch/.test(headers['sec-purpose'] ?? headers.purpose ?? '')) scripts.add(new URL(request.url()).pathname);
        });
        await tab.goto(`${site.origin}${page}`, {waitUntil: 'load'});
        loadTimes.push(await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
        if (i === 0) {
          domElements = await tab.evaluate(() => document.getElementsByTagName('*').length);
          jsBytes = [...scripts].reduce((total, script) => total + statSync(path.join(buildDir, script)).size, 0);
        }
        await context.close();
      }
      const htmlBytes = statSync(path.join(buildDir, `${page}.html`)).size;
      results.push({page, htmlBytes, jsBytes, domElements, loadEventMs: Math.round(median(loadTimes)), loads});
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`\nPages (budget: HTML ≤ 400 KB, JS ≤ 800 KB, DOM ≤ 5,000 elements):`);
  for (const result of results) {
    console.log(
      `  /${result.page}: HTML ${(result.htmlBytes / 1024).toFixed(0)} KB, JS ${(result.jsBytes / 1024).toFixed(0)} KB, ` +
        `${result.domElements} DOM elements, load event ${result.loadEventMs} ms (median of ${result.loads})`,
    );
  }
  return {heaviest: route(heaviest), results};
}
