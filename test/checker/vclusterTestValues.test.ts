/**
 * The vCluster repository's own test values files (a sample kept under
 * test/fixtures/vcluster-tests/v<release>/, see its README), each upgraded
 * from its release to the newest of the line: the result is a file the
 * target's schema accepts, or every problem left is explained by a manual
 * step or a curated move. The releases come from the fixtures' folder names.
 */
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {upgradeConfig} from '../../src/checker/upgradeConfig';
import {fixtureDir} from '../support/chart';
import {realLine, upgradeSources} from '../support/checkerReleases';
import {RELEASES} from '../support/versions';

const ROOT = fixtureDir('vcluster-tests');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.ya?ml$/u.test(name) ? [full] : [];
  });
}

const samples = readdirSync(ROOT)
  .filter((name) => name.startsWith('v'))
  .flatMap((tag) => filesUnder(path.join(ROOT, tag)).map((file) => ({release: tag.slice(1), file, name: `${tag}/${path.relative(path.join(ROOT, tag), file)}`})));

describe("vCluster's own test values files, upgraded to the newest release", () => {
  const target = RELEASES[0];
  test('the sample spans several releases of the line', () => {
    const releases = new Set(samples.map((sample) => sample.release));
    assert.ok(releases.size >= 5, `${releases.size} releases`);
    for (const release of releases) assert.ok(realLine().has(release), `${release} is a release of the line`);
  });
  const tally = {clean: 0, manual: 0, explained: 0};
  for (const sample of samples) {
    test(sample.name, () => {
      const result = upgradeConfig({text: readFileSync(sample.file, 'utf8'), from: sample.release, to: target}, upgradeSources(target));
      for (const problem of result.problems) assert.ok(problem.explained, `${problem.path} (line ${problem.line}): ${problem.message}; ${problem.explanation}`);
      // Every manual step says why, with a place to look.
      for (const step of result.steps.filter((candidate) => candidate.manual)) {
        assert.ok(step.reasons.length || step.instead, `${step.id} says what to do`);
        assert.ok(step.line !== undefined, `${step.id} has its line in the file`);
      }
      if (result.problems.length) tally.explained++;
      else if (result.steps.some((step) => step.manual) || result.constraints.length) tally.manual++;
      else tally.clean++;
    });
  }
  test('tally', () => {
    console.log(`${samples.length} files to ${target}: ${tally.clean} clean, ${tally.manual} valid with manual steps or stops, ${tally.explained} with problems all explained`);
    assert.equal(tally.clean + tally.manual + tally.explained, samples.length);
  });
});
