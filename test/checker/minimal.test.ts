/** The minimal file: every value equal to the release's default removed, comments and order of the rest kept. */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {parse} from 'yaml';
import {checkConfig} from '../../src/checker/check';
import {minimalConfig} from '../../src/checker/minimal';
import type {CheckerRelease} from '../../src/checker/release';
import {realRelease, realReleases} from '../support/checkerReleases';
import {CURRENT} from '../support/versions';

let current: CheckerRelease;
before(async () => {
  current = await realRelease(CURRENT);
});

describe('the minimal file', () => {
  test('drops exactly the default-equal values and the maps they leave empty, keeping comments and order', () => {
    const text = [
      '# yaml-language-server: $schema=./vcluster.schema.json',
      'controlPlane:',
      '  distro:',
      '    k8s:',
      '      enabled: false # the default',
      '  statefulSet:',
      '    resources:',
      '      requests: {cpu: 200m, memory: 1Gi}',
      'sync:',
      '  toHost:',
      '    # ingresses are needed',
      '    ingresses:',
      '      enabled: true # not the default',
      '    pods:',
      '      enabled: true',
      '',
    ].join('\n');
    const minimal = minimalConfig(text, current)!;
    assert.deepEqual(minimal.removed, ['controlPlane.distro.k8s.enabled', 'controlPlane.statefulSet.resources.requests.cpu', 'sync.toHost.pods.enabled']);
    assert.equal(
      minimal.text,
      [
        '# yaml-language-server: $schema=./vcluster.schema.json',
        'controlPlane:',
        '  statefulSet:',
        '    resources:',
        '      requests: {memory: 1Gi}',
        'sync:',
        '  toHost:',
        '    # ingresses are needed',
        '    ingresses:',
        '      enabled: true # not the default',
        '',
      ].join('\n'),
    );
  });

  test('what the checker reports as default-equal is what the minimal file removes, and the result has none left, in every release', async () => {
    const text = 'sync:\n  toHost:\n    pods:\n      enabled: true\n    ingresses:\n      enabled: false\n  fromHost:\n    nodes:\n      enabled: false\n      selector:\n        all: false\ncontrolPlane:\n  proxy:\n    bindAddress: 0.0.0.0\n    port: 8443\n    extraSANs: [a.example.com]\n';
    for (const release of await realReleases()) {
      const reported = checkConfig(text, release).findings.filter((finding) => finding.kind === 'default value').map((finding) => finding.path);
      const minimal = minimalConfig(text, release)!;
      assert.deepEqual(minimal.removed, reported, release.version);
      assert.ok(reported.length >= 3, `${release.version} has defaults to remove: ${reported.join(', ')}`);
      assert.deepEqual(checkConfig(minimal.text, release).findings.filter((finding) => finding.kind === 'default value'), [], release.version);
      assert.deepEqual((parse(minimal.text) as {controlPlane: unknown}).controlPlane, {proxy: {extraSANs: ['a.example.com']}});
    }
  });

  test('a file of defaults only leaves its opening comment, or nothing', () => {
    assert.deepEqual(minimalConfig('# mine\nsync:\n  toHost:\n    pods:\n      enabled: true\n', current), {text: '# mine\n', removed: ['sync.toHost.pods.enabled']});
    assert.deepEqual(minimalConfig('sync:\n  toHost:\n    pods:\n      enabled: true\n', current), {text: '', removed: ['sync.toHost.pods.enabled']});
  });

  test('shared content (anchors, aliases) and list items stay as written', () => {
    const text = 'sync:\n  toHost:\n    pods: &on\n      enabled: true\n  fromHost:\n    nodes: *on\ncontrolPlane:\n  distro:\n    k8s:\n      env:\n        - name: A\n          value: ""\n';
    assert.deepEqual(minimalConfig(text, current), {text, removed: []});
  });

  test('invalid YAML has no minimal file', () => {
    assert.equal(minimalConfig('a: b: c\n', current), undefined);
  });
});
