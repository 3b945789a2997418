/**
 * The upgrade of a whole file (src/checker/upgradeConfig.ts) on the real
 * release line: what it keeps of the reader's text (comments, order, a file
 * no move touches), anchors and merge keys, bad input, the constraints it
 * meets, how the problems left are explained, the Pro verdict and the line
 * diff. Releases and fields come from the release data and the moves data.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parse} from 'yaml';
import {appliesAt, sourcePaths, targetPaths, type MoveEntry} from '../../src/reference/moves';
import {compareVersions} from '../../src/reference/releases';
import {diffLines, unifiedDiff} from '../../src/checker/moves/lineDiff';
import {UpgradeInputError, upgradeConfig, type UpgradeErrorReason, type UpgradeResult} from '../../src/checker/upgradeConfig';
import {realLine, realMoves, upgradeSources, yamlAt} from '../support/checkerReleases';
import {CURRENT, LINE, RELEASES} from '../support/versions';

const NEWEST = RELEASES[0];
const OLDEST = LINE.releases[0];

function moveById(id: string): MoveEntry {
  const move = realMoves().moves.find((candidate) => candidate.id === id);
  assert.ok(move, id);
  return move;
}

const before = (release: string) => LINE.releases[LINE.releases.indexOf(release) - 1];

function upgrade(text: string, from: string | undefined, to: string): UpgradeResult {
  return upgradeConfig({text, from, to}, upgradeSources(to));
}

function reasonOf(text: string, from: string | undefined, to: string): UpgradeErrorReason | undefined {
  try {
    // An unknown target has no schema to read.
    upgradeConfig({text, from, to}, realLine().has(to) ? upgradeSources(to) : {line: realLine(), moves: realMoves()});
    return undefined;
  } catch (error) {
    assert.ok(error instanceof UpgradeInputError, String(error));
    return error.reason;
  }
}

/** A boolean field every release of the line has, which no move reads or writes, outside the given top-level keys. */
function untouchedField(avoid: readonly string[] = []): string {
  const line = realLine();
  const touched = realMoves().moves.flatMap((move) => [...sourcePaths(move), ...targetPaths(move)]);
  const field = line.data.fields.find(
    (candidate) =>
      /^[A-Za-z.]+$/u.test(candidate.path) &&
      candidate.path.split('.').length >= 3 &&
      !avoid.includes(candidate.path.split('.')[0]) &&
      line.data.releases.every((_, i) => line.stateAt(candidate, i)?.type === 'boolean') &&
      !touched.some((path) => candidate.path === path || candidate.path.startsWith(`${path}.`) || path.startsWith(`${candidate.path}.`)),
  );
  assert.ok(field, 'a field every release has');
  return field.path;
}

describe('what the upgrade keeps of the reader\'s text', () => {
  test('a file no move touches comes back as it is, with an empty diff', () => {
    const text = `# my vCluster\n${yamlAt(untouchedField(), 'true   # on purpose')}`;
    const result = upgrade(text, OLDEST, NEWEST);
    assert.equal(result.text, text);
    assert.equal(result.changed, false);
    assert.ok(result.diff.every((line) => line.op === 'same'));
    assert.deepEqual(result.steps, []);
  });

  test('comments, blank lines and the order of the other keys stay; only the moved lines change', () => {
    const move = moveById('experimentalSleepMode');
    const other = untouchedField(['experimental', 'sleepMode']);
    const text = `# head comment\n\n${yamlAt(other, 'true  # keep me')}\n${move.example!.before}# tail comment\n`;
    const result = upgrade(text, before(appliesAt(move)), appliesAt(move));
    assert.deepEqual(parse(result.text), {...parse(yamlAt(other, 'true')), ...parse(move.example!.after)});
    for (const kept of ['# head comment', '# keep me', '# tail comment']) assert.ok(result.text.includes(kept), kept);
    assert.ok(result.text.startsWith(`# head comment\n\n${yamlAt(other, 'true  # keep me')}`), 'the untouched lines are the reader\'s own');
    const changed = result.diff.filter((line) => line.op !== 'same');
    assert.ok(changed.every((line) => !line.text.includes('keep me') && !line.text.includes('comment')));
    assert.equal(result.steps[0].id, move.id);
    assert.equal(result.steps[0].line, text.split('\n').findIndex((row) => row.trim().startsWith('sleepMode:')) + 1);
  });

  test('anchors, aliases and merge keys: read as Helm reads them, written out when a move touches the file', () => {
    const move = moveById('experimentalSleepMode');
    const text = [
      'controlPlane:',
      '  statefulSet:',
      '    annotations: &base',
      '      team: platform',
      '    labels:',
      '      <<: *base',
      '      tier: control',
      'experimental:',
      '  sleepMode:',
      '    enabled: true',
      '    timeZone: &tz Europe/Berlin',
      '    autoSleep:',
      '      afterInactivity: 1h',
      '',
    ].join('\n');
    const result = upgrade(text, before(appliesAt(move)), appliesAt(move));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(parse(result.text), {
      controlPlane: {statefulSet: {annotations: {team: 'platform'}, labels: {team: 'platform', tier: 'control'}}},
      sleepMode: {enabled: true, timeZone: 'Europe/Berlin', autoSleep: {afterInactivity: '1h'}},
    });
    assert.ok(!/[&*]\w|<</u.test(result.text), 'no anchor, alias or merge key left');
    assert.ok(result.notes.some((note) => note.includes('merge keys')));
    // With nothing to move, the file keeps its anchors.
    const untouched = upgrade(text.replace(/experimental:[\s\S]*/u, ''), before(appliesAt(move)), appliesAt(move));
    assert.ok(untouched.text.includes('<<: *base') && !untouched.notes.length);
  });
});

describe('bad input, each with a clear message', () => {
  const text = yamlAt(untouchedField(), 'true');
  test('releases: unknown, a target older than the file, none named', () => {
    assert.equal(reasonOf(text, 'no-such-release', NEWEST), 'unknown-release');
    assert.equal(reasonOf(text, OLDEST, '99.0.0'), 'unknown-release');
    assert.equal(reasonOf(text, NEWEST, OLDEST), 'not-later');
    assert.equal(reasonOf(text, undefined, NEWEST), 'no-release');
    assert.equal(reasonOf(text, NEWEST, NEWEST), undefined, 'the same release: nothing to move, the file is checked');
  });

  test('text that is no vcluster.yaml: invalid YAML (with its place), several documents, a list, another chart\'s values, template keys', () => {
    try {
      upgrade('controlPlane:\n  distro: [k8s\n', OLDEST, NEWEST);
      assert.fail('parsed');
    } catch (error) {
      assert.ok(error instanceof UpgradeInputError && error.reason === 'invalid-yaml');
      assert.ok(error.position && error.position.line >= 2, 'the line of the fault');
      assert.match(error.message, /line \d+, column \d+/u);
    }
    assert.equal(reasonOf(`${text}---\n${text}`, OLDEST, NEWEST), 'invalid-yaml');
    assert.equal(reasonOf('- a\n- b\n', OLDEST, NEWEST), 'not-a-map');
    assert.equal(reasonOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', OLDEST, NEWEST), 'other-chart');
    assert.equal(reasonOf('controlPlane:\n  statefulSet:\n    image:\n      {{ .Registry }}: x\n', OLDEST, NEWEST), 'invalid-yaml');
  });

  test('an empty file upgrades to an empty file', () => {
    const result = upgrade('', OLDEST, NEWEST);
    assert.equal(result.text, '');
    assert.deepEqual(result.problems, []);
  });
});

describe('the constraints crossed on the way', () => {
  const deploy = 'controlPlane:\n  backingStore:\n    etcd:\n      deploy:\n        enabled: true\n';
  test('a deployed etcd from the oldest release: a stop, with the releases of the line to land on', () => {
    const stop = realMoves().constraints.find((constraint) => constraint.id === 'etcd35to36')!;
    const result = upgrade(deploy, OLDEST, NEWEST);
    const found = result.constraints.find((constraint) => constraint.id === stop.id);
    assert.ok(found, 'the etcd stop');
    const expected = LINE.releases.filter((release) => compareVersions(release, stop.stopAt!.first) >= 0 && compareVersions(release, stop.stopAt!.last) <= 0 && release !== OLDEST && release !== NEWEST);
    assert.deepEqual(found.landOn, expected);
    assert.ok(found.evidence && found.text);
    // From a release after the stop's range, and with the tag pinned, there is none; a pin below 3.5.20 has its own.
    assert.ok(!upgrade(deploy, stop.release, NEWEST).constraints.some((constraint) => constraint.id === stop.id));
    const pinned = upgrade(`${deploy}        statefulSet:\n          image:\n            tag: 3.5.13-0\n`, OLDEST, NEWEST);
    assert.ok(!pinned.constraints.some((constraint) => constraint.id === stop.id));
    assert.ok(pinned.constraints.some((constraint) => constraint.id === 'pinnedEtcdBefore3520'));
  });

  test('a release to avoid: said when the target is one', () => {
    const avoid = realMoves().constraints.find((constraint) => constraint.id === 'externalDataSourceAvoid0250')!;
    const text = 'controlPlane:\n  backingStore:\n    database:\n      external:\n        dataSource: mysql://x\n';
    const result = upgrade(text, OLDEST, avoid.avoid![0]);
    assert.equal(result.constraints.find((constraint) => constraint.id === avoid.id)?.targetAvoided, true);
    assert.equal(result.steps.find((step) => step.id === 'externalDatabaseWithoutEnabled')?.status, 'kept');
  });
});

describe('the problems left, each explained or said not to be', () => {
  test('a key the file should not have had at its release is put down to the move that took it', () => {
    const move = moveById('multiNamespaceMode');
    const result = upgrade('experimental:\n  multiNamespaceMode:\n    enabled: true\n', move.release, NEWEST);
    const problem = result.problems.find((candidate) => candidate.path.startsWith('experimental'));
    assert.ok(problem?.explained, 'explained');
    assert.equal(problem.step, move.id);
    assert.match(problem.explanation, new RegExp(`not written for ${move.release.replaceAll('.', '\\.')}`, 'u'));
  });

  test('a typo is no move: unexplained, with the target chart\'s words', () => {
    const result = upgrade('controlPlane:\n  statefulSett: {}\n', OLDEST, NEWEST);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].explained, false);
    assert.equal(result.problems[0].line, 2);
    assert.match(result.problems[0].message, /statefulSett/u);
  });
});

describe('does the file need vCluster Pro?', () => {
  const release = realLine();
  const fields = release.fieldsOf(CURRENT);
  test('a field the chart marks Pro, set: needs Pro, with the chart named as the reason', () => {
    const field = fields.find((candidate) => candidate.pro && !candidate.proWhen && !(candidate.facts ?? []).some((fact) => fact.kind === 'pro') && candidate.type === 'boolean' && /^[A-Za-z.]+$/u.test(candidate.path));
    assert.ok(field, 'a boolean field the schema marks Pro');
    const on = upgrade(yamlAt(field.path, 'true'), CURRENT, CURRENT).pro;
    assert.equal(on.needsPro, true);
    assert.equal(on.keys[0].source, 'schema');
    // The top-most key the chart marks: the field, or a section above it; on its own line.
    assert.ok(field.path === on.keys[0].path || field.path.startsWith(`${on.keys[0].path}.`));
    assert.equal(on.keys[0].line, on.keys[0].path.split('.').length);
    assert.equal(upgrade(yamlAt(field.path, 'false'), CURRENT, CURRENT).pro.needsPro, false, 'switched off: no');
  });

  test('a curated condition ("when the list isn\'t empty"): evaluated on the file', () => {
    const field = fields.find((candidate) => candidate.proWhen?.includes("when the list isn't empty") && /^[A-Za-z.]+$/u.test(candidate.path));
    assert.ok(field, 'a list that needs Pro when not empty');
    const full = upgrade(yamlAt(field.path, '[{}]'), CURRENT, CURRENT).pro;
    assert.equal(full.needsPro, true);
    assert.equal(full.keys[0].condition, "when the list isn't empty");
    assert.equal(full.curated, true);
    assert.equal(upgrade(yamlAt(field.path, '[]'), CURRENT, CURRENT).pro.needsPro, false);
  });

  test('a release without curated facts says so', () => {
    const historyOnly = LINE.releases.find((version) => !LINE.documented.includes(version));
    if (!historyOnly) return;
    assert.equal(upgrade('', historyOnly, historyOnly).pro.curated, false);
  });
});

describe('the line diff', () => {
  test('reads back both texts, and prints as a unified diff', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const lines = (n: number) => Array.from({length: n}, () => `l${Math.floor(random() * 6)}`);
      const [a, b] = [lines(Math.floor(random() * 12)), lines(Math.floor(random() * 12))];
      const [textA, textB] = [a.map((line) => `${line}\n`).join(''), b.map((line) => `${line}\n`).join('')];
      const diff = diffLines(textA, textB);
      assert.deepEqual(diff.filter((line) => line.op !== 'added').map((line) => line.text), a);
      assert.deepEqual(diff.filter((line) => line.op !== 'removed').map((line) => line.text), b);
      assert.deepEqual(diff.filter((line) => line.op !== 'added').map((line) => line.oldLine), a.map((_, i) => i + 1));
    }
    const printed = unifiedDiff(diffLines('a\nb\nc\n', 'a\nB\nc\n'), {before: 'old', after: 'new'});
    assert.equal(printed, '--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  });
});
