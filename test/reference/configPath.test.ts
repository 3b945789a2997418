/**
 * The config-path grammar and the anchor rule (src/reference/configPath.ts),
 * which the generator, the remark plugins, search and the checker share.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {
  anchorFor,
  anchorOfPath,
  formatInstancePath,
  formatPath,
  lastKey,
  loosePath,
  parentPath,
  parseAnchor,
  parsePath,
  splitParent,
  uniqueAnchor,
  type Segment,
} from '../../src/reference/configPath';

const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
/** Any key at all, quoting included: dots, brackets, quotes, `*`, spaces, non-ASCII. */
const anyKey = fc.oneof(key, fc.string({minLength: 1, maxLength: 8}), fc.constantFrom('*', '[]', 'a.b', 'x"y', "it's", 'app.kubernetes.io/name', '-a', '˚'));
const segment: fc.Arbitrary<Segment> = fc.oneof(
  anyKey.map((name): Segment => ({kind: 'property', key: name})),
  fc.constant<Segment>({kind: 'item'}),
  fc.constant<Segment>({kind: 'map'}),
);
const path = fc.tuple(anyKey, fc.array(segment, {maxLength: 6})).map(([first, rest]): Segment[] => [{kind: 'property', key: first}, ...rest]);

describe('config paths', () => {
  test('parsePath reads items, indexes, map wildcards and quoted keys', () => {
    assert.deepEqual(parsePath('controlPlane.distro.k8s.env[].name'), [
      {kind: 'property', key: 'controlPlane'},
      {kind: 'property', key: 'distro'},
      {kind: 'property', key: 'k8s'},
      {kind: 'property', key: 'env'},
      {kind: 'item'},
      {kind: 'property', key: 'name'},
    ]);
    assert.deepEqual(parsePath('controlPlane.distro.k8s.env[3].name'), parsePath('controlPlane.distro.k8s.env[].name'));
    assert.deepEqual(parsePath('sync.toHost.customResources.*.enabled')[3], {kind: 'map'});
    assert.deepEqual(parsePath('labels["app.kubernetes.io/name"]'), [
      {kind: 'property', key: 'labels'},
      {kind: 'property', key: 'app.kubernetes.io/name'},
    ]);
    assert.deepEqual(parsePath("labels['a.b']")[1], {kind: 'property', key: 'a.b'});
    assert.deepEqual(parsePath('a["*"]')[1], {kind: 'property', key: '*'}, 'a quoted * is a key');
    assert.deepEqual(parsePath('a["x]y"].b').map((s) => (s.kind === 'property' ? s.key : s.kind)), ['a', 'x]y', 'b'], 'a ] inside quotes');
    assert.deepEqual(parsePath('plugins.my-plugin.image')[1], {kind: 'property', key: 'my-plugin'});
  });

  test('formatPath writes the canonical form, quoting what is not an identifier', () => {
    assert.equal(formatPath(parsePath('controlPlane.distro.k8s.env[].name')), 'controlPlane.distro.k8s.env[].name');
    assert.equal(formatPath(parsePath('plugins.my-plugin.image')), 'plugins["my-plugin"].image');
    assert.equal(formatPath([{kind: 'map'}, {kind: 'property', key: 'x'}]), '*.x');
  });

  test('canonical paths read back to the same segments, whatever the keys', () => {
    fc.assert(
      fc.property(path, (segments) => {
        assert.deepEqual(parsePath(formatPath(segments)), segments);
      }),
    );
  });

  test('formatInstancePath writes indexes and odd keys readably', () => {
    assert.equal(formatInstancePath(['controlPlane', 'distro', 'k8s', 'env', 0, 'name']), 'controlPlane.distro.k8s.env[0].name');
    assert.equal(formatInstancePath(['labels', 'app.kubernetes.io/name']), 'labels["app.kubernetes.io/name"]');
    assert.equal(formatInstancePath([]), '(top level)');
  });

  test('splits a path into its parent and last segment', () => {
    assert.deepEqual(splitParent('a.b[].c'), {parent: 'a.b[]', suffix: '.c'});
    assert.deepEqual(splitParent('a.b[]'), {parent: 'a.b', suffix: '[]'});
    assert.deepEqual(splitParent('a.*'), {parent: 'a', suffix: '.*'});
    assert.deepEqual(splitParent('a["x.y"]'), {parent: 'a', suffix: '["x.y"]'});
    assert.equal(splitParent('a'), undefined);
    assert.equal(parentPath('a.b.c'), 'a.b');
    fc.assert(
      fc.property(path, fc.array(segment, {minLength: 1, maxLength: 3}), (parent, tail) => {
        assert.equal(parentPath(formatPath([...parent, ...tail])), formatPath([...parent, ...tail.slice(0, -1)]));
      }),
    );
  });

  test('knows the last key of a path', () => {
    assert.equal(lastKey('a.b'), 'b');
    assert.equal(lastKey('a[]'), '[]');
    assert.equal(lastKey('a.*'), '*');
    assert.equal(lastKey('a["x.y"]'), 'x.y');
    assert.equal(lastKey('global'), 'global');
  });

  test('loose paths ignore case, list items, map values and quoting', () => {
    assert.equal(loosePath('controlPlane.distro.k8s.env[].name'), 'controlplane.distro.k8s.env.name');
    assert.equal(loosePath('sync.toHost.customResources.*.enabled'), 'sync.tohost.customresources.enabled');
    assert.equal(loosePath('sync.labels["app.kubernetes.io/name"]'), 'sync.labels.app.kubernetes.io/name');
    assert.equal(loosePath(' env[0].name '), 'env.name');
    assert.equal(loosePath('a..b'), 'a.b');
    assert.equal(loosePath('controlPlane.distro.'), 'controlplane.distro.');
  });
});

describe('anchors', () => {
  test('segments joined by -, items and map values by name, other characters escaped', () => {
    assert.equal(anchorOfPath('controlPlane.backingStore.etcd.embedded.enabled'), 'controlPlane-backingStore-etcd-embedded-enabled');
    assert.equal(anchorOfPath('controlPlane.distro.k8s.env[].name'), 'controlPlane-distro-k8s-env-items-name');
    assert.equal(anchorOfPath('sync.toHost.customResources.*.enabled'), 'sync-toHost-customResources-key-enabled');
    assert.equal(anchorOfPath('plugins["my-plugin"]'), 'plugins-my~2dplugin');
    assert.equal(anchorFor([{kind: 'property', key: 'm'}, {kind: 'map', index: 1}]), 'm-key2');
  });

  test("derives the generator's anchor from any canonical path of plain keys, list items and maps", () => {
    fc.assert(
      fc.property(path, (segments) => {
        assert.equal(anchorOfPath(formatPath(segments)), anchorFor(segments));
      }),
    );
  });

  test('distinct keys never share an anchor segment when no escape runs into the next character', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        if (a !== b) assert.notEqual(anchorFor([{kind: 'property', key: a}]), anchorFor([{kind: 'property', key: b}]));
      }),
    );
  });

  test('uniqueAnchor adds ~2, ~3… to an anchor already taken', () => {
    const taken = new Set<string>();
    assert.deepEqual([uniqueAnchor('a', taken), uniqueAnchor('a', taken), uniqueAnchor('a', taken)], ['a', 'a~2', 'a~3']);
  });

  test('parseAnchor reads an anchor back as far as it tells', () => {
    assert.equal(loosePath(formatPath(parseAnchor('controlplane-distro-k8s-env-items-name'))), 'controlplane.distro.k8s.env.name');
    assert.equal(formatPath(parseAnchor('plugins-my~2dplugin-image~2')), 'plugins["my-plugin"].image');
    assert.deepEqual(parseAnchor('m-key2')[1], {kind: 'map', index: 1});
  });
});
