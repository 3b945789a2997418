/**
 * The upgrade check on the real releases: keys a file sets that a later
 * release removes or retypes, and the defaults it relies on that change,
 * each with the release that made the change and the documented release
 * whose what-changed page lists it. The expected changes are read from each
 * release's fields in turn, not written here, and the releases are the
 * manifest's: from the oldest documented one to the newest of the line.
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {Document} from 'yaml';
import {sameDefault} from '../../src/reference/history';
import {changesBaseOf} from '../../src/reference/releases';
import {checkerRelease, isLiteralPath, type CheckerRelease} from '../../src/checker/release';
import {upgradeCheck} from '../../src/checker/upgrade';
import {realLine, realRelease, sampleValue, yamlAt} from '../support/checkerReleases';
import {CURRENT, LINE, OLDEST_DOCUMENTED, RELEASES} from '../support/versions';

let from: CheckerRelease;
let to: CheckerRelease;
/** Every release after `from` up to `to`, each with its fields. */
let steps: CheckerRelease[];

before(async () => {
  from = await realRelease(OLDEST_DOCUMENTED);
  to = checkerRelease(realLine(), RELEASES[0]);
  steps = LINE.releases.slice(LINE.releases.indexOf(from.version) + 1).map((version) => checkerRelease(realLine(), version));
});

/** The first step without the path; the steps whose default differs from the one before. */
function firstWithout(path: string): string | undefined {
  return steps.find((step) => !step.byPath.has(path))?.version;
}

/** A file setting each path (plain keys) to its default in `from`. */
function fileSetting(paths: readonly string[]): string {
  const doc = new Document({});
  for (const path of paths) doc.setIn(path.split('.'), from.byPath.get(path)!.default);
  return doc.toString();
}

describe('the upgrade check', () => {
  test('from the oldest documented release to the newest of the line: every removed key the file sets, with the release that removed it', () => {
    const leaves = from.fields.filter((field) => field.default !== undefined && isLiteralPath(field.path));
    const removed = leaves.filter((field) => !to.byPath.has(field.path)).map((field) => field.path);
    const changed = leaves.filter((field) => to.byPath.has(field.path) && !sameDefault(field.default, to.byPath.get(field.path)!.default)).map((field) => field.path);
    assert.ok(removed.length >= 1 && changed.length >= 2, `${from.version} and ${to.version} differ`);
    const setChanged = changed[0];
    const text = fileSetting([...removed, setChanged]);
    const report = upgradeCheck(text, from, to)!;
    // Keys below a removed key are reported once, at the removed key.
    const reported = report.removed.map((key) => key.path);
    for (const path of removed) assert.ok(reported.some((top) => path === top || path.startsWith(`${top}.`)), `${path} is reported`);
    for (const key of report.removed) {
      assert.equal(key.removedIn, firstWithout(key.path), `${key.path}: removed in the first release without it`);
      assert.equal(key.field?.version, from.version);
      assert.equal(text.split('\n')[key.line - 1].trim().split(':')[0], key.path.split('.').at(-1));
      if (key.listedIn) {
        const base = changesBaseOf(LINE, key.listedIn)!;
        assert.ok(LINE.releases.indexOf(base) < LINE.releases.indexOf(key.removedIn) && LINE.releases.indexOf(key.removedIn) <= LINE.releases.indexOf(key.listedIn), `${key.path}: listed on the page that spans ${key.removedIn}`);
      }
    }
    // A default the file sets is not one it relies on; one a removed key's parent covers is not either.
    const relied = report.defaults.map((change) => change.path);
    assert.ok(!relied.includes(setChanged));
    for (const change of report.defaults) {
      assert.equal(change.fromYaml, from.byPath.get(change.path)!.defaultYaml);
      assert.equal(change.toYaml, to.byPath.get(change.path)!.defaultYaml);
      const chain = [from, ...steps];
      const made = steps.filter((step, i) => {
        const [before, after] = [chain[i].byPath.get(change.path), step.byPath.get(change.path)];
        return before !== undefined && after !== undefined && !sameDefault(before.default, after.default);
      });
      assert.deepEqual(change.madeIn, made.map((step) => step.version), `${change.path}: each release whose default differs from the one before`);
    }
    console.log(`${from.version} → ${to.version}: ${report.removed.length} removed keys reported for ${removed.length} set, ${report.defaults.length} changed defaults relied on`);
  });

  test('a retyped key the file sets, with the releases that retyped it', () => {
    const retyped = from.fields.find((field) => isLiteralPath(field.path) && to.byPath.has(field.path) && to.byPath.get(field.path)!.type !== field.type);
    assert.ok(retyped, `some field of ${from.version} has another type in ${to.version}`);
    const report = upgradeCheck(yamlAt(retyped.path, sampleValue(retyped.type)), from, to)!;
    const key = report.retyped.find((candidate) => candidate.path === retyped.path);
    assert.ok(key, JSON.stringify(report.retyped));
    assert.deepEqual([key.fromType, key.toType], [retyped.type, to.byPath.get(retyped.path)!.type]);
    assert.ok(key.madeIn.length >= 1);
  });

  test('a key under one set to something other than a map does not rely on its default', () => {
    const map = from.fields.find((field) => isLiteralPath(field.path) && /^object/u.test(field.type) && from.fields.some((child) => child.path.startsWith(`${field.path}.`) && child.default !== undefined));
    assert.ok(map);
    const report = upgradeCheck(yamlAt(map.path, 'null'), from, to)!;
    assert.equal(report.defaults.some((change) => change.path.startsWith(`${map.path}.`)), false);
  });

  test('no report to an older or the same release, nor for invalid YAML', async () => {
    const current = await realRelease(CURRENT);
    assert.equal(upgradeCheck('a: 1\n', to, current), undefined);
    assert.equal(upgradeCheck('a: 1\n', current, current), undefined);
    assert.equal(upgradeCheck('a: b: c\n', from, to), undefined);
  });
});
