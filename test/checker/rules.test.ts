/**
 * Every cross-field rule the checker ports from vCluster and its chart
 * (src/checker/rules), on the real charts of the releases in its range,
 * chosen from the manifest: a file that breaks it gets its finding, a file
 * that satisfies it does not, and both are files the release's schema
 * accepts (so the keys they set are that release's). Outside its range the
 * rule is silent. The rules were read through a release: a newer release in
 * the manifest fails a test until they are read at its tag.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {checkConfig} from '../../src/checker/check';
import type {CheckerRelease} from '../../src/checker/release';
import {RULES, RULES_READ_THROUGH, appliesTo, ruleById, rulesFor, runRules, type Rule} from '../../src/checker/rules';
import {compareVersions} from '../../src/reference/releases';
import {parseConfig, schemaProblems} from '../../src/reference/validateConfig';
import {lineRelease} from '../support/checkerReleases';
import {ALL_VERSIONS, DOCUMENTED, LINE} from '../support/versions';

/** For each rule: a file that breaks it and one that satisfies it (YAML written for the rule, valid for every release in its range). */
const CASES: Record<string, {breaks: string; satisfies: string}> = {
  'pod-security-standard': {breaks: 'policies:\n  podSecurityStandard: strict\n', satisfies: 'policies:\n  podSecurityStandard: restricted\n'},
  'enforce-tolerations': {
    breaks: 'sync:\n  toHost:\n    pods:\n      enforceTolerations:\n        - "a=b=c:NoSchedule"\n',
    satisfies: 'sync:\n  toHost:\n    pods:\n      enforceTolerations:\n        - "example.com/dedicated=tenant-a:NoSchedule"\n        - "*"\n',
  },
  'scheduler-needs-node-sync': {
    breaks: 'controlPlane:\n  advanced:\n    virtualScheduler:\n      enabled: true\n',
    satisfies: 'controlPlane:\n  advanced:\n    virtualScheduler:\n      enabled: true\nsync:\n  fromHost:\n    nodes:\n      enabled: true\n',
  },
  'storage-classes-one-direction': {
    breaks: 'sync:\n  toHost:\n    storageClasses:\n      enabled: true\n  fromHost:\n    storageClasses:\n      enabled: true\n',
    satisfies: 'sync:\n  toHost:\n    storageClasses:\n      enabled: true\n',
  },
  'embedded-database-one-replica': {
    breaks: 'controlPlane:\n  statefulSet:\n    highAvailability:\n      replicas: 3\n',
    satisfies: 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n  statefulSet:\n    highAvailability:\n      replicas: 3\n',
  },
  'priority-classes-one-direction': {
    breaks: 'sync:\n  toHost:\n    priorityClasses:\n      enabled: true\n  fromHost:\n    priorityClasses:\n      enabled: true\n',
    satisfies: 'sync:\n  toHost:\n    priorityClasses:\n      enabled: true\n',
  },
  'volume-snapshots-together': {
    breaks: 'sync:\n  toHost:\n    volumeSnapshots:\n      enabled: true\n',
    satisfies: 'sync:\n  toHost:\n    volumeSnapshots:\n      enabled: true\n    volumeSnapshotContents:\n      enabled: true\n',
  },
  'custom-resources-to-host-scope': {
    breaks: 'sync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Cluster\n',
    satisfies: 'sync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Namespaced\n',
  },
  'custom-resources-from-host-cluster-scope': {
    breaks: 'sync:\n  fromHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Namespaced\n',
    satisfies: 'sync:\n  fromHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Cluster\n',
  },
  'custom-resources-from-host-scope': {
    breaks: 'sync:\n  fromHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Namespaced\n',
    satisfies: 'sync:\n  fromHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n        scope: Namespaced\n        mappings:\n          byName:\n            "team-a/*": "widgets/*"\n',
  },
  'from-host-mappings': {
    breaks: 'sync:\n  fromHost:\n    configMaps:\n      enabled: true\n',
    satisfies: 'sync:\n  fromHost:\n    configMaps:\n      enabled: true\n      mappings:\n        byName:\n          "team-a/*": "shared/*"\n',
  },
  'patches-one-kind': {
    breaks: 'sync:\n  toHost:\n    pods:\n      patches:\n        - path: metadata.annotations["example.com/x"]\n',
    satisfies: 'sync:\n  toHost:\n    pods:\n      patches:\n        - path: metadata.annotations["example.com/x"]\n          expression: \'"y"\'\n',
  },
  'patches-unique-path': {
    breaks: 'sync:\n  toHost:\n    pods:\n      patches:\n        - path: metadata.annotations["example.com/x"]\n          expression: \'"y"\'\n        - path: metadata.annotations["example.com/x"]\n          expression: \'"z"\'\n',
    satisfies: 'sync:\n  toHost:\n    pods:\n      patches:\n        - path: metadata.annotations["example.com/x"]\n          expression: \'"y"\'\n        - path: metadata.annotations["example.com/z"]\n          expression: \'"z"\'\n',
  },
  'generic-sync-or-custom-resources': {
    breaks: 'sync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\nexperimental:\n  genericSync:\n    export:\n      - apiVersion: example.com/v1\n        kind: Gadget\n',
    satisfies: 'sync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n',
  },
  'one-distro': {
    breaks: 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n    k8s:\n      enabled: true\n',
    satisfies: 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n',
  },
  'k0s-virtual-cluster-kubeconfig': {
    breaks: 'controlPlane:\n  distro:\n    k0s:\n      enabled: true\nexperimental:\n  virtualClusterKubeConfig:\n    kubeConfig: /data/k0s/pki/admin.conf\n',
    satisfies: 'controlPlane:\n  distro:\n    k0s:\n      enabled: true\n',
  },
  'deny-proxy-requests': {
    breaks: 'experimental:\n  denyProxyRequests:\n    - name: no-deletes\n      rules:\n        - operations: ["delete", "*"]\n',
    satisfies: 'experimental:\n  denyProxyRequests:\n    - name: no-deletes\n      namespaces: ["team-a"]\n      rules:\n        - operations: ["delete"]\n          apiGroups: ["*"]\n',
  },
  'resolve-dns-entries': {
    breaks: 'networking:\n  resolveDNS:\n    - hostname: a.example.com\n      service: team-a/web\n      target:\n        hostname: b.example.com\n',
    satisfies: 'networking:\n  resolveDNS:\n    - hostname: a.example.com\n      target:\n        hostname: b.example.com\n',
  },
  'resolve-dns-wildcards': {
    breaks: 'networking:\n  resolveDNS:\n    - hostname: a.*.example.com\n      target:\n        hostname: "*.b.example.com"\n',
    satisfies: 'networking:\n  resolveDNS:\n    - hostname: "*.a.example.com"\n      target:\n        hostname: "*.b.example.com"\n',
  },
  'central-admission-webhooks': {
    breaks: 'policies:\n  centralAdmission:\n    validatingWebhooks:\n      - webhooks:\n          - name: check.example.com\n            clientConfig: {}\n',
    satisfies: 'policies:\n  centralAdmission:\n    validatingWebhooks:\n      - webhooks:\n          - name: check.example.com\n            clientConfig:\n              url: https://check.example.com/validate\n',
  },
  'export-kubeconfig-secrets': {
    breaks: 'exportKubeConfig:\n  secret:\n    name: kubeconfig-a\n  additionalSecrets:\n    - name: kubeconfig-b\n',
    satisfies: 'exportKubeConfig:\n  additionalSecrets:\n    - name: kubeconfig-a\n    - name: kubeconfig-b\n',
  },
  'export-kubeconfig-server-url': {breaks: 'exportKubeConfig:\n  server: vcluster.example.com:443\n', satisfies: 'exportKubeConfig:\n  server: https://vcluster.example.com:443\n'},
  'integrations-or-custom-resources': {
    breaks: 'integrations:\n  certManager:\n    enabled: true\nsync:\n  toHost:\n    customResources:\n      certificates.cert-manager.io:\n        enabled: true\n',
    satisfies: 'integrations:\n  certManager:\n    enabled: true\nsync:\n  toHost:\n    customResources:\n      widgets.example.com:\n        enabled: true\n',
  },
  'private-nodes-features': {
    breaks: 'controlPlane:\n  endpoint: 203.0.113.10:443\n',
    satisfies: 'privateNodes:\n  enabled: true\ncontrolPlane:\n  endpoint: 203.0.113.10:443\n',
  },
  'private-nodes-isolated-control-plane': {
    breaks: 'privateNodes:\n  enabled: true\nexperimental:\n  isolatedControlPlane:\n    enabled: true\n',
    satisfies: 'privateNodes:\n  enabled: true\n',
  },
  'private-nodes-k8s-only': {
    breaks: 'privateNodes:\n  enabled: true\ncontrolPlane:\n  distro:\n    k3s:\n      enabled: true\n',
    satisfies: 'privateNodes:\n  enabled: true\ncontrolPlane:\n  distro:\n    k8s:\n      enabled: true\n',
  },
  'one-backing-store': {
    breaks: 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n    database:\n      external:\n        enabled: true\n',
    satisfies: 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n',
  },
  'volume-snapshot-keys-removed': {
    breaks: 'sync:\n  toHost:\n    volumeSnapshots:\n      enabled: false\n',
    satisfies: 'sync:\n  toHost:\n    pods:\n      enabled: true\n',
  },
  'pro-external-database-k8s': {
    breaks: 'controlPlane:\n  backingStore:\n    database:\n      external:\n        enabled: true\n',
    satisfies: 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n  backingStore:\n    database:\n      external:\n        enabled: true\n',
  },
  'resolve-dns-needs-embedded-coredns': {
    breaks: 'networking:\n  resolveDNS:\n    - hostname: a.example.com\n      target:\n        hostname: b.example.com\n',
    satisfies: 'controlPlane:\n  coredns:\n    embedded: true\nnetworking:\n  resolveDNS:\n    - hostname: a.example.com\n      target:\n        hostname: b.example.com\n',
  },
  'export-kubeconfig-secret-needs-server': {
    breaks: 'exportKubeConfig:\n  secret:\n    name: kubeconfig-a\n',
    satisfies: 'exportKubeConfig:\n  server: https://vcluster.example.com\n  secret:\n    name: kubeconfig-a\n',
  },
};

const releases = LINE.releases;

/** The releases a rule is tested on: the first and last of its range, and a documented one in it (every one with TEST_ALL_VERSIONS=1). */
function sampleOf(rule: Rule): string[] {
  const inRange = releases.filter((version) => appliesTo(rule, version));
  if (ALL_VERSIONS) return inRange;
  return [...new Set([inRange[0], inRange.at(-1)!, ...inRange.filter((version) => DOCUMENTED.includes(version)).slice(0, 1)])];
}

/** The releases just outside a rule's range, that the line has. */
function outsideOf(rule: Rule): string[] {
  const inRange = releases.filter((version) => appliesTo(rule, version));
  const first = releases.indexOf(inRange[0]);
  const last = releases.indexOf(inRange.at(-1)!);
  return [releases[first - 1], releases[last + 1]].filter((version): version is string => version !== undefined);
}

function schemaValid(text: string, release: CheckerRelease): string[] {
  const parsed = parseConfig(text);
  assert.deepEqual(parsed.problems, [], 'the fixture is valid YAML');
  return schemaProblems(parsed.doc!, parsed.data, release.validate!).map((problem) => problem.message);
}

describe('cross-field rules', () => {
  test('every rule has a breaking and a satisfying file, a range inside the line and evidence', () => {
    assert.deepEqual(Object.keys(CASES).sort(), RULES.map((rule) => rule.id).sort());
    assert.equal(ruleById.size, RULES.length, 'rule ids are unique');
    for (const rule of RULES) {
      assert.ok(releases.includes(rule.since), `${rule.id}: its first release ${rule.since} is a release of the line`);
      if (rule.removedIn) assert.ok(releases.includes(rule.removedIn), `${rule.id}: ${rule.removedIn} is a release of the line`);
      assert.match(rule.evidence, /(pkg|chart|config)\//u, `${rule.id} names its source file`);
      assert.ok(sampleOf(rule).length > 0);
    }
  });

  test(`the rules were read at every release of the manifest (through ${RULES_READ_THROUGH})`, () => {
    const newest = releases.at(-1)!;
    assert.ok(compareVersions(newest, RULES_READ_THROUGH) <= 0, `the manifest lists ${newest}: read pkg/config/validation.go and the chart's templates at its tag, update the rules' ranges, then RULES_READ_THROUGH`);
  });

  for (const rule of RULES) {
    test(`${rule.id} (${rule.kind}, ${rule.source}, ${rule.since}${rule.removedIn ? ` until before ${rule.removedIn}` : ' on'}): broken and satisfied on its releases, silent outside them`, () => {
      const {breaks, satisfies} = CASES[rule.id];
      for (const version of sampleOf(rule)) {
        const release = lineRelease(version);
        assert.deepEqual(schemaValid(breaks, release), [], `${version}: the breaking file of ${rule.id} is valid for the schema`);
        assert.deepEqual(schemaValid(satisfies, release), [], `${version}: the satisfying file of ${rule.id} is valid for the schema`);
        const broken = checkConfig(breaks, release).findings.filter((finding) => finding.rule?.id === rule.id);
        assert.ok(broken.length > 0, `${version}: ${rule.id} finds the breaking file`);
        for (const finding of broken) {
          assert.equal(finding.severity, {refused: 'error', requires: 'warning', pro: 'note'}[rule.kind]);
          assert.ok(finding.line >= 1 && finding.from < breaks.length, `${version}: placed in the file`);
          assert.ok(finding.message.includes('`'), 'names what it is about');
        }
        assert.deepEqual(checkConfig(satisfies, release).findings.filter((finding) => finding.rule?.id === rule.id), [], `${version}: ${rule.id} passes the satisfying file`);
        assert.ok(rulesFor(version).includes(rule));
      }
      for (const version of outsideOf(rule)) {
        assert.ok(!rulesFor(version).includes(rule), `${version} is outside ${rule.id}'s range`);
        assert.deepEqual(checkConfig(breaks, lineRelease(version)).findings.filter((finding) => finding.rule?.id === rule.id), [], `${version}: ${rule.id} does not run`);
      }
    });
  }

  test('a rule that meets a value of the wrong type reports nothing: the schema says what is wrong', () => {
    const version = DOCUMENTED[0];
    const release = lineRelease(version);
    const text = 'controlPlane:\n  statefulSet:\n    highAvailability:\n      replicas: "3"\nsync:\n  toHost:\n    pods:\n      enforceTolerations: 5\n';
    const findings = checkConfig(text, release).findings;
    assert.deepEqual(findings.filter((finding) => finding.rule), []);
    assert.ok(findings.some((finding) => finding.kind === 'schema'));
    assert.deepEqual(runRules(version, {sync: {toHost: {pods: {enforceTolerations: [1, null]}}}}, release.byPath), []);
  });
});
