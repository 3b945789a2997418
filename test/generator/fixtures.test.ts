/**
 * Small hand-written charts (test/fixtures/<name>) for schema shapes the real
 * charts have few or none of: cycles, draft-07, broken references, inline
 * schemas, unions and maps, flags, enums.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import {parse} from 'yaml';
import {ChartInputError} from '../../src/generator/errors';
import {generateReference, type GeneratedReference} from '../../src/generator/generate';
import type {FieldRecord} from '../../src/reference/fieldIndex';
import {sectionAnchor, type FieldProps, type SectionProps} from '../../src/lib/fieldProps';
import {yamlKeysOfPath} from '../../src/lib/yamlSnippet';
import {fixtureDir, readSchema, readValues, referenceFor} from '../support/chart';
import {renderPartial} from '../support/mdx';
import {appendKey} from '../support/pathLabel';

function recordOf(reference: GeneratedReference, fieldPath: string): FieldRecord {
  const record = reference.index.fields.find((field) => field.path === fieldPath);
  assert.ok(record, `no index record for ${fieldPath}; the index has ${reference.index.fields.map((field) => field.path).join(', ')}`);
  return record;
}

/** Renders every partial and collects the props each field is rendered with, by anchor. */
async function renderedProps(reference: GeneratedReference): Promise<Map<string, FieldProps[]>> {
  const byAnchor = new Map<string, FieldProps[]>();
  for (const [file, text] of reference.files) {
    if (!file.endsWith('.mdx')) continue;
    const {fields} = await renderPartial(text);
    for (const props of fields) byAnchor.set(props.anchor, [...(byAnchor.get(props.anchor) ?? []), props]);
  }
  return byAnchor;
}

function propsOf(all: Map<string, FieldProps[]>, record: FieldRecord): FieldProps {
  const rendered = all.get(record.anchor);
  assert.ok(rendered?.length, `${record.path} is not rendered in any partial`);
  // A field shows in every partial above it, always with the same facts (only level, depth and its position in the partial differ).
  const strip = ({level: _level, depth: _depth, index: _index, ...rest}: FieldProps) => rest;
  for (const props of rendered) assert.deepEqual(strip(props), strip(rendered[0]), `${record.path} is rendered with different props in different partials`);
  return rendered[0];
}

describe('(a) cyclic schema', () => {
  const dir = fixtureDir('cyclic');

  test('generation succeeds and stops at each cycle', async () => {
    const reference = await referenceFor(dir);
    const paths = reference.index.fields.map((field) => field.path);
    for (const expected of ['tree', 'tree.name', 'tree.parent', 'tree.sibling', 'tree.children', 'tree.children[]', 'graph', 'graph.next', 'graph.edges.*', 'graph.edges.*.to']) {
      assert.ok(paths.includes(expected), `${expected} is missing from ${paths.join(', ')}`);
    }
    // Each cycle is rendered once: nothing below the field that closes it.
    for (const closing of ['tree.parent', 'tree.sibling', 'tree.children[]', 'graph.next', 'graph.edges.*.to']) {
      const below = paths.filter((p) => p.startsWith(`${closing}.`) || p.startsWith(`${closing}[`));
      assert.deepEqual(below, [], `${closing} closes a cycle, yet has fields below it`);
    }
    assert.ok(paths.length < 20, `a cycle was unrolled: ${paths.length} fields`);
  });

  test('recursive fields point at the ancestor that defines the shape', async () => {
    const reference = await referenceFor(dir);
    const props = await renderedProps(reference);
    const cases: Array<[string, string]> = [
      ['tree.parent', 'tree'],
      ['tree.sibling', 'tree'],
      ['tree.children[]', 'tree'],
      ['graph.next', 'graph'],
      ['graph.edges.*.to', 'graph'],
    ];
    for (const [field, ancestor] of cases) {
      const target = recordOf(reference, ancestor);
      const rendered = propsOf(props, recordOf(reference, field));
      assert.deepEqual(rendered.recursion, {path: target.path, anchor: target.anchor}, `${field}.recursion`);
      assert.equal(rendered.object, undefined, `${field} has no fields of its own to expand`);
    }
    // Fields that do not recurse carry no recursion marker.
    for (const field of ['tree.name', 'tree.children', 'graph.edges.*']) {
      assert.equal(propsOf(props, recordOf(reference, field)).recursion, undefined, field);
    }
  });

  test('each field of a cycle is rendered once per partial', async () => {
    const reference = await referenceFor(dir);
    for (const [file, text] of reference.files) {
      if (!file.endsWith('.mdx')) continue;
      const {fields, toc} = await renderPartial(text);
      const anchors = fields.map((field) => field.anchor);
      assert.equal(new Set(anchors).size, anchors.length, `${file} renders a field twice`);
      assert.deepEqual(toc.map((entry) => entry.id), anchors, `${file}: toc and rendered fields differ`);
    }
  });
});

describe('(b) draft-07 with definitions and a root $ref', () => {
  const dir = fixtureDir('draft07');

  test('fields come from the definition the root refers to', async () => {
    const reference = await referenceFor(dir);
    const schema = readSchema(dir) as {definitions: Record<string, {properties: Record<string, unknown>}>};
    const rootFields = reference.index.fields.filter((field) => !/[.[]/.test(field.path)).map((field) => field.path);
    assert.deepEqual(rootFields, Object.keys(schema.definitions.Config.properties));
    assert.ok(recordOf(reference, 'server.ports[].port').required, 'required inside a list item');
    assert.equal(recordOf(reference, 'server.ports[].protocol').required, false);
    assert.equal(recordOf(reference, 'server.host').description, '', 'no description given');
    assert.equal(recordOf(reference, 'server').description, 'Where to listen.', 'the description next to $ref wins');
    assert.deepEqual(recordOf(reference, 'server.ports[].protocol').allowedValues, ['TCP', 'UDP']);
  });

  test('defaults, bounds and format come through', async () => {
    const reference = await referenceFor(dir);
    const values = readValues(dir) as {scaling: {replicas: number}; server: {host: string}};
    assert.equal(recordOf(reference, 'scaling.replicas').default, values.scaling.replicas);
    assert.equal(recordOf(reference, 'server.host').default, values.server.host);
    const props = await renderedProps(reference);
    const replicas = propsOf(props, recordOf(reference, 'scaling.replicas'));
    assert.equal(replicas.min, 1);
    assert.equal(replicas.max, '< 10', 'draft-06+ numeric exclusiveMaximum');
    assert.equal(propsOf(props, recordOf(reference, 'server.host')).format, 'hostname');
  });

  test('recursion back to the root is marked, without an anchor', async () => {
    const reference = await referenceFor(dir);
    const props = await renderedProps(reference);
    assert.deepEqual(propsOf(props, recordOf(reference, 'scaling.template')).recursion, {path: ''});
    assert.ok(!reference.index.fields.some((field) => field.path.startsWith('scaling.template.')));
  });
});

describe('(c) unresolved $ref', () => {
  test('generateReference rejects with a ChartInputError naming the pointer and where it is used', async () => {
    const dir = fixtureDir('unresolved-ref');
    const schema = readSchema(dir) as {properties: {outer: {properties: {broken: {$ref: string}}}}};
    const ref = schema.properties.outer.properties.broken.$ref;
    await assert.rejects(generateReference(dir, 'unresolved-ref'), (error: unknown) => {
      assert.ok(error instanceof ChartInputError, `not a ChartInputError: ${String(error)}`);
      assert.equal(error.file, path.join(dir, 'values.schema.json'));
      assert.equal(error.place, '#/properties/outer/properties/broken');
      assert.match(error.message, new RegExp(ref.replace(/[$/]/g, '\\$&')));
      assert.ok(error.message.includes(error.file), 'names the file');
      assert.ok(error.message.includes(error.place!), 'names where the $ref is used');
      assert.equal(error.message.split('\n').length, 1, 'one line');
      return true;
    });
  });
});

describe('(d) inline schema without definitions', () => {
  const dir = fixtureDir('inline');

  test('every property is a field, with quoted paths for non-identifier keys', async () => {
    const reference = await referenceFor(dir);
    const paths = reference.index.fields.map((field) => field.path);
    assert.ok(paths.includes(appendKey('', 'my.dotted-key')));
    assert.ok(paths.includes(appendKey(appendKey('nested', 'a-b'), 'c')));
    assert.ok(paths.includes('app.resources.limits.memory'));
    assert.equal(recordOf(reference, 'app.resources.limits.memory').default, undefined, 'values.yaml has none');
    assert.equal(recordOf(reference, 'app.resources').default, undefined, 'objects with fields carry no default');
    assert.equal(recordOf(reference, 'app.labels').type, 'map[string]string');
    assert.equal(recordOf(reference, 'app.args').type, 'string[]');
  });

  test('defaults are values.yaml values, maps in the file\'s key order', async () => {
    const reference = await referenceFor(dir);
    const values = readValues(dir) as {app: {labels: Record<string, string>; args: string[]}};
    const labels = recordOf(reference, 'app.labels');
    assert.deepEqual(labels.default, values.app.labels);
    assert.deepEqual(recordOf(reference, 'app.args').default, values.app.args);
    const keyOrder = [...(parse(labels.defaultYaml!, {mapAsMap: true}) as Map<string, string>).keys()];
    assert.deepEqual(keyOrder, ['tier', 'app.kubernetes.io/name', '1', 'alpha']);
  });

  test('no partial or field is written for a key path twice', async () => {
    const reference = await referenceFor(dir);
    const anchors = reference.index.fields.map((field) => field.anchor);
    assert.equal(new Set(anchors).size, anchors.length);
    assert.ok([...reference.files.keys()].every((file) => /^[A-Za-z0-9._~/-]+$/.test(file)), 'portable file names');
  });
});

describe('(e) type arrays, maps, allOf and nullable unions', () => {
  const dir = fixtureDir('shapes');

  test('type labels', async () => {
    const reference = await referenceFor(dir);
    const type = (fieldPath: string) => recordOf(reference, fieldPath).type;
    assert.equal(type('nameOrNull'), 'string | null');
    assert.equal(type('portOrName'), 'integer | string');
    assert.equal(type('maybe'), 'string | null', 'oneOf with {type: null}');
    assert.equal(type('maybeObject'), 'object | null');
    assert.equal(type('maybeList'), 'object[] | null');
    assert.equal(type('tags'), 'string[]');
    assert.equal(type('open'), 'object', 'additionalProperties: true');
    assert.equal(type('closed'), 'object', 'additionalProperties: false');
    assert.equal(type('stringMap'), 'map[string]string');
    assert.equal(type('objectMap'), 'map[string]object');
    assert.match(type('patterned'), /^map\[string\]\((string \| object|object \| string)\)$/, 'two patterns');
    assert.equal(type('combined'), 'object');
  });

  test('fields of allOf parts, union branches, map values and list items all appear', async () => {
    const reference = await referenceFor(dir);
    const paths = new Set(reference.index.fields.map((field) => field.path));
    for (const expected of ['combined.id', 'combined.kind', 'combined.extra', 'maybeObject.id', 'maybeObject.kind', 'objectMap.*.image', 'patterned.*.count', 'closed.only', 'maybeList[]', 'maybeList[].host']) {
      assert.ok(paths.has(expected), `${expected} is missing`);
    }
    assert.ok(![...paths].some((p) => p.startsWith('open.') || p.startsWith('stringMap.') || p.startsWith('tags[')), 'no fields for values without fields');
  });

  test('map values with fields get a placeholder name; two patterns get distinct anchors', async () => {
    const reference = await referenceFor(dir);
    const props = await renderedProps(reference);
    assert.equal(propsOf(props, recordOf(reference, 'objectMap.*')).name, '<key>');
    const patterned = propsOf(props, recordOf(reference, 'patterned.*'));
    assert.ok(patterned.name.includes('^[0-9]+$'), `the pattern is named: ${patterned.name}`);
    assert.deepEqual(yamlKeysOfPath(propsOf(props, recordOf(reference, 'patterned.*.count')).path), ['patterned', '<key>', 'count']);
    assert.deepEqual(yamlKeysOfPath(propsOf(props, recordOf(reference, 'maybeList[].host')).path), ['maybeList', '-', 'host']);
  });

  test('defaults of unions and maps', async () => {
    const reference = await referenceFor(dir);
    const values = readValues(dir) as Record<string, unknown>;
    for (const key of ['nameOrNull', 'portOrName', 'open', 'stringMap', 'maybe', 'tags']) {
      assert.deepEqual(recordOf(reference, key).default, values[key], key);
      assert.deepEqual(parse(recordOf(reference, key).defaultYaml!), values[key], `${key} as YAML`);
    }
    assert.deepEqual([...(parse(recordOf(reference, 'stringMap').defaultYaml!, {mapAsMap: true}) as Map<string, unknown>).keys()], ['b', 'a']);
    assert.deepEqual(reference.warnings, [], 'values.yaml agrees with the schema');
  });
});

describe('(f) pro and deprecated', () => {
  const dir = fixtureDir('flags');

  test('in the index', async () => {
    const reference = await referenceFor(dir);
    const flags = (fieldPath: string) => {
      const record = recordOf(reference, fieldPath);
      return {pro: record.pro, deprecated: record.deprecated};
    };
    assert.deepEqual(flags('enterprise'), {pro: true, deprecated: false});
    assert.deepEqual(flags('enterprise.sso'), {pro: true, deprecated: false});
    assert.deepEqual(flags('enterprise.audit'), {pro: false, deprecated: false}, 'pro is not inherited');
    assert.deepEqual(flags('features.oldFlag'), {pro: false, deprecated: true}, 'deprecated keyword');
    assert.deepEqual(flags('features.legacy'), {pro: false, deprecated: true}, 'description starting "Deprecated"');
    assert.deepEqual(flags('features.lowercase'), {pro: false, deprecated: true}, 'description starting "deprecated"');
    assert.deepEqual(flags('features.modern'), {pro: false, deprecated: false}, '"Deprecated" later in the description');
    assert.deepEqual(flags('features.lookalike'), {pro: false, deprecated: false}, 'a word that starts with "Deprecated"');
    assert.deepEqual(flags('features.both'), {pro: true, deprecated: true});
    assert.deepEqual(flags('features.both.inner'), {pro: false, deprecated: false});
    assert.deepEqual(flags('topLevelOld'), {pro: false, deprecated: true});
    assert.deepEqual(flags('features.retired'), {pro: false, deprecated: true}, 'the chart\'s "Do not use this option anymore"');
  });

  test('in the rendered props (ConfigField, and ConfigSection for top-level keys)', async () => {
    const reference = await referenceFor(dir);
    const props = await renderedProps(reference);
    const sections = new Map<string, SectionProps>();
    for (const [file, text] of reference.files) {
      if (file.endsWith('.mdx')) for (const section of (await renderPartial(text)).sections) sections.set(sectionAnchor(section), section);
    }
    let checked = 0;
    for (const record of reference.index.fields) {
      const rendered: {pro?: true; deprecated?: true} = /[.[]/.test(record.path) ? propsOf(props, record) : sections.get(record.anchor)!;
      assert.ok(rendered, `${record.path} is rendered`);
      assert.equal(rendered.pro, record.pro ? true : undefined, `${record.path}.pro`);
      assert.equal(rendered.deprecated, record.deprecated ? true : undefined, `${record.path}.deprecated`);
      checked++;
    }
    assert.equal(checked, reference.index.fields.length);
  });
});

describe('(g) enum and const', () => {
  const dir = fixtureDir('enums');

  test('become allowed values, never a default', async () => {
    const reference = await referenceFor(dir);
    const schema = readSchema(dir) as {properties: {settings: {properties: Record<string, {enum?: unknown[]; const?: unknown}>}}};
    const values = readValues(dir) as {settings: Record<string, unknown>};
    const props = await renderedProps(reference);
    const properties = Object.entries(schema.properties.settings.properties);
    assert.ok(properties.length >= 4);
    for (const [key, property] of properties) {
      const record = recordOf(reference, `settings.${key}`);
      const allowed = property.enum ?? [property.const];
      assert.deepEqual(record.allowedValues, allowed, `${key}: allowed values`);
      const rendered = propsOf(props, record);
      assert.deepEqual(rendered.enum?.map((text) => parse(text) as unknown), allowed, `${key}: props.enum is YAML for each value`);
      if (key in values.settings) {
        assert.deepEqual(record.default, values.settings[key], `${key}: the default is values.yaml's`);
        assert.equal(rendered.default, record.defaultYaml);
      } else {
        assert.equal(record.default, undefined, `${key}: no default`);
        assert.equal(record.defaultYaml, undefined, `${key}: no default`);
        assert.equal(rendered.default, undefined, `${key}: no default in props`);
      }
    }
  });

  test('type labels come from the values when there is no type', async () => {
    const reference = await referenceFor(dir);
    assert.equal(recordOf(reference, 'settings.level').type, 'integer');
    assert.equal(recordOf(reference, 'settings.kind').type, 'string');
    assert.equal(recordOf(reference, 'settings.nothing').type, 'null');
  });
});
