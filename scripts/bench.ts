// `npm run bench`: measures the generator against a floor measured in the
// same run, and (unless --gen-only) the production build, the heaviest
// pages and the config checker in headless Chromium (--checker-only: the
// checker alone, on the existing build). Prints a table and writes
// bench-results.json.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {documentedVersions, readManifest} from '../src/reference/manifest';
import {measureChecker} from './bench/checker';
import {benchReleaseLine} from './bench/releaseLine';
import {measurePages, measureBuilds} from './bench/site';

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const args = process.argv.slice(2);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall time of a command, in ms; fails loudly if the command does. */
function timeCommand(command: string, commandArgs: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, commandArgs, {cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'});
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${result.stderr}`);
  return elapsed;
}

async function benchGenerator(source: string, versions: string[]) {
  const chartDirs = versions.map((version) => path.join(source, version));
  const floor: number[] = [];
  const generate: number[] = [];
  // Interleave the two so that machine noise hits both alike.
  for (let run = 0; run < RUNS; run++) {
    floor.push(timeCommand('node', [path.join(root, 'scripts', 'bench-floor.mjs'), ...chartDirs]));
    const out = mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
    try {
      // Every version in one run, into an empty output directory: every file is written.
      generate.push(
        timeCommand('node', [path.join(root, 'scripts', 'gen-partials.mjs'), '--source', source, ...versions.flatMap((version) => ['--version', version]), '--out', out, '--quiet']),
      );
    } finally {
      rmSync(out, {recursive: true, force: true});
    }
  }
  return {versions, runs: RUNS, floorMs: median(floor), genPartialsMs: median(generate), ratio: median(generate) / median(floor)};
}

async function main() {
  const source = path.resolve(process.env.CHART_SOURCE ?? path.resolve(root, '../shared/charts/vcluster'));
  const manifest = await readManifest(root);
  const versions = await documentedVersions(root, manifest);
  const results: Record<string, unknown> = {date: new Date().toISOString(), node: process.version, cpus: os.cpus().length};
  if (args.includes('--checker-only')) {
    // The config checker alone, on the existing build.
    results.checker = await measureChecker(root);
    writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    return;
  }

  const generator = await benchGenerator(source, versions);
  results.genPartials = generator;
  console.log(`gen-partials, ${generator.versions.join(' + ')} (median of ${generator.runs}):`);
  console.log(`  floor (read + parse schema JSON and values YAML): ${generator.floorMs.toFixed(0)} ms`);
  console.log(`  gen-partials (whole process, empty output):       ${generator.genPartialsMs.toFixed(0)} ms`);
  console.log(`  ratio: ${generator.ratio.toFixed(2)}x the floor (budget 10x)`);

  const line = benchReleaseLine(root, source, RUNS, median);
  results.releaseLine = line;
  console.log(`gen-partials for the site, warm (median of ${line.runs}):`);
  console.log(`  all ${line.releases} releases of the manifest:     ${line.wholeLineMs.toFixed(0)} ms`);
  console.log(`  its ${line.documented} documented releases alone:      ${line.documentedOnlyMs.toFixed(0)} ms`);
  console.log(`  ratio: ${line.ratio.toFixed(2)}x (budget 1.5x)`);

  if (!args.includes('--gen-only')) {
    results.build = await measureBuilds(root, source);
    results.pages = await measurePages(root);
    results.checker = await measureChecker(root);
  }
  const file = path.join(root, 'bench-results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
