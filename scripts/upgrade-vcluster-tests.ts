// `npx tsx scripts/upgrade-vcluster-tests.ts [--repo DIR] [--to V] [--verbose]`
//
// Upgrades the vCluster repository's own test values files to a release of
// the line (default: its newest) and counts how each fares: upgraded to a
// file the target's schema accepts with nothing left to do, accepted with
// manual steps to read, or left with problems (each explained by a manual
// step or a curated move, or not). The files are the vcluster.yaml files
// under the repository's test folders (test, conformance, e2e...) at each
// release of the line from 0.20.0 on whose tag is in the repository, read
// with `git show` from a clone (--repo, or VCLUSTER_REPO). For maintainers:
// CI has no clone; test/checker/vclusterTestValues.test.ts runs a sample
// kept as fixtures.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {parseDocument} from 'yaml';
import {upgradeConfig, UpgradeInputError, type UpgradeResult} from '../src/checker/upgradeConfig';
import {compileChartSchema} from '../src/reference/chartSchema';
import {publishedDirFor, publishedRootFor} from '../src/reference/files';
import type {MovesData} from '../src/reference/moves';
import {Releases, type ReleasesData} from '../src/reference/releases';
import {MOVES_FILE, PUBLISHED_SCHEMA, RELEASES_FILE} from '../src/reference/urls';

const ROOT = path.resolve(import.meta.dirname, '..');
const {values} = parseArgs({options: {repo: {type: 'string'}, to: {type: 'string'}, verbose: {type: 'boolean', default: false}, last: {type: 'string'}}});
const repo = values.repo ?? process.env.VCLUSTER_REPO;
if (!repo) {
  process.stderr.write('upgrade-vcluster-tests: give the clone of loft-sh/vcluster with --repo DIR (or VCLUSTER_REPO)\n');
  process.exit(2);
}
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], {encoding: 'utf8', maxBuffer: 1 << 26});
const line = new Releases(JSON.parse(readFileSync(path.join(publishedRootFor(ROOT), RELEASES_FILE), 'utf8')) as ReleasesData);
const moves = JSON.parse(readFileSync(path.join(publishedRootFor(ROOT), MOVES_FILE), 'utf8')) as MovesData;
const to = values.to ?? line.data.releases.at(-1)!;
const validate = compileChartSchema(JSON.parse(readFileSync(path.join(publishedDirFor(ROOT, to), PUBLISHED_SCHEMA), 'utf8')));
const tags = new Set(git('tag').split('\n'));
// The .0 releases of the line up to --last (default: the last before the target's minor).
const releases = line.data.releases.filter((release) => release.endsWith('.0') && tags.has(`v${release}`) && line.indexOf(release) < line.indexOf(to) && (!values.last || line.indexOf(release) <= line.indexOf(values.last)));

// The vcluster.yaml files of the test folders: values files under test, the e2e folders and conformance.
function testValuesFiles(tag: string): string[] {
  return git('ls-tree', '-r', '--name-only', tag)
    .split('\n')
    .filter((file) => /^(test|e2e[^/]*|conformance)\//u.test(file) && /\.(ya?ml)$/u.test(file))
    .filter((file) => /values|vcluster/iu.test(path.basename(file)) || /^conformance\//u.test(file))
    .filter((file) => !/(^|\/)(kind-config|\.custom-gcl)/u.test(file));
}

/** Whether a text reads as a vcluster.yaml (or a values file of the charts before 0.20): a map with some key of either. */
function isConfig(text: string): boolean {
  const doc = parseDocument(text);
  const data = doc.errors.length ? undefined : (doc.toJS() as unknown);
  if (data === null || data === undefined) return text.split('\n').every((row) => !row.trim() || row.trim().startsWith('#'));
  return typeof data === 'object' && !Array.isArray(data) && Object.keys(data).some((key) => ['controlPlane', 'sync', 'experimental', 'policies', 'networking', 'exportKubeConfig', 'rbac', 'integrations', 'plugins', 'telemetry', 'syncer', 'vcluster'].includes(key));
}

type Outcome = 'clean' | 'manual' | 'explained' | 'unexplained' | 'error';
const counts = new Map<Outcome, number>();
const byRelease = new Map<string, Map<Outcome, number>>();
const notes: string[] = [];
const seen = new Map<string, Outcome>();
for (const release of releases) {
  const perRelease = new Map<Outcome, number>();
  byRelease.set(release, perRelease);
  for (const file of testValuesFiles(`v${release}`)) {
    // The e2e harness renders some files as Go templates first (`{{.Repository}}`): a placeholder stands for each value.
    const text = git('show', `v${release}:${file}`).replace(/\{\{\s*\.(\w+)\s*\}\}/gu, (_, name: string) => `REPLACE_${name.toUpperCase()}`);
    if (!isConfig(text)) continue;
    let outcome: Outcome;
    let result: UpgradeResult | undefined;
    try {
      result = upgradeConfig({text, from: release, to}, {line, moves, validate});
      if (result.problems.some((problem) => !problem.explained)) outcome = 'unexplained';
      else if (result.problems.length) outcome = 'explained';
      else if (result.steps.some((step) => step.manual) || result.constraints.length) outcome = 'manual';
      else outcome = 'clean';
    } catch (error) {
      if (!(error instanceof UpgradeInputError)) throw error;
      outcome = 'error';
      notes.push(`v${release}:${file}: ${error.message}`);
    }
    const key = `${file}\0${text}`;
    if (!seen.has(key)) seen.set(key, outcome);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    perRelease.set(outcome, (perRelease.get(outcome) ?? 0) + 1);
    if (values.verbose || outcome === 'unexplained') {
      process.stdout.write(`${outcome.padEnd(11)} v${release}:${file}\n`);
      for (const problem of result?.problems ?? []) if (values.verbose || !problem.explained) process.stdout.write(`    ${problem.explained ? 'explained' : 'UNEXPLAINED'} ${problem.path}: ${problem.message} (${problem.explanation})\n`);
      if (values.verbose) for (const step of result?.steps ?? []) process.stdout.write(`    step ${step.id} ${step.status}\n`);
    }
  }
}
const words: Record<Outcome, string> = {
  clean: 'upgraded cleanly (valid, nothing to do)',
  manual: 'valid, with manual steps or stops to read',
  explained: 'problems left, every one explained by a manual step or a move',
  unexplained: 'problems left that no step explains',
  error: 'not upgraded (bad input)',
};
const table = (map: Map<Outcome, number>) => (Object.keys(words) as Outcome[]).map((outcome) => `${map.get(outcome) ?? 0}`).join(' / ');
process.stdout.write(`\nUpgraded to ${to}: the test values files of ${releases.map((release) => `v${release}`).join(', ')}\n`);
process.stdout.write(`columns: ${(Object.keys(words) as Outcome[]).join(' / ')}\n`);
for (const [release, map] of byRelease) process.stdout.write(`  v${release}: ${table(map)}\n`);
process.stdout.write(`all ${[...counts.values()].reduce((a, b) => a + b, 0)} file versions: ${table(counts)}\n`);
const distinct = new Map<Outcome, number>();
for (const outcome of seen.values()) distinct.set(outcome, (distinct.get(outcome) ?? 0) + 1);
process.stdout.write(`${seen.size} distinct files: ${table(distinct)}\n`);
for (const [outcome, text] of Object.entries(words)) process.stdout.write(`  ${outcome}: ${text}\n`);
for (const note of notes) process.stdout.write(`${note}\n`);
