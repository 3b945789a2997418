/**
 * Defaults are values.yaml's values, as YAML (never Go's `map[a:b]` or
 * `[a b]` renderings), in values.yaml's key order.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {parse} from 'yaml';
import {toYaml} from '../../src/generator/model/defaults';
import type {FieldRecord} from '../../src/reference/fieldIndex';
import {chartDir, readSchema, readValues, readValuesAsMaps, referenceFor} from '../support/chart';
import {SAMPLE_RELEASES} from '../support/versions';
import {appendKey, keysOnly, parentPath} from '../support/pathLabel';

/** Go's fmt rendering of a map (`map[a:1 b:2]`) or a slice (`[a b]`). */
const GO_MAP = /\bmap\[[^\]]*\]/;
const GO_LIST = /^\[[^[\],"'{}]*\s[^[\],"'{}]*\]$/;

function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* [key, ...strings(item)];
}

/** The value at a key path, or `missing`. Works on plain objects and on Maps. */
const missing = Symbol('missing');
function lookup(root: unknown, keys: readonly string[]): unknown {
  let current = root;
  for (const key of keys) {
    if (current instanceof Map) {
      if (!current.has(key)) return missing;
      current = current.get(key);
    } else if (current && typeof current === 'object' && !Array.isArray(current) && Object.prototype.hasOwnProperty.call(current, key)) {
      current = (current as Record<string, unknown>)[key];
    } else return missing;
  }
  return current;
}

/** The shape of a value's map keys, in order: what "key order follows values.yaml" compares. */
function keyOrder(value: unknown): unknown {
  if (value instanceof Map) return [...value].map(([key, item]) => [String(key), keyOrder(item)]);
  if (Array.isArray(value)) return value.map(keyOrder);
  return null;
}

/** Records that have fields of their own (their default is shown on those fields instead). */
function parentPaths(fields: readonly FieldRecord[]): Set<string> {
  const parents = new Set<string>();
  for (const field of fields) {
    const parent = parentPath(field.path);
    if (parent !== undefined) parents.add(parent);
  }
  return parents;
}

function hasSchemaDefaults(schema: unknown): boolean {
  return JSON.stringify(schema).includes('"default":');
}

describe('defaults in the field index', () => {
  for (const version of SAMPLE_RELEASES) {
    describe(version, () => {
      test('no default is rendered the way Go prints maps and lists', async () => {
        const {index} = await referenceFor(chartDir(version), version);
        const withDefaults = index.fields.filter((field) => field.defaultYaml !== undefined);
        assert.ok(withDefaults.length > 50, `only ${withDefaults.length} fields have a default`);
        const bad: string[] = [];
        for (const field of withDefaults) {
          for (const text of [field.defaultYaml!, ...strings(field.default)]) {
            if (GO_MAP.test(text) || GO_LIST.test(text.trim())) bad.push(`${field.path}: ${JSON.stringify(text)}`);
          }
        }
        assert.deepEqual(bad, []);
      });

      test('every defaultYaml parses back to the default', async () => {
        const {index} = await referenceFor(chartDir(version), version);
        let checked = 0;
        for (const field of index.fields) {
          assert.equal(field.default === undefined, field.defaultYaml === undefined, `${field.path}: default and defaultYaml come together`);
          if (field.defaultYaml === undefined) continue;
          assert.deepStrictEqual(parse(field.defaultYaml), field.default, `${field.path}: ${field.defaultYaml}`);
          checked++;
        }
        assert.ok(checked > 0);
      });

      test('defaults are values.yaml values, and every values.yaml value is shown', async () => {
        const dir = chartDir(version);
        const {index} = await referenceFor(dir, version);
        const values = readValues(dir);
        const schemaDefaults = hasSchemaDefaults(readSchema(dir));
        const parents = parentPaths(index.fields);
        const problems: string[] = [];
        let compared = 0;
        for (const field of index.fields) {
          const keys = keysOnly(field.path);
          if (!keys) {
            // Below a list item or a map value values.yaml gives no per-field default.
            if (field.default !== undefined && !schemaDefaults) problems.push(`${field.path}: a default below a list item or map value`);
            continue;
          }
          const value = lookup(values, keys);
          if (parents.has(field.path)) {
            if (field.default !== undefined) problems.push(`${field.path}: has fields, yet carries a default`);
            // A list of objects has no fields to show its items on: its default would be lost.
            if (Array.isArray(value) && value.length) problems.push(`${field.path}: values.yaml's list is shown nowhere`);
            continue;
          }
          if (value === missing) {
            if (field.default !== undefined && !schemaDefaults) problems.push(`${field.path}: a default, but values.yaml has none`);
            continue;
          }
          compared++;
          if (!isDeepStrictEqualJson(field.default, value)) problems.push(`${field.path}: default ${JSON.stringify(field.default)}, values.yaml ${JSON.stringify(value)}`);
        }
        // And the other way round: every key values.yaml sets is a field, or inside a field's default.
        const indexed = new Set(index.fields.map((field) => field.path));
        const visit = (node: unknown, path: string) => {
          if (!node || typeof node !== 'object' || Array.isArray(node)) return;
          for (const [key, child] of Object.entries(node)) {
            const childPath = appendKey(path, key);
            if (indexed.has(childPath)) {
              if (parents.has(childPath)) visit(child, childPath);
            } else if (!indexed.has(`${path}.*`)) problems.push(`values.yaml sets ${childPath}, which is no field`);
          }
        };
        visit(values, '');
        assert.deepEqual(problems, []);
        assert.ok(compared > 50, `only ${compared} defaults compared`);
      });

      test('map defaults keep values.yaml\'s key order', async () => {
        const dir = chartDir(version);
        const {index} = await referenceFor(dir, version);
        const values = readValuesAsMaps(dir);
        let maps = 0;
        for (const field of index.fields) {
          const keys = keysOnly(field.path);
          if (!keys || field.defaultYaml === undefined) continue;
          const value = lookup(values, keys);
          if (!(value instanceof Map) && !Array.isArray(value)) continue;
          if (value instanceof Map && value.size > 1) maps++;
          assert.deepEqual(keyOrder(parse(field.defaultYaml, {mapAsMap: true})), keyOrder(value), `${field.path}: key order`);
          if (value instanceof Map && [...value.keys()].every((key) => !/^\d+$/.test(String(key)))) {
            assert.deepEqual(Object.keys(field.default as object), [...value.keys()].map(String), `${field.path}: key order of the JSON default`);
          }
        }
        assert.ok(maps > 0, 'no map default with two or more keys to check the order of');
      });

      test('controlPlane.backingStore.etcd.embedded.migrateFromDeployedEtcd is false, as values.yaml says', async () => {
        const dir = chartDir(version);
        const {index} = await referenceFor(dir, version);
        const keys = ['controlPlane', 'backingStore', 'etcd', 'embedded', 'migrateFromDeployedEtcd'];
        const fromFile = lookup(readValues(dir), keys);
        assert.equal(fromFile, false, 'values.yaml');
        const field = index.fields.find((record) => record.path === keys.join('.'));
        assert.ok(field, 'the field is in the index');
        assert.equal(field.default, false);
        assert.equal(field.defaultYaml, 'false');
      });

      test('a few more defaults picked from values.yaml', async () => {
        const dir = chartDir(version);
        const {index} = await referenceFor(dir, version);
        const values = readValuesAsMaps(dir);
        // The first leaf of each kind values.yaml has: a string, a boolean, a number, an empty and a non-empty list, a map.
        const picked = new Map<string, string[]>();
        const kinds = (value: unknown) =>
          value instanceof Map ? (value.size ? 'map' : 'empty map') : Array.isArray(value) ? (value.length ? 'list' : 'empty list') : value === null ? 'null' : typeof value;
        const byPath = new Map(index.fields.map((field) => [field.path, field]));
        const visit = (node: unknown, keys: string[]) => {
          if (!(node instanceof Map)) return;
          for (const [key, child] of node) {
            const path = [...keys, String(key)];
            const field = byPath.get(path.reduce((label, part) => appendKey(label, part), ''));
            if (field && field.defaultYaml !== undefined && !picked.has(kinds(child))) picked.set(kinds(child), path);
            visit(child, path);
          }
        };
        visit(values, []);
        assert.ok(picked.size >= 4, `values.yaml has only these kinds of leaves: ${[...picked.keys()].join(', ')}`);
        for (const [kind, keys] of picked) {
          const field = byPath.get(keys.reduce((label, part) => appendKey(label, part), ''))!;
          const value = lookup(values, keys);
          assert.deepEqual(keyOrder(parse(field.defaultYaml!, {mapAsMap: true})), keyOrder(value), `${kind} ${field.path}`);
          assert.deepEqual(parse(field.defaultYaml!, {mapAsMap: true}), value, `${kind} ${field.path}`);
        }
      });
    });
  }
});

/** Deep equality of a JSON default and a parsed YAML value (plain objects on both sides). */
function isDeepStrictEqualJson(actual: unknown, expected: unknown): boolean {
  try {
    assert.deepStrictEqual(actual, expected);
    return true;
  } catch {
    return false;
  }
}

describe('toYaml (how defaults, allowed values and examples become YAML)', () => {
  // (`__proto__` keys are left out: yaml's plain-object output cannot hold them; the generator reads values.yaml as Maps.)
  const jsonValue = fc
    .jsonValue({maxDepth: 3})
    .map((value) => JSON.parse(JSON.stringify(value)) as unknown)
    .filter((value) => !JSON.stringify(value).includes('"__proto__"'));
  const tricky = fc.constantFrom(' lead\nx', 'x\n\n', '\n', '\n\n', 'a\n\n\n', '  x\ny\n', 'x\n \n', '- not a list', 'key: value', '#comment', '', 'null', 'true', '1.0', '0x10', '{}', '[a b]', 'map[a:b]', 'é\u2028ü');
  const value = fc.oneof(jsonValue, tricky, fc.array(tricky, {maxLength: 3}), fc.dictionary(fc.string().filter((key) => key !== '__proto__'), tricky, {maxKeys: 3, noNullPrototype: true}));

  test('parses back to the value it was made from', () => {
    fc.assert(
      fc.property(value, (input) => {
        assert.deepStrictEqual(parse(toYaml(input)), input, JSON.stringify(toYaml(input)));
      }),
      {numRuns: 1000},
    );
  });

  test('keeps the key order of Maps, as read from values.yaml', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({minLength: 1}), {minLength: 2, maxLength: 6}), (keys) => {
        const map = new Map(keys.map((key, index) => [key, index]));
        assert.deepEqual([...(parse(toYaml(map), {mapAsMap: true}) as Map<string, number>).keys()], keys);
      }),
    );
  });

  test('is never Go syntax', () => {
    assert.equal(toYaml(new Map<string, unknown>([['a', 1], ['b', 'x']])), 'a: 1\nb: x');
    assert.equal(toYaml(['a', 'b']), '- a\n- b');
    assert.equal(toYaml(false), 'false');
    assert.equal(toYaml(''), '""');
  });
});
