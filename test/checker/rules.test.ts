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
import {RULE_CASES as CASES} from '../support/ruleCases';
import {ALL_VERSIONS, DOCUMENTED, LINE} from '../support/versions';

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
