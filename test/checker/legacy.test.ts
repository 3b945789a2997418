/**
 * Values files of the charts before 0.20: recognised, converted for the
 * distro the reader names as `vcluster convert config` did, then upgraded.
 * The reference cases are the command's own tests (fixture
 * legacy-convert/cases.yaml, with the release they were written for); the
 * repository's load-test values files convert to a file the first release
 * of vcluster.yaml accepts, and upgrade on to the newest release.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {parse} from 'yaml';
import {CONVERTED_RELEASE} from '../../src/checker/legacy/convert';
import {LEGACY_RELEASE, UpgradeInputError, upgradeConfig, type UpgradeErrorReason, type UpgradeRequest} from '../../src/checker/upgradeConfig';
import {parseConfig, schemaProblems} from '../../src/reference/validateConfig';
import {fixtureDir} from '../support/chart';
import {upgradeSources, validatorOf} from '../support/checkerReleases';
import {RELEASES} from '../support/versions';

interface Case {
  name: string;
  distro: 'k3s' | 'k8s' | 'eks' | 'k0s';
  in: string;
  expected?: string;
  expectedError?: string;
  differs?: Record<string, string>;
}

const {release, cases} = parse(readFileSync(path.join(fixtureDir('legacy-convert'), 'cases.yaml'), 'utf8')) as {release: string; cases: Case[]};

const sorted = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])])) : value;

/** Every leaf as `a.b.c` → its value, as JSON. */
function leaves(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, JSON.stringify(sorted(value)));
  return out;
}

function reasonOf(request: UpgradeRequest, to: string): UpgradeErrorReason | undefined {
  try {
    upgradeConfig(request, upgradeSources(to));
    return undefined;
  } catch (error) {
    assert.ok(error instanceof UpgradeInputError, String(error));
    return error.reason;
  }
}

function valid(text: string, version: string): string[] {
  const parsed = parseConfig(text);
  return schemaProblems(parsed.doc!, parsed.data, validatorOf(version)).map((problem) => problem.message);
}

describe("vcluster convert config's own cases", () => {
  for (const testCase of cases) {
    test(testCase.name, () => {
      const request = {text: testCase.in, from: LEGACY_RELEASE, to: release, distro: testCase.distro};
      if (testCase.expectedError) {
        assert.equal(reasonOf(request, release), 'legacy-conversion');
        return;
      }
      const result = upgradeConfig(request, upgradeSources(release));
      assert.equal(result.legacy?.convertedTo, CONVERTED_RELEASE);
      assert.deepEqual(valid(result.legacy!.convertedText, CONVERTED_RELEASE), [], `the converted file is valid for ${CONVERTED_RELEASE}`);
      const [got, want] = [leaves(parse(result.text) ?? {}), leaves(parse(testCase.expected!) ?? {})];
      for (const key of Object.keys(testCase.differs ?? {})) {
        got.delete(key);
        want.delete(key);
      }
      assert.deepEqual(Object.fromEntries(got), Object.fromEntries(want));
    });
  }
});

describe('the load-test values files of the charts before 0.20', () => {
  const dir = path.join(fixtureDir('legacy-convert'), 'load-testing');
  for (const name of ['k3s', 'k8s', 'k0s', 'k3s-mysql']) {
    const distro = name.replace('-mysql', '') as Case['distro'];
    const text = readFileSync(path.join(dir, `${name}.yaml`), 'utf8');
    test(`${name}: converts to a valid ${CONVERTED_RELEASE} file, and upgrades to the newest release with every problem explained`, () => {
      const converted = upgradeConfig({text, from: LEGACY_RELEASE, to: CONVERTED_RELEASE, distro}, upgradeSources(CONVERTED_RELEASE));
      assert.deepEqual(converted.problems, []);
      assert.match(converted.text, new RegExp(`distro:\\n\\s+${distro}:\\n\\s+`, 'u'));
      const newest = upgradeConfig({text, from: LEGACY_RELEASE, to: RELEASES[0], distro}, upgradeSources(RELEASES[0]));
      for (const problem of newest.problems) assert.ok(problem.explained, `${problem.path}: ${problem.explanation}`);
      assert.ok(newest.constraints.some((constraint) => constraint.id === 'legacyConvertFirst'), 'a stop on a release that still knows the old charts');
      if (distro === 'k0s') assert.ok(newest.steps.some((step) => step.id === 'k0s' && step.status === 'kept'), 'k0s has no way forward: the reader recreates');
      if (name === 'k3s-mysql') assert.ok(newest.steps.some((step) => step.id === 'k3sToK8s' && step.reasons.some((reason) => reason.includes('K3S_DATASTORE_ENDPOINT'))), 'the k3s datastore variable is the reader\'s');
      if (name === 'k3s' || name === 'k8s') assert.deepEqual(newest.problems, [], 'valid for the newest release');
    });
  }
});

describe('telling the charts before 0.20 from vcluster.yaml', () => {
  const legacy = 'syncer:\n  extraArgs: [--tls-san=vc.example.com]\nisolation:\n  enabled: true\n';
  const target = RELEASES[0];
  test('a file of the old charts needs the reader to name its distro, and no release of vcluster.yaml', () => {
    assert.equal(reasonOf({text: legacy, to: target}, target), 'legacy-needs-distro');
    assert.equal(reasonOf({text: legacy, from: RELEASES.at(-1), to: target}, target), 'mixed-formats');
    assert.equal(reasonOf({text: legacy, from: LEGACY_RELEASE, to: target, distro: 'k3s'}, target), undefined);
  });

  test('keys the old chart did not have stop the conversion, naming them, as the command did', () => {
    try {
      upgradeConfig({text: 'replicas: 1\nsyncer:\n  replicas: 1\n', from: LEGACY_RELEASE, to: target, distro: 'k8s'}, upgradeSources(target));
      assert.fail('converted');
    } catch (error) {
      assert.ok(error instanceof UpgradeInputError && error.reason === 'legacy-conversion');
      assert.match(error.message, /`replicas` is not a key of the chart's values/u);
    }
    assert.equal(reasonOf({text: 'syncer:\n  extraArgs: [--no-such-flag]\n', from: LEGACY_RELEASE, to: target, distro: 'k3s'}, target), 'legacy-conversion');
  });

  test('a vcluster.yaml named as an old file, and a file mixing both, are said to be so', () => {
    assert.equal(reasonOf({text: 'controlPlane:\n  distro:\n    k8s:\n      enabled: true\n', from: LEGACY_RELEASE, to: target, distro: 'k8s'}, target), 'legacy-conversion');
    assert.equal(reasonOf({text: `${legacy}controlPlane:\n  coredns:\n    enabled: true\n`, from: LEGACY_RELEASE, to: target, distro: 'k8s'}, target), 'mixed-formats');
  });
});
