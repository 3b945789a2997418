/**
 * `yamlSnippet` (copy-as-YAML): its output, parsed with the `yaml` package,
 * is the nested value the keys and default describe.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {parse} from 'yaml';
import {toYaml} from '../../src/generator/model/defaults';
import {yamlKey} from '../../src/lib/yamlSnippet';
import {yamlSnippet} from '../../src/lib/yamlSnippet';

/** What a snippet must parse to: `keys` nested (`-` a one-item list) around `value`. */
function nest(keys: readonly string[], value: unknown): unknown {
  return keys.reduceRight<unknown>((inner, key) => (key === '-' ? [inner] : {[key]: inner}), value);
}

function parsed(snippet: string): unknown {
  return parse(snippet);
}

describe('yamlSnippet', () => {
  test('a scalar default at the end of nested keys', () => {
    const keys = ['controlPlane', 'backingStore', 'etcd', 'embedded', 'migrateFromDeployedEtcd'];
    const snippet = yamlSnippet(keys, 'false');
    assert.deepEqual(parsed(snippet), nest(keys, false));
    assert.ok(snippet.endsWith('\n'), 'ends with a line break');
    assert.equal(snippet.split('\n').length, keys.length + 1, 'one line per key');
  });

  test('list item keys', () => {
    assert.deepEqual(parsed(yamlSnippet(['controlPlane', 'distro', 'k8s', 'env', '-', 'name'], 'FOO')), nest(['controlPlane', 'distro', 'k8s', 'env', '-', 'name'], 'FOO'));
    assert.deepEqual(parsed(yamlSnippet(['rules', '-', 'apiGroups'], '- ""\n- apps')), {rules: [{apiGroups: ['', 'apps']}]});
    assert.deepEqual(parsed(yamlSnippet(['args', '-'], '--verbose')), {args: ['--verbose']}, 'a list item as the last key');
  });

  test('nested lists', () => {
    assert.deepEqual(parsed(yamlSnippet(['matrix', '-', '-', 'cell'], '1')), {matrix: [[{cell: 1}]]});
    assert.deepEqual(parsed(yamlSnippet(['matrix', '-', '-'], 'x')), {matrix: [['x']]});
    assert.deepEqual(parsed(yamlSnippet(['a', '-', 'b', '-', 'c'], 'true')), {a: [{b: [{c: true}]}]});
    assert.deepEqual(parsed(yamlSnippet(['a', '-', '-', 'b'], 'k: v\nl: w')), {a: [[{b: {k: 'v', l: 'w'}}]]});
  });

  test('multi-line block defaults: maps, lists, block scalars', () => {
    const map = new Map<string, unknown>([['requests', new Map([['cpu', '200m'], ['memory', '256Mi']])], ['limits', new Map([['memory', '2Gi']])]]);
    assert.deepEqual(parsed(yamlSnippet(['controlPlane', 'statefulSet', 'resources'], toYaml(map))), {
      controlPlane: {statefulSet: {resources: {requests: {cpu: '200m', memory: '256Mi'}, limits: {memory: '2Gi'}}}},
    });
    assert.deepEqual(parsed(yamlSnippet(['a', 'list'], toYaml(['x', {y: 1}, ['z']]))), {a: {list: ['x', {y: 1}, ['z']]}});
    const text = 'line one\n  indented line\nline three';
    const scalar = toYaml(text);
    assert.match(scalar, /^\|/, 'a multi-line string is a block scalar');
    assert.deepEqual(parsed(yamlSnippet(['config', 'file'], scalar)), {config: {file: text}});
    assert.deepEqual(parsed(yamlSnippet(['a', '-', 'b'], scalar)), {a: [{b: text}]});
    assert.deepEqual(parsed(yamlSnippet(['a', '-'], scalar)), {a: [text]});
    assert.deepEqual(parsed(yamlSnippet(['a'], '|-\n  kept\n  as is')), {a: 'kept\nas is'}, 'an indented block scalar');
    assert.deepEqual(parsed(yamlSnippet(['a'], '{}')), {a: {}});
    assert.deepEqual(parsed(yamlSnippet(['a'], '[]')), {a: []});
  });

  test('quoted keys', () => {
    const keys = ['controlPlane', 'statefulSet', 'labels', 'app.kubernetes.io/name'];
    assert.deepEqual(parsed(yamlSnippet(keys.map(yamlKey), 'vcluster')), nest(keys, 'vcluster'));
    assert.deepEqual(parsed(yamlSnippet(['"quoted: key"', "'single'"], '1')), {'quoted: key': {single: 1}});
    for (const key of ['yes', 'on', 'null', 'true', '1', '-', '- x', '#', 'a: b', '', ' lead', '"', "'"]) {
      assert.deepEqual(parsed(yamlSnippet([yamlKey(key), 'x'], '1')), {[key]: {x: 1}}, `key ${JSON.stringify(key)}`);
    }
  });

  test('no value', () => {
    assert.deepEqual(parsed(yamlSnippet(['a', 'b'], undefined)), {a: {b: null}});
    assert.deepEqual(parsed(yamlSnippet(['a', 'b'], '')), {a: {b: null}});
    assert.deepEqual(parsed(yamlSnippet(['a', '-', 'b'], undefined)), {a: [{b: null}]});
    assert.equal(yamlSnippet(['a', 'b'], undefined), 'a:\n  b:\n');
  });

  test('any keys and any default, as the generator writes them (property)', () => {
    const key = fc.oneof(
      {weight: 3, arbitrary: fc.constantFrom('enabled', 'controlPlane', 'name', 'app.kubernetes.io/name', 'yes', '1')},
      {weight: 2, arbitrary: fc.string({minLength: 1, maxLength: 8}).filter((text) => text !== '__proto__')},
      {weight: 2, arbitrary: fc.constant('-')},
    );
    const value = fc.oneof(
      fc.jsonValue({maxDepth: 3}).map((json) => JSON.parse(JSON.stringify(json)) as unknown).filter((json) => !JSON.stringify(json).includes('"__proto__"')),
      fc.string(),
      fc.constantFrom('multi\nline', 'a: b', '- x', '{x}', '[y]', '|', '#c', 'x\n\n', ' lead\nx'),
    );
    fc.assert(
      fc.property(fc.array(key, {minLength: 1, maxLength: 5}), fc.option(value, {nil: undefined}), (keys, defaultValue) => {
        const valueYaml = defaultValue === undefined ? undefined : toYaml(defaultValue);
        const snippet = yamlSnippet(keys.map((k) => (k === '-' ? k : yamlKey(k))), valueYaml);
        assert.deepStrictEqual(parse(snippet), nest(keys, defaultValue ?? null), snippet);
      }),
      {numRuns: 2000},
    );
  });
});
