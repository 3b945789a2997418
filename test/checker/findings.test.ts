/**
 * Each kind of finding, on the real releases: invalid YAML, schema problems,
 * unknown keys with "did you mean", keys another release of the line has,
 * deprecated (and rejected), Pro and default-equal fields. The fields each
 * case needs are found in the release data by what it says of them, so the
 * cases follow the manifest; a few cases change one field's data.
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {checkConfig} from '../../src/checker/check';
import {summarize, type Finding} from '../../src/checker/findings';
import {isLiteralPath, type CheckerRelease} from '../../src/checker/release';
import {parentPath} from '../../src/reference/configPath';
import type {PublishedField} from '../../src/reference/published';
import {realReleases, sampleValue, withFieldData, yamlAt} from '../support/checkerReleases';
import {CURRENT, OLDEST_DOCUMENTED, SAMPLE_DOCUMENTED} from '../support/versions';

let releases: CheckerRelease[];
let current: CheckerRelease;
let oldest: CheckerRelease;
const release = (version: string): CheckerRelease => releases.find((candidate) => candidate.version === version)!;

before(async () => {
  releases = (await realReleases()).filter((candidate) => SAMPLE_DOCUMENTED.includes(candidate.version));
  current = release(CURRENT);
  oldest = release(OLDEST_DOCUMENTED);
});

/** A literal field of `release` that `other` lacks while it has the field's parent: one unknown key, the field's own. */
function fieldMissingIn(release: CheckerRelease, other: CheckerRelease, where: (field: PublishedField) => boolean): PublishedField | undefined {
  return release.fields.find((field) => isLiteralPath(field.path) && parentPath(field.path) !== undefined && !other.byPath.has(field.path) && other.byPath.has(parentPath(field.path)!) && where(field));
}

function only(findings: Finding[], kind: Finding['kind']): Finding {
  const matching = findings.filter((finding) => finding.kind === kind);
  assert.equal(matching.length, 1, `one ${kind} finding in ${JSON.stringify(findings, null, 1)}`);
  return matching[0];
}

describe('findings', () => {
  test('a valid file has none, and says so', () => {
    const {findings} = checkConfig('controlPlane:\n  distro:\n    k8s:\n      enabled: true\n', current);
    assert.deepEqual(findings, []);
    assert.match(summarize({findings, checked: {keys: 4, rules: 1}}, CURRENT), /^No findings for /u);
  });

  test('a schema problem: an error with the path, the expectation and the field link in the chosen release', () => {
    for (const checked of releases) {
      const finding = only(checkConfig('sync:\n  toHost:\n    pods:\n      enabled: "yes"\n', checked).findings, 'schema');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.message, '`sync.toHost.pods.enabled` must be boolean, got string "yes".');
      assert.deepEqual(finding.link && [finding.link.version, finding.link.anchor], [checked.version, 'sync-toHost-pods-enabled']);
      assert.equal(finding.link?.route, checked.byPath.get('sync.toHost.pods.enabled')?.route);
    }
  });

  test('a value that fails every branch of a union is one finding', () => {
    const findings = checkConfig('plugin: 5\n', current).findings.filter((finding) => finding.kind === 'schema');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^`plugin` must be object/u);
  });

  test('an unknown key: an error with "did you mean" from the field index, linked to the parent field', () => {
    const finding = only(checkConfig('controlPlane:\n  distro:\n    k8s:\n      enabeld: true\n', current).findings, 'unknown key');
    assert.equal(finding.severity, 'error');
    assert.deepEqual([finding.line, finding.column], [4, 7]);
    assert.equal(finding.message, `\`enabeld\` is not a key of vcluster.yaml ${CURRENT} under \`controlPlane.distro.k8s\`. Did you mean \`controlPlane.distro.k8s.enabled\`?`);
    assert.deepEqual(finding.suggestions?.map((link) => link.anchor), ['controlPlane-distro-k8s-enabled']);
    assert.equal(finding.link?.anchor, 'controlPlane-distro-k8s');
  });

  test('an unknown top-level key, with nothing close to it', () => {
    const finding = only(checkConfig('zzzzzz: 1\n', current).findings, 'unknown key');
    assert.match(finding.message, /at the top level\.$/u);
    assert.equal(finding.suggestions, undefined);
  });

  test('a key a later release added is a release mismatch, named by the release that added it, linked to a documented release showing it', () => {
    const line = current.line;
    let found = 0;
    for (const checked of releases) {
      // A field some later release of the line added, history-only releases included.
      const later = line.data.fields.find((field) => {
        const path = field.path;
        const parent = parentPath(path);
        const span = line.spanAround(path, checked.version);
        return isLiteralPath(path) && parent !== undefined && checked.byPath.has(parent) && span?.addedIn !== undefined && span.nearest !== undefined && !span.removedIn;
      });
      if (!later) continue;
      found++;
      const span = line.spanAround(later.path, checked.version)!;
      const type = line.data.states[later.runs.at(-1)![2]].type;
      const finding = only(checkConfig(yamlAt(later.path, sampleValue(type)), checked).findings, 'release mismatch');
      assert.equal(finding.message, `\`${later.path}\` is not in ${checked.version}: it was added in ${span.addedIn}.`);
      assert.deepEqual(finding.link && [finding.link.version, finding.link.route, finding.link.anchor], [span.nearest!.version, span.nearest!.route, span.nearest!.anchor]);
    }
    assert.ok(found > 0, 'some sampled release lacks a field a later one added');
  });

  test('... or removed in an earlier one, the exact release named', () => {
    const removed = fieldMissingIn(oldest, current, (field) => field.removedIn !== undefined);
    assert.ok(removed, `${OLDEST_DOCUMENTED} has a field ${CURRENT} lacks`);
    const finding = only(checkConfig(yamlAt(removed.path, sampleValue(removed.type)), current).findings, 'release mismatch');
    const span = current.line.spanAround(removed.path, CURRENT)!;
    assert.equal(span.removedIn, removed.removedIn, 'the field history and the span agree');
    assert.match(finding.message, new RegExp(`^\`${removed.path.replace(/\./gu, '\\.')}\` is not in ${CURRENT.replace(/\./gu, '\\.')}: it was (added in [^ ]+ and )?removed in ${removed.removedIn!.replace(/\./gu, '\\.')}\.$`, 'u'));
    assert.equal(finding.link?.version, span.nearest?.version);
  });

  test('a field of the line no release near has at all is an unknown key, not a mismatch', () => {
    const finding = only(checkConfig('controlPlane:\n  nothingLikeThis: true\n', current).findings, 'unknown key');
    assert.equal(finding.severity, 'error');
  });

  test('a deprecated field: a warning with the replacement the model read from its description or facts', () => {
    for (const checked of releases) {
      const deprecated = checked.fields.filter((field) => field.deprecated && isLiteralPath(field.path));
      assert.ok(deprecated.length > 0, `${checked.version} deprecates some field`);
      for (const field of deprecated) {
        // A field whose description says a value set there is rejected is an error.
        const kind = field.rejected ? 'rejected' : 'deprecated';
        const finding = checkConfig(yamlAt(field.path, sampleValue(field.type)), checked).findings.find((found) => found.kind === kind && found.path === field.path);
        assert.ok(finding, `${checked.version}: ${field.path} gets a ${kind} finding`);
        assert.equal(finding.severity, field.rejected ? 'error' : 'warning');
        const since = field.deprecatedIn ? ` since ${field.deprecatedIn}` : '';
        const rejected = field.rejected ? `, and ${checked.version} rejects a value set here` : '';
        assert.equal(finding.message, `\`${field.path}\` is deprecated${since}${rejected}.${field.replacement ? ` Use \`${field.replacement}\` instead.` : ' Remove it.'}`);
        if (field.replacement) assert.deepEqual(finding.suggestions?.map((link) => link.path), [field.replacement]);
      }
    }
  });

  test('a field whose description says a value set there is rejected: an error', () => {
    const curated = withFieldData(current, {serviceCIDR: {deprecated: true, rejected: true, replacement: 'networking.advanced.clusterDomain', deprecatedIn: OLDEST_DOCUMENTED}});
    const finding = only(checkConfig('serviceCIDR: 10.96.0.0/12\n', curated).findings, 'rejected');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, `\`serviceCIDR\` is deprecated since ${OLDEST_DOCUMENTED}, and ${CURRENT} rejects a value set here. Use \`networking.advanced.clusterDomain\` instead.`);
    assert.deepEqual(finding.suggestions?.map((link) => link.path), ['networking.advanced.clusterDomain']);
  });

  test('a Pro field from the schema: a note, once for a field and the Pro fields inside it, and not when it only sets defaults', () => {
    const finding = only(checkConfig('controlPlane:\n  backingStore:\n    etcd:\n      embedded:\n        enabled: true\n', current).findings, 'pro');
    assert.equal(finding.severity, 'note');
    assert.equal(finding.message, '`controlPlane.backingStore.etcd.embedded` needs vCluster Pro.');
    assert.deepEqual([finding.line, finding.link?.anchor], [4, 'controlPlane-backingStore-etcd-embedded']);
    const defaults = checkConfig('controlPlane:\n  backingStore:\n    etcd:\n      embedded:\n        enabled: false\n', current).findings;
    assert.deepEqual(
      defaults.map((found) => found.kind),
      ['default value'],
    );
  });

  test('a Pro field from the curated facts, with a condition no rule reads: a note with the condition', () => {
    // With k3s, the external database needs no Pro (the rule that reads the distro is silent).
    const text = 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n  backingStore:\n    database:\n      external:\n        enabled: true\n        dataSource: mysql://db\n';
    const curated = withFieldData(current, {
      'controlPlane.backingStore.database.external.enabled': {pro: undefined, proWhen: undefined, facts: []},
      'controlPlane.backingStore.database.external.dataSource': {pro: true, proWhen: ['with an old distro'], facts: [{kind: 'pro', when: 'with an old distro'}]},
    });
    assert.equal(only(checkConfig(text, curated).findings, 'pro').message, '`controlPlane.backingStore.database.external.dataSource` needs vCluster Pro with an old distro.');
  });

  test('a Pro condition a rule reads is shown when the file meets it and not otherwise, on every sampled release whose facts name the rule', () => {
    let checkedReleases = 0;
    for (const checked of releases) {
      // The real facts: a field whose Pro condition a checker rule decides.
      const decided = checked.fields.find((field) => field.facts?.some((fact) => fact.kind === 'pro' && fact.rule) && isLiteralPath(field.path) && /^boolean/u.test(field.type) && field.default !== true);
      if (!decided) continue;
      checkedReleases++;
      const rule = decided.facts!.find((fact) => fact.kind === 'pro' && fact.rule)!.rule!;
      const pro = checkConfig(yamlAt(decided.path, 'true'), checked).findings.filter((found) => found.kind === 'pro');
      assert.equal(pro.length, 1, `${checked.version}: ${JSON.stringify(pro)}`);
      assert.equal(pro[0].rule?.id, rule);
      assert.equal(pro[0].severity, 'note');
      assert.equal(pro[0].path, decided.path);
      assert.doesNotMatch(pro[0].message, new RegExp(`needs vCluster Pro ${decided.proWhen!.join(' or ')}\\.$`, 'u'), 'not the fact\'s unconditional words');
    }
    assert.ok(checkedReleases > 0, 'a sampled release has a Pro fact decided by a rule');
  });

  test('a requirement from the facts is a note on a field the file changes', () => {
    const curated = withFieldData(current, {'sync.toHost.ingresses.enabled': {facts: [{kind: 'requires', text: 'an ingress controller in the host cluster.'}]}});
    const finding = only(checkConfig('sync:\n  toHost:\n    ingresses:\n      enabled: true\n', curated).findings, 'requires');
    assert.equal(finding.message, '`sync.toHost.ingresses.enabled` requires: an ingress controller in the host cluster.');
  });

  test('a value equal to the default: a note from the key to the end of its value, with the default', () => {
    const text = 'sync:\n  toHost:\n    pods:\n      enabled: true\n';
    for (const checked of releases) {
      const finding = only(checkConfig(text, checked).findings, 'default value');
      assert.equal(finding.severity, 'note');
      assert.equal(finding.message, `\`sync.toHost.pods.enabled\` is set to its default in ${checked.version} (\`true\`); you can remove it.`);
      assert.equal(text.slice(finding.from, finding.to), 'enabled: true');
    }
  });

  test('an entry of a default map equals its default too (Helm merges maps)', () => {
    const finding = only(checkConfig('controlPlane:\n  statefulSet:\n    resources:\n      requests:\n        cpu: 200m\n        memory: 1Gi\n', current).findings, 'default value');
    assert.equal(finding.path, 'controlPlane.statefulSet.resources.requests.cpu');
    assert.match(finding.message, /\(`200m`\)/u);
    assert.equal(finding.link?.anchor, 'controlPlane-statefulSet-resources-requests');
  });

  test('findings come in text order', () => {
    const text = 'serviceCIDR: x\nsync:\n  toHost:\n    pods:\n      enabled: true\n      enabld: true\n';
    const lines = checkConfig(text, current).findings.map((finding) => finding.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
    assert.equal(lines.length, 3);
  });
});
