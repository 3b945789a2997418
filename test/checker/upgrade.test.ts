/**
 * The upgrade check on the real releases: keys a file sets that a later
 * release removes or retypes, and the defaults it relies on that change,
 * each with the release whose what-changed page lists it. The expected
 * changes are read from the two releases' field data, not written here.
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {Document} from 'yaml';
import {sameDefault} from '../../src/reference/history';
import type {CheckerRelease} from '../../src/checker/release';
import {isLiteralPath} from '../../src/checker/release';
import {upgradeCheck} from '../../src/checker/upgrade';
import {realReleases, withFieldData} from '../support/checkerReleases';

let releases: CheckerRelease[];
const release = (version: string): CheckerRelease => releases.find((candidate) => candidate.version === version)!;

before(async () => {
  releases = await realReleases();
});

/** The leaf fields of `from` that `to` lacks, and those whose default differs, from the data. */
function differences(from: CheckerRelease, to: CheckerRelease): {removed: string[]; changed: string[]} {
  const leaves = from.data.fields.filter((field) => field.default !== undefined && isLiteralPath(field.path));
  return {
    removed: leaves.filter((field) => !to.byPath.has(field.path)).map((field) => field.path),
    changed: leaves.filter((field) => to.byPath.has(field.path) && !sameDefault(field.default, to.byPath.get(field.path)!.default)).map((field) => field.path),
  };
}

/** A file setting each path (plain keys) to its default in `from`. */
function fileSetting(from: CheckerRelease, paths: readonly string[]): string {
  const doc = new Document({});
  for (const path of paths) doc.setIn(path.split('.'), from.byPath.get(path)!.default);
  return doc.toString();
}

describe('the upgrade check', () => {
  test('0.20.0 → 0.22.0: every removed key the file sets, every changed default it does not set', () => {
    const from = release('0.20.0');
    const to = release('0.22.0');
    const {removed, changed} = differences(from, to);
    assert.ok(removed.length >= 1 && changed.length >= 2, 'the releases differ');
    const setChanged = changed[0];
    const text = fileSetting(from, [...removed, setChanged]);
    const report = upgradeCheck(text, from, to, releases)!;
    assert.deepEqual(report.removed.map((key) => key.path).sort(), [...removed].sort());
    for (const key of report.removed) {
      assert.ok(release(key.listedIn).byPath.get(key.path) === undefined, `${key.path} is gone in ${key.listedIn}`);
      const before = releases.find((candidate) => candidate.data.documented.indexOf(candidate.version) === candidate.data.documented.indexOf(key.listedIn) + 1)!;
      assert.ok(before.byPath.has(key.path), `${key.path} is still in ${before.version}, the release before ${key.listedIn}`);
      assert.equal(key.field?.version, '0.20.0');
      assert.equal(text.split('\n')[key.line - 1].trim().split(':')[0], key.path.split('.').at(-1));
    }
    // A default the file sets is not one it relies on.
    assert.deepEqual(report.defaults.map((change) => change.path).sort(), changed.filter((path) => path !== setChanged).sort());
    for (const change of report.defaults) {
      assert.equal(change.fromYaml, from.byPath.get(change.path)!.defaultYaml);
      assert.equal(change.toYaml, to.byPath.get(change.path)!.defaultYaml);
      assert.ok(change.listedIn.length >= 1 && change.listedIn.every((version) => version === '0.21.0' || version === '0.22.0'));
    }
  });

  test('the release that lists a change is the one it happened in', () => {
    const report = upgradeCheck('experimental:\n  syncSettings:\n    syncLabels: [a]\ncontrolPlane:\n  backingStore:\n    etcd:\n      deploy:\n        headlessService:\n          enabled: true\n', release('0.20.0'), release('0.22.0'), releases)!;
    assert.deepEqual(
      report.removed.map((key) => [key.path, key.listedIn, key.line]),
      [
        ['experimental.syncSettings.syncLabels', '0.21.0', 3],
        ['controlPlane.backingStore.etcd.deploy.headlessService.enabled', '0.22.0', 9],
      ],
    );
    const coredns = report.defaults.find((change) => change.path === 'controlPlane.coredns.deployment.topologySpreadConstraints');
    assert.deepEqual(coredns?.listedIn, ['0.22.0']);
  });

  test('a retyped key the file sets', () => {
    const from = release('0.20.0');
    const to = release('0.21.0');
    const retyped = from.data.fields.filter((field) => isLiteralPath(field.path) && to.byPath.has(field.path) && to.byPath.get(field.path)!.type !== field.type);
    assert.ok(retyped.length >= 1);
    const report = upgradeCheck(`${retyped[0].path}: {}\n`, from, to, releases)!;
    assert.deepEqual(
      report.retyped.map((key) => [key.path, key.fromType, key.toType, key.listedIn]),
      [[retyped[0].path, retyped[0].type, to.byPath.get(retyped[0].path)!.type, '0.21.0']],
    );
  });

  test('a key under one set to something other than a map does not rely on its default', () => {
    const report = upgradeCheck('controlPlane:\n  coredns:\n    deployment: null\n', release('0.21.0'), release('0.22.0'), releases)!;
    assert.equal(report.defaults.some((change) => change.path.startsWith('controlPlane.coredns.deployment.')), false);
  });

  test('the field history names a history-only release for a removal', () => {
    const from = withFieldData(release('0.21.0'), {'controlPlane.backingStore.etcd.deploy.headlessService.enabled': {removedIn: '0.21.5'}});
    const report = upgradeCheck('controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        headlessService:\n          enabled: true\n', from, release('0.22.0'), releases)!;
    assert.deepEqual(report.removed.map((key) => [key.removedIn, key.listedIn]), [['0.21.5', '0.22.0']]);
  });

  test('no report to an older or the same release, nor for invalid YAML', () => {
    assert.equal(upgradeCheck('a: 1\n', release('0.22.0'), release('0.21.0'), releases), undefined);
    assert.equal(upgradeCheck('a: 1\n', release('0.22.0'), release('0.22.0'), releases), undefined);
    assert.equal(upgradeCheck('a: b: c\n', release('0.20.0'), release('0.22.0'), releases), undefined);
  });
});
