/**
 * Every curated move (moves/<release>.yaml, as gen-partials publishes it) on
 * its own example: the file before the move, valid for the release before
 * it, upgraded across the move's release, gives the file after it, valid
 * there (or, for a move left to the reader, with every remaining problem
 * explained by it). Then the cases in which a mechanical move needs the
 * reader, the transforms' own rules, and the curation's completeness: every
 * key removed between two releases of the line is covered by a move.
 * Releases are read from the moves data and the line, never written here.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parse} from 'yaml';
import {appliesAt, sourcePaths, type MoveEntry} from '../../src/reference/moves';
import {upgradeConfig, type UpgradeResult} from '../../src/checker/upgradeConfig';
import {goDuration, k8sTagOf, parseImageRef} from '../../src/checker/moves/transforms';
import {parseConfig, schemaProblems} from '../../src/reference/validateConfig';
import {realLine, realMoves, upgradeSources, validatorOf} from '../support/checkerReleases';

const sorted = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])])) : value;
const data = (text: string): unknown => sorted(parse(text) ?? {});

/** The release before the one a move applies at. */
function before(move: MoveEntry): string {
  const releases = realLine().data.releases;
  return releases[releases.indexOf(appliesAt(move)) - 1];
}

function moveById(id: string): MoveEntry {
  const move = realMoves().moves.find((candidate) => candidate.id === id);
  assert.ok(move, `the moves data has ${id}`);
  return move;
}

/** Upgrades `text` across the release of `move` only. */
function across(move: MoveEntry, text: string): UpgradeResult {
  return upgradeConfig({text, from: before(move), to: appliesAt(move)}, upgradeSources(appliesAt(move)));
}

describe('every curated move, on its example', () => {
  for (const move of realMoves().moves) {
    test(`${move.id} (${move.release}, ${move.kind})`, () => {
      assert.ok(move.example, `${move.id} has an example`);
      const {before: input, after} = move.example;
      const parsed = parseConfig(input);
      assert.deepEqual(schemaProblems(parsed.doc!, parsed.data, validatorOf(before(move))).map((problem) => problem.message), [], `the example is valid for ${before(move)}`);
      const result = across(move, input);
      assert.deepEqual(data(result.text), data(after), 'the upgraded file is the example after the move');
      const steps = result.steps.filter((step) => step.id === move.id);
      assert.ok(steps.length, 'the move is reported as a step');
      for (const step of steps) {
        assert.equal(step.release, move.release);
        const key = step.from[0].split('.').at(-1)!;
        assert.match(input.split('\n')[step.line! - 1], new RegExp(`^\\s*${key}:`), `${move.id}: the step's line is its key's`);
      }
      if (steps.every((step) => step.status === 'applied')) assert.deepEqual(result.problems, [], `valid for ${move.release}`);
      for (const problem of result.problems) assert.ok(problem.explained, `${problem.path}: ${problem.explanation}`);
    });
  }
});

describe('the cases in which a move needs the reader', () => {
  const run = (id: string, text: string) => {
    const move = moveById(id);
    const result = across(move, text);
    const step = result.steps.find((candidate) => candidate.id === id);
    assert.ok(step, `${id} is a step`);
    for (const problem of result.problems) assert.ok(problem.explained, `${problem.path}: ${problem.explanation}`);
    return {result, step};
  };

  test('a removal kept or applied as the move says, with its reason', () => {
    const reuse = run('reuseNamespace', 'experimental:\n  reuseNamespace: true\n');
    assert.equal(reuse.step.status, 'partial', 'applied (the key must go), and the reader recreates the other vClusters');
    assert.ok(reuse.step.reasons.length && reuse.step.instead);
    assert.deepEqual(data(reuse.result.text), {});
    const sync = run('disableSync', 'experimental:\n  syncSettings:\n    disableSync: true\n');
    assert.equal(sync.step.status, 'kept');
    assert.match(sync.result.text, /disableSync: true/u);
    const eso = run('esoExternalSecrets', 'integrations:\n  externalSecrets:\n    enabled: true\n    sync:\n      externalSecrets:\n        enabled: false\n');
    assert.equal(eso.step.status, 'kept', 'turning the sync off means turning the integration off: the reader decides');
  });

  test('the component images: a registry of their own, or tags that differ, are the reader\'s', () => {
    const registry = run('k8sComponentImages', 'controlPlane:\n  distro:\n    k8s:\n      apiServer:\n        image:\n          registry: mirror.example.com\n          tag: v1.30.0\n');
    assert.equal(registry.step.status, 'kept');
    assert.match(registry.step.reasons.join(' '), /mirror\.example\.com/u);
    const tags = run('k8sComponentImages', 'controlPlane:\n  distro:\n    k8s:\n      apiServer:\n        image:\n          tag: v1.30.0\n      scheduler:\n        image:\n          tag: v1.30.1\n');
    assert.equal(tags.step.status, 'kept');
    const policy = run('k8sComponentImagePullPolicy', 'controlPlane:\n  distro:\n    k8s:\n      apiServer:\n        imagePullPolicy: Always\n      scheduler:\n        imagePullPolicy: Never\n');
    assert.equal(policy.step.status, 'kept');
  });

  test('a block whose switch the new form drops: mechanical only when it was on', () => {
    const off = run('sleepModeToSleep', 'sleepMode:\n  enabled: false\n  autoSleep:\n    afterInactivity: 1h\n');
    assert.equal(off.step.status, 'kept');
    assert.match(off.result.text, /sleepMode:/u);
    const snapshot = run('externalPlatform', 'external:\n  platform:\n    autoSnapshot:\n      schedule: "0 3 * * *"\n');
    assert.equal(snapshot.step.status, 'kept', 'autoSnapshot without enabled: true');
  });

  test('both the old key and its new place set: the reader keeps one', () => {
    const move = moveById('esoStores');
    const result = across(move, 'integrations:\n  externalSecrets:\n    enabled: true\n    sync:\n      stores:\n        enabled: true\n      toHost:\n        stores:\n          enabled: false\n');
    assert.equal(result.steps.find((step) => step.id === move.id)?.status, 'kept');
  });

  test('node pools without a provider, k3s server settings', () => {
    assert.equal(run('autoNodesList', 'privateNodes:\n  enabled: true\n  autoNodes:\n    static:\n      - name: a\n        quantity: 1\n').step.status, 'kept');
    const k3s = run('k3sToK8s', 'controlPlane:\n  distro:\n    k3s:\n      enabled: true\n      extraArgs: [--disable=traefik]\n');
    assert.equal(k3s.step.status, 'partial', 'the k8s block is written; the k3s flags stay for the reader');
    assert.match(k3s.result.text, /k8s:\s*\n\s*enabled: true/u);
    assert.match(k3s.result.text, /extraArgs/u);
    const disabled = run('k3sToK8s', 'controlPlane:\n  distro:\n    k3s:\n      enabled: false\n      token: abc\n');
    assert.equal(disabled.step.status, 'applied', 'a k3s block that was off goes');
    assert.deepEqual(data(disabled.result.text), {});
  });

  test('the virtual scheduler moves only with the k8s distro', () => {
    const move = moveById('virtualScheduler');
    const k3s = across(move, 'controlPlane:\n  advanced:\n    virtualScheduler:\n      enabled: true\n  distro:\n    k3s:\n      enabled: true\n');
    assert.equal(k3s.steps.length, 0);
    assert.match(k3s.text, /virtualScheduler/u);
  });
});

describe('the transforms\' rules', () => {
  test('seconds as Go prints a duration', () => {
    assert.deepEqual([3600, 90, 45, 86400, 604800, 3661].map(goDuration), ['1h0m0s', '1m30s', '45s', '24h0m0s', '168h0m0s', '1h1m1s']);
  });

  test('image references split as ParseImageRef does', () => {
    assert.deepEqual(parseImageRef('my-registry.com:5000/private/private:v0.0.1'), {registry: 'my-registry.com:5000', repository: 'private/private', tag: 'v0.0.1'});
    assert.deepEqual(parseImageRef('loft-sh/test:abc'), {repository: 'loft-sh/test', tag: 'abc'});
    assert.deepEqual(parseImageRef('library/alpine:3.20'), {repository: 'alpine', tag: '3.20'});
    assert.deepEqual(parseImageRef('alpine'), {repository: 'alpine'});
    assert.deepEqual(parseImageRef('localhost:5000/x'), {registry: 'localhost:5000', repository: 'x'});
  });

  test('a k3s tag without its suffix', () => {
    assert.equal(k8sTagOf('v1.32.1-k3s1'), 'v1.32.1');
    assert.equal(k8sTagOf('v1.30.2+k3s2'), 'v1.30.2');
    assert.equal(k8sTagOf('v1.33.0'), 'v1.33.0');
  });
});

describe('the curation is complete', () => {
  test('every key removed between two releases of the line is covered by a move', () => {
    const line = realLine();
    const releases = line.data.releases;
    const moves = realMoves().moves;
    // A key is covered by a move of its release that reads it, a key above it, or (a map emptied by moves) keys below it.
    const covered = (path: string, release: string) => {
      const key = path.replace(/\[\]/gu, '');
      return moves.some(
        (move) =>
          move.release === release &&
          [...sourcePaths(move), ...(move.to && move.from.includes(move.to) ? [move.to] : [])].some((source) => key === source || key.startsWith(`${source}.`) || source.startsWith(`${key}.`)),
      );
    };
    const missing: string[] = [];
    for (let i = 1; i < releases.length; i++) {
      for (const field of line.data.fields) {
        if (!line.stateAt(field, i - 1) || line.stateAt(field, i)) continue;
        if (!covered(field.path, releases[i])) missing.push(`${releases[i]} ${field.path}`);
      }
    }
    assert.deepEqual(missing, [], 'removed keys with no curated move (write one in moves/<release>.yaml)');
  });
});
