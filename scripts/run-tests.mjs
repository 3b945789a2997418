// Runs every test: type check, then one production build of the site, then
// all test files (unit, generator, MDX render, browser) in one node:test run,
// so its closing summary covers everything.
//
//   npm test                 everything
//   npm test -- --no-build   reuse an existing build/ (faster while iterating)
//   npm test -- test/search  only files under the given paths
//
// Chart files: CHART_SOURCE, else ../shared/charts/vcluster, else downloaded (see below).
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync, existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import path from 'node:path';
import {tsImport} from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const selected = args.filter((arg) => !arg.startsWith('--'));

function run(command, commandArgs, env = {}) {
  console.log(`\n$ ${[command, ...commandArgs].join(' ')}`);
  const result = spawnSync(command, commandArgs, {cwd: root, stdio: 'inherit', env: {...process.env, ...env}});
  if (result.status !== 0) {
    console.error(`\n"${command} ${commandArgs.join(' ')}" failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'support' ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// The tests read the chart files themselves: CHART_SOURCE, else ../shared beside the clone, else the
// files gen-partials downloads from the release URLs, checked against their sha256, into its cache.
const shared = path.resolve(root, '../shared/charts/vcluster');
if (!process.env.CHART_SOURCE && existsSync(shared)) process.env.CHART_SOURCE = shared;
if (!process.env.CHART_SOURCE) {
  const {chartCacheDir} = await tsImport('../src/reference/files.ts', import.meta.url);
  run('node', ['scripts/gen-partials.mjs', '--quiet']);
  process.env.CHART_SOURCE = chartCacheDir(root);
  console.log(`CHART_SOURCE=${process.env.CHART_SOURCE} (downloaded and verified)`);
}
if (!existsSync(process.env.CHART_SOURCE)) {
  console.error(`CHART_SOURCE=${process.env.CHART_SOURCE} does not exist: point it at a directory holding <version>/values.schema.json and values.yaml`);
  process.exit(2);
}

// A production build needs the site's address (src/siteAddress.ts): the tests' builds get one made for them.
if (!process.env.DOCS_URL) {
  const {TEST_SITE_URL} = await tsImport('../test/support/buildDir.ts', import.meta.url);
  process.env.DOCS_URL = TEST_SITE_URL;
}
run('npx', ['tsc', '--noEmit', '-p', '.']);
// The longest file first: the other slot works through the rest beside it (see CONCURRENCY).
const LONGEST = [path.join(root, 'test', 'site', 'accessibility.test.ts')];
const files = (selected.length ? selected : ['test'])
  .flatMap((entry) => testFiles(path.resolve(root, entry)))
  .sort((a, b) => Number(LONGEST.includes(b)) - Number(LONGEST.includes(a)) || a.localeCompare(b));
// Two files at a time (one on a one-core machine): much of a file's time goes to waiting on a page, a build
// or a child process, which the other slot uses; more than two would hold several browsers and builds in
// memory at once. Builds inside tests take turns through flock.
const CONCURRENCY = Math.min(2, availableParallelism());
// Tests of the built site (test/site/) need a production build first.
const needsBuild = files.some((file) => file.includes(`${path.sep}test${path.sep}site${path.sep}`));
if (needsBuild && !noBuild) run('npm', ['run', 'build']);
run('node', ['--import', 'tsx', '--test', `--test-concurrency=${CONCURRENCY}`, '--test-reporter=spec', ...files]);
