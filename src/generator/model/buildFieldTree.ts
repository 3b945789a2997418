import type {ChartSource} from '../load/loadChart';
import {RefResolver, type Located} from '../resolve/resolver';
import {SchemaViewer, type SchemaView} from '../resolve/schemaView';
import {DefaultValues, jsonTypesOf} from './defaults';
import {deprecationIn, pathsByLowercase, resolveNamedField} from './deprecation';
import {normaliseDescription} from './descriptionRules';
import {walkFields, type FieldNode} from './fieldNode';
import {anchorFor, formatPath, uniqueAnchor, type Segment} from '../../reference/configPath';
import {displayName} from './segments';
import {typeLabel} from './typeLabel';

export interface FieldTree {
  /** The root's own description. */
  description: string;
  /** The top-level sections of `vcluster.yaml`, in schema order. */
  fields: FieldNode[];
  /** values.yaml entries whose type disagrees with the schema (the docs show the schema's type). */
  warnings: string[];
}

interface Context {
  viewer: SchemaViewer;
  defaults: DefaultValues;
  valuesFile: string;
  warnings: string[];
  anchors: Set<string>;
}

/** Definitions being expanded on the way down, with the field that expands each: how cycles are found. */
type Ancestors = ReadonlyMap<string, FieldNode | null>;

/** Walks the schema from its root and builds the field tree: the generator's typed AST. */
export function buildFieldTree(chart: ChartSource): FieldTree {
  const resolver = new RefResolver(chart.schema, chart.schemaFile);
  const context: Context = {
    viewer: new SchemaViewer(resolver, chart.schemaFile),
    defaults: new DefaultValues(chart.values),
    valuesFile: chart.valuesFile,
    warnings: [],
    anchors: new Set(),
  };
  const root = context.viewer.view({schema: chart.schema, pointer: '#'});
  const ancestors = new Map(root.refTargets.map((target) => [target, null]));
  const fields = childrenOf(root, [], ancestors, context);
  resolveReplacements(fields);
  return {description: normaliseDescription(root.description), fields, warnings: context.warnings};
}

/** Once every path is known: the field each deprecated field's description names as its replacement (model/deprecation.ts). */
function resolveReplacements(fields: readonly FieldNode[]): void {
  const paths = pathsByLowercase([...walkFields(fields)].map((node) => node.path));
  for (const node of walkFields(fields)) {
    const named = node.deprecated ? deprecationIn(node.description).named : undefined;
    const replacement = named && resolveNamedField(named, node.path, paths);
    if (replacement) node.replacement = replacement;
  }
}

/** Object-valued views (with properties, or object-valued variants) have fields of their own. */
function childrenOf(view: SchemaView, parent: Segment[], ancestors: Ancestors, context: Context): FieldNode[] {
  const children: FieldNode[] = [];
  const seen = new Set<string>();
  const addProperties = (source: SchemaView) => {
    for (const property of source.properties) {
      if (seen.has(property.name)) continue;
      seen.add(property.name);
      const segments: Segment[] = [...parent, {kind: 'property', key: property.name}];
      children.push(buildNode(property, segments, source.required.has(property.name), ancestors, context));
    }
  };
  addProperties(view);
  // Properties of `oneOf`/`anyOf` object branches are documented on the field itself.
  for (const variant of view.variants) addProperties(context.viewer.view(variant));

  // List items and map values with fields of their own get a segment and a node;
  // they can come from `oneOf`/`anyOf` branches too (a nullable list: `oneOf: [{type: null}, {type: array, ...}]`).
  const shapes = [view, ...view.variants.map((variant) => context.viewer.view(variant))];
  const containers: Array<{segment: Segment; located: Located}> = [];
  const items = shapes.find((shape) => shape.items)?.items;
  if (items) containers.push({segment: {kind: 'item'}, located: items});
  const maps: Array<Located & {pattern?: string}> = shapes.flatMap((shape) => [
    ...shape.patterns,
    ...(typeof shape.additional === 'object' ? [shape.additional] : []),
  ]);
  maps.forEach((located, index) => {
    containers.push({segment: {kind: 'map', pattern: located.pattern, index}, located});
  });
  for (const {segment, located} of containers) {
    const inner = context.viewer.view(located);
    if (!hasFields(inner, context)) continue;
    children.push(buildNode(located, [...parent, segment], false, ancestors, context));
  }
  return children;
}

function hasFields(view: SchemaView, context: Context, depth = 0): boolean {
  if (view.properties.length) return true;
  if (depth > 3) return false;
  const nested = [view.items, ...view.patterns, typeof view.additional === 'object' ? view.additional : undefined, ...view.variants];
  return nested.some((located) => located !== undefined && hasFields(context.viewer.view(located), context, depth + 1));
}

function buildNode(located: Located, segments: Segment[], required: boolean, ancestors: Ancestors, context: Context): FieldNode {
  const view = context.viewer.view(located);
  const description = normaliseDescription(view.description);
  const path = formatPath(segments);
  const deprecation = deprecationIn(description);
  const node: FieldNode = {
    segments,
    name: displayName(segments[segments.length - 1]),
    path,
    anchor: uniqueAnchor(anchorFor(segments), context.anchors),
    type: typeLabel(view, context.viewer),
    description,
    required,
    deprecated: view.deprecated || deprecation.deprecated,
    ...(deprecation.rejected ? {rejected: true} : {}),
    pro: view.pro,
    enumValues: view.enumValues,
    constValue: view.constValue,
    pattern: view.pattern,
    format: view.format,
    minimum: view.minimum,
    maximum: view.maximum,
    examples: view.examples,
    defaultValue: context.defaults.lookup(segments) ?? schemaDefault(located),
    pointer: located.pointer,
    children: [],
  };
  checkDefaultType(node, view, context);

  // A `$ref` in a `oneOf`/`anyOf` branch (a nullable reference) brings its fields here too, so it can close a cycle.
  const refTargets = [...view.refTargets, ...view.variants.flatMap((variant) => context.viewer.view(variant).refTargets)];
  const cycleTarget = refTargets.find((target) => ancestors.has(target));
  if (cycleTarget !== undefined) {
    const ancestor = ancestors.get(cycleTarget);
    node.recursionOf = ancestor ? {path: ancestor.path, anchor: ancestor.anchor} : {path: '', anchor: ''};
    return node;
  }
  const inner = new Map(ancestors);
  for (const target of refTargets) inner.set(target, node);
  node.children = childrenOf(view, segments, inner, context);
  return node;
}

function schemaDefault(located: Located): {value: unknown} | undefined {
  return typeof located.schema === 'object' && 'default' in located.schema ? {value: located.schema.default} : undefined;
}

function checkDefaultType(node: FieldNode, view: SchemaView, context: Context): void {
  if (!node.defaultValue) return;
  const declared = view.types.length ? view.types : [];
  const variantTypes = view.variants.flatMap((variant) => context.viewer.view(variant).types);
  const allowed = new Set([...declared, ...variantTypes, ...(view.nullable ? ['null'] : [])]);
  if (allowed.size === 0) return;
  const actual = jsonTypesOf(node.defaultValue.value);
  // Helm leaves an empty key as null; that is how charts say "unset".
  if (actual.includes('null')) return;
  if (!actual.some((type) => allowed.has(type))) {
    context.warnings.push(
      `${context.valuesFile}: ${node.path}: the default is ${actual[0]}, but the schema says ${[...allowed].join(' | ')}; the docs show the schema's type`,
    );
  }
}
