/**
 * From a JSON instance path to the YAML node that causes a problem, and from
 * each key a file sets to where it is written: nested maps, lists, flow
 * style, anchors and aliases, comments; several documents are an error.
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {checkConfig} from '../../src/checker/check';
import {lineColumns} from '../../src/checker/positions';
import type {CheckerRelease} from '../../src/checker/release';
import {setKeys} from '../../src/checker/setKeys';
import {parseConfig, rangeOf} from '../../src/reference/validateConfig';
import {realRelease} from '../support/checkerReleases';
import {CURRENT} from '../support/versions';

function parsed(text: string): {doc: NonNullable<ReturnType<typeof parseConfig>['doc']>; data: unknown} {
  const result = parseConfig(text);
  assert.deepEqual(result.problems, []);
  return {doc: result.doc!, data: result.data};
}

/** The text a range covers. */
function textOf(text: string, range: readonly [number, number] | undefined): string | undefined {
  return range && text.slice(range[0], range[1]);
}

let release: CheckerRelease;
before(async () => {
  release = await realRelease(CURRENT);
});

/** `line:column kind path` of each finding of `text` against the current release. */
function placed(text: string): string[] {
  return checkConfig(text, release).findings.map((finding) => `${finding.line}:${finding.column} ${finding.kind} ${finding.path ?? ''}`.trim());
}

describe('instance path to YAML node (rangeOf)', () => {
  test('nested maps: a scalar is shown at its value, a map or list at its key', () => {
    const text = 'controlPlane:\n  distro:\n    k8s:\n      enabled: "yes"\n      env: []\n';
    const {doc} = parsed(text);
    assert.equal(textOf(text, rangeOf(doc, ['controlPlane', 'distro', 'k8s', 'enabled'])), '"yes"');
    assert.equal(textOf(text, rangeOf(doc, ['controlPlane', 'distro', 'k8s', 'env'])), 'env');
    assert.equal(textOf(text, rangeOf(doc, ['controlPlane', 'distro'])), 'distro');
    // An unknown key below a map: the key itself.
    assert.equal(textOf(text, rangeOf(doc, ['controlPlane', 'distro', 'k8s'], 'env')), 'env');
  });

  test('list items by index, and a path past what is written falls back to the nearest node', () => {
    const text = 'env:\n  - name: A\n  - name: 3\n    value: x\n';
    const {doc} = parsed(text);
    assert.equal(textOf(text, rangeOf(doc, ['env', 1, 'name'])), '3');
    assert.equal(textOf(text, rangeOf(doc, ['env', 1], 'value')), 'value');
    assert.equal(textOf(text, rangeOf(doc, ['env', 5, 'name'])), 'env');
  });

  test('flow style maps and lists', () => {
    const text = 'a: {b: {c: 1, d: [x, {e: true}]}}\n';
    const {doc} = parsed(text);
    assert.equal(textOf(text, rangeOf(doc, ['a', 'b', 'c'])), '1');
    assert.equal(textOf(text, rangeOf(doc, ['a', 'b', 'd', 1, 'e'])), 'true');
    assert.equal(textOf(text, rangeOf(doc, ['a', 'b', 'd'])), 'd');
  });

  test('an alias is followed to its anchor, where the value is written', () => {
    const text = 'base: &b\n  enabled: "no"\nsync:\n  toHost:\n    pods: *b\n';
    const {doc} = parsed(text);
    assert.equal(textOf(text, rangeOf(doc, ['sync', 'toHost', 'pods', 'enabled'])), '"no"');
  });

  test('comments do not move a node', () => {
    const text = '# top\ncontrolPlane: # the control plane\n  # about distro\n  distro:\n    k8s:\n      enabled: 1 # a number\n';
    const {doc} = parsed(text);
    assert.equal(textOf(text, rangeOf(doc, ['controlPlane', 'distro', 'k8s', 'enabled'])), '1');
    assert.equal(textOf(text, rangeOf(doc, ['controlPlane', 'distro'])), 'distro');
  });
});

describe('the keys a file sets (setKeys)', () => {
  test('maps, lists and flow style, in text order with their instance paths', () => {
    const text = 'a:\n  b: 1\n  list:\n    - x: 2\n    - {y: 3}\nflow: {p: [1, 2], q: {r: s}}\n';
    const {doc, data} = parsed(text);
    const keys = setKeys(doc, data);
    assert.deepEqual(
      keys.map((key) => key.path),
      ['a', 'a.b', 'a.list', 'a.list[0].x', 'a.list[1].y', 'flow', 'flow.p', 'flow.q', 'flow.q.r'],
    );
    const at = lineColumns(text);
    const y = keys.find((key) => key.path === 'a.list[1].y')!;
    assert.deepEqual(at(y.keyRange[0]), {line: 5, column: 8});
    assert.equal(text.slice(...y.range), 'y: 3');
    assert.deepEqual(y.value, 3);
  });

  test('keys reached through an alias are placed at the alias, and a self-referring alias is walked once', () => {
    const text = 'base: &b\n  enabled: true\nsync:\n  toHost:\n    pods: *b\nloop: &l\n  again: *l\n';
    const {doc, data} = parsed(text);
    const keys = setKeys(doc, data);
    const aliased = keys.find((key) => key.path === 'sync.toHost.pods.enabled')!;
    assert.equal(aliased.viaAlias, true);
    assert.equal(text.slice(...aliased.keyRange), '*b');
    assert.equal(aliased.value, true);
    assert.deepEqual(
      keys.filter((key) => key.path.startsWith('loop')).map((key) => key.path),
      ['loop', 'loop.again'],
    );
  });
});

describe('findings on the line of their node, against the current release\'s schema', () => {
  test('nested maps, lists and flow style', () => {
    assert.deepEqual(placed('controlPlane:\n  distro:\n    k8s:\n      enabled: "yes"\n'), ['4:16 schema controlPlane.distro.k8s.enabled']);
    assert.deepEqual(placed('controlPlane:\n  proxy:\n    extraSANs:\n      - a.example.com\n      - 3\n'), ['5:9 schema controlPlane.proxy.extraSANs[1]']);
    assert.deepEqual(placed('controlPlane: {distro: {k8s: {enabled: "yes", enabld: true}}}\n'), [
      '1:40 schema controlPlane.distro.k8s.enabled',
      '1:47 unknown key controlPlane.distro.k8s.enabld',
    ]);
  });

  test('anchors and aliases: a schema problem at the anchor, a key-level note at the alias', () => {
    const text = 'x-pods: &pods\n  enabled: true\nsync:\n  toHost:\n    pods: *pods\n';
    assert.deepEqual(placed(text), ['1:1 unknown key ["x-pods"]', '5:11 default value sync.toHost.pods.enabled']);
    // Both places that use the anchored value fail, and both point at where it is written.
    assert.deepEqual(placed('sync:\n  toHost:\n    pods: &p\n      enabled: 1\n  fromHost:\n    nodes: *p\n'), ['4:16 schema sync.toHost.pods.enabled', '4:16 schema sync.fromHost.nodes.enabled']);
  });

  test('comments around and between keys', () => {
    const text = '# my cluster\ncontrolPlane: # control plane\n  # the distro\n  distro:\n    k8s:\n      enabld: true # typo\n';
    assert.deepEqual(placed(text), ['6:7 unknown key controlPlane.distro.k8s.enabld']);
  });

  test('several documents are one error, where the second starts', () => {
    const findings = checkConfig('sync:\n  toHost: {}\n---\ncontrolPlane: {}\n', release).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].kind, 'invalid YAML');
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].line, 3);
    assert.match(findings[0].message, /more than one YAML document/u);
  });

  test('a syntax error has its line and column', () => {
    const [finding] = checkConfig('sync:\n  toHost: pods: 1\n', release).findings;
    assert.equal(finding.kind, 'invalid YAML');
    assert.deepEqual([finding.line, finding.column], [2, 11]);
    assert.ok(finding.to > finding.from);
  });
});
