/**
 * Each kind of finding, on the real releases: invalid YAML, schema problems,
 * unknown keys with "did you mean", keys another release has, deprecated,
 * Pro and default-equal fields. Facts and field history, which the generator
 * is starting to publish, are tested on real releases with fixture field data.
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {checkConfig} from '../../src/checker/check';
import {summarize, type Finding} from '../../src/checker/findings';
import type {CheckerRelease} from '../../src/checker/release';
import {realReleases, withFieldData} from '../support/checkerReleases';

let releases: CheckerRelease[];
let current: CheckerRelease;
let oldest: CheckerRelease;
const release = (version: string): CheckerRelease => releases.find((candidate) => candidate.version === version)!;

before(async () => {
  releases = await realReleases();
  current = release('0.22.0');
  oldest = release('0.20.0');
});

function only(findings: Finding[], kind: Finding['kind']): Finding {
  const matching = findings.filter((finding) => finding.kind === kind);
  assert.equal(matching.length, 1, `one ${kind} finding in ${JSON.stringify(findings, null, 1)}`);
  return matching[0];
}

describe('findings', () => {
  test('a valid file has none, and says so', () => {
    const {findings} = checkConfig('controlPlane:\n  distro:\n    k8s:\n      enabled: true\n', current, releases);
    assert.deepEqual(findings, []);
    assert.match(summarize(findings), /No findings/u);
  });

  test('a schema problem: an error with the path, the expectation and the field link in the chosen release', () => {
    for (const checked of releases) {
      const finding = only(checkConfig('sync:\n  toHost:\n    pods:\n      enabled: "yes"\n', checked, releases).findings, 'schema');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.message, '`sync.toHost.pods.enabled` must be boolean, got string "yes".');
      assert.deepEqual(finding.link && [finding.link.version, finding.link.anchor], [checked.version, 'sync-toHost-pods-enabled']);
      assert.equal(finding.link?.route, checked.byPath.get('sync.toHost.pods.enabled')?.route);
    }
  });

  test('a value that fails every branch of a union is one finding', () => {
    const findings = checkConfig('plugin: 5\n', current, releases).findings.filter((finding) => finding.kind === 'schema');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^`plugin` must be object/u);
  });

  test('an unknown key: an error with "did you mean" from the field index, linked to the parent field', () => {
    const finding = only(checkConfig('controlPlane:\n  distro:\n    k8s:\n      enabeld: true\n', current, releases).findings, 'unknown key');
    assert.equal(finding.severity, 'error');
    assert.deepEqual([finding.line, finding.column], [4, 7]);
    assert.match(finding.message, /`enabeld` is not a key of vcluster.yaml 0.22.0 under `controlPlane.distro.k8s`. Did you mean `controlPlane.distro.k8s.enabled`\?/u);
    assert.deepEqual(finding.suggestions?.map((link) => link.anchor), ['controlPlane-distro-k8s-enabled']);
    assert.equal(finding.link?.anchor, 'controlPlane-distro-k8s');
  });

  test('an unknown top-level key, with nothing close to it', () => {
    const finding = only(checkConfig('zzzzzz: 1\n', current, releases).findings, 'unknown key');
    assert.match(finding.message, /at the top level\.$/u);
    assert.equal(finding.suggestions, undefined);
  });

  test('a key another documented release has is a release mismatch: added in a later release', () => {
    const text = 'integrations:\n  certManager:\n    enabled: true\n';
    const finding = only(checkConfig(text, release('0.21.0'), releases).findings, 'release mismatch');
    assert.equal(finding.severity, 'release mismatch');
    assert.equal(finding.message, '`integrations.certManager` is not in 0.21.0: it was added in 0.22.0.');
    assert.deepEqual(finding.link && [finding.link.version, finding.link.anchor], ['0.22.0', 'integrations-certManager']);
    // In 0.22.0 it is a field; its findings are the Pro note and the requirement its facts name.
    assert.deepEqual(checkConfig(text, current, releases).findings.map((found) => found.kind), ['pro', 'requires']);
  });

  test('... or removed in an earlier one', () => {
    const text = 'experimental:\n  syncSettings:\n    syncLabels: [a]\n';
    const finding = only(checkConfig(text, current, releases).findings, 'release mismatch');
    assert.equal(finding.message, '`experimental.syncSettings.syncLabels` is not in 0.22.0: it was removed in 0.21.0.');
    assert.deepEqual(finding.link && [finding.link.version, finding.link.route], ['0.20.0', oldest.byPath.get('experimental.syncSettings.syncLabels')?.route]);
  });

  test('the field history, where it is published, names the exact release (a history-only patch release too)', () => {
    const withHistory = releases.map((candidate) =>
      candidate.version === '0.22.0' ? withFieldData(candidate, {'integrations.certManager': {since: '0.21.3'}}) : candidate.version === '0.20.0' ? withFieldData(candidate, {'experimental.syncSettings.syncLabels': {removedIn: '0.20.4'}}) : candidate,
    );
    const mid = withHistory.find((candidate) => candidate.version === '0.21.0')!;
    const text = 'integrations:\n  certManager:\n    enabled: true\nexperimental:\n  syncSettings:\n    syncLabels: [a]\n';
    const messages = checkConfig(text, mid, withHistory).findings.map((finding) => finding.message);
    assert.deepEqual(messages, ['`integrations.certManager` is not in 0.21.0: it was added in 0.21.3.', '`experimental.syncSettings.syncLabels` is not in 0.21.0: it was removed in 0.20.4.']);
  });

  test('a deprecated field: a warning with the replacement its description names', () => {
    const finding = only(checkConfig('plugin:\n  my-plugin:\n    image: x\n', current, releases).findings, 'deprecated');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, '`plugin` is deprecated. Use `plugins` instead.');
    assert.deepEqual(finding.suggestions?.map((link) => link.anchor), ['plugins']);
    const plain = only(checkConfig('serviceCIDR: 10.96.0.0/12\n', current, releases).findings, 'deprecated');
    assert.equal(plain.message, '`serviceCIDR` is deprecated. Remove it.');
  });

  test('a deprecated field: the facts name the replacement, and the history when it was deprecated', () => {
    const curated = withFieldData(current, {serviceCIDR: {facts: [{kind: 'deprecated', replacement: 'networking.advanced.clusterDomain'}], deprecatedIn: '0.21.0'}});
    const finding = only(checkConfig('serviceCIDR: 10.96.0.0/12\n', curated, releases).findings, 'deprecated');
    assert.equal(finding.message, '`serviceCIDR` is deprecated since 0.21.0. Use `networking.advanced.clusterDomain` instead.');
    assert.deepEqual(finding.suggestions?.map((link) => link.path), ['networking.advanced.clusterDomain']);
  });

  test('a Pro field from the schema: a note, once for a field and the Pro fields inside it, and not when it only sets defaults', () => {
    const finding = only(checkConfig('controlPlane:\n  backingStore:\n    etcd:\n      embedded:\n        enabled: true\n', current, releases).findings, 'pro');
    assert.equal(finding.severity, 'note');
    assert.equal(finding.message, '`controlPlane.backingStore.etcd.embedded` needs vCluster Pro.');
    assert.deepEqual([finding.line, finding.link?.anchor], [4, 'controlPlane-backingStore-etcd-embedded']);
    const defaults = checkConfig('controlPlane:\n  backingStore:\n    etcd:\n      embedded:\n        enabled: false\n', current, releases).findings;
    assert.deepEqual(
      defaults.map((found) => found.kind),
      ['default value'],
    );
  });

  test('a Pro field from the curated facts, with its condition', () => {
    const text = 'controlPlane:\n  backingStore:\n    database:\n      external:\n        enabled: true\n        dataSource: mysql://db\n';
    // The real facts: the external database is Pro with the k8s distro.
    assert.equal(only(checkConfig(text, current, releases).findings, 'pro').message, '`controlPlane.backingStore.database.external.enabled` needs vCluster Pro with the k8s distro.');
    const curated = withFieldData(current, {
      'controlPlane.backingStore.database.external.enabled': {pro: undefined, proWhen: undefined, facts: []},
      'controlPlane.backingStore.database.external.dataSource': {facts: [{kind: 'pro', when: 'with an old distro'}]},
    });
    assert.equal(only(checkConfig(text, curated, releases).findings, 'pro').message, '`controlPlane.backingStore.database.external.dataSource` needs vCluster Pro with an old distro.');
  });

  test('a requirement from the facts is a note on a field the file changes', () => {
    const curated = withFieldData(current, {'sync.toHost.ingresses.enabled': {facts: [{kind: 'requires', text: 'an ingress controller in the host cluster.'}]}});
    const finding = only(checkConfig('sync:\n  toHost:\n    ingresses:\n      enabled: true\n', curated, releases).findings, 'requires');
    assert.equal(finding.message, '`sync.toHost.ingresses.enabled` requires: an ingress controller in the host cluster.');
  });

  test('a value equal to the default: a note from the key to the end of its value, with the default', () => {
    const text = 'sync:\n  toHost:\n    pods:\n      enabled: true\n';
    for (const checked of releases) {
      const finding = only(checkConfig(text, checked, releases).findings, 'default value');
      assert.equal(finding.severity, 'note');
      assert.equal(finding.message, `\`sync.toHost.pods.enabled\` is set to its default in ${checked.version} (\`true\`); you can remove it.`);
      assert.equal(text.slice(finding.from, finding.to), 'enabled: true');
    }
  });

  test('an entry of a default map equals its default too (Helm merges maps)', () => {
    const finding = only(checkConfig('controlPlane:\n  statefulSet:\n    resources:\n      requests:\n        cpu: 200m\n        memory: 1Gi\n', current, releases).findings, 'default value');
    assert.equal(finding.path, 'controlPlane.statefulSet.resources.requests.cpu');
    assert.match(finding.message, /\(`200m`\)/u);
    assert.equal(finding.link?.anchor, 'controlPlane-statefulSet-resources-requests');
  });

  test('findings come in text order', () => {
    const text = 'serviceCIDR: x\nsync:\n  toHost:\n    pods:\n      enabled: true\n      enabld: true\n';
    const lines = checkConfig(text, current, releases).findings.map((finding) => finding.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
    assert.equal(lines.length, 3);
  });
});
