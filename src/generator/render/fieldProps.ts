import {stringify} from 'yaml';
import type {FieldProps, SectionProps} from '../../lib/fieldProps';
import {compareVersions} from '../../reference/history';
import {toYaml} from '../model/defaults';
import type {FieldNode} from '../model/fieldNode';

const MAX_HEADING_LEVEL = 6;

const PLAIN_YAML_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;

/** A key as it must be written in YAML: `enabled` as is, `"app.kubernetes.io/name"` quoted where YAML needs it. */
export function yamlKey(key: string): string {
  if (PLAIN_YAML_KEY.test(key) && !YAML_WORDS.test(key)) return key;
  return stringify(key, {lineWidth: 0}).replace(/\n$/, '');
}

/** The keys from the root to a field, `-` for a list item and `<key>` for a map key. */
export function yamlKeysOf(node: Pick<FieldNode, 'segments'>): string[] {
  return node.segments.map((segment) => (segment.kind === 'item' ? '-' : segment.kind === 'map' ? '<key>' : yamlKey(segment.key)));
}

// A field appears in every partial above it; its props differ only in level and depth.
const baseProps = new WeakMap<FieldNode, Omit<FieldProps, 'level' | 'depth'>>();

/** The props of one field, at `depth` below the partial's root (0 for the root's children), on the page of `version`. */
export function createFieldProps(node: FieldNode, depth: number, version?: string): FieldProps {
  let base = baseProps.get(node);
  if (!base) {
    base = createBaseProps(node, version);
    baseProps.set(node, base);
  }
  const {name, path, anchor, ...rest} = base;
  return {name, path, anchor, level: Math.min(2 + depth, MAX_HEADING_LEVEL), depth, ...rest};
}

/** What the facts and the history add to a field's head: the Pro condition, since, removed in, earlier defaults. */
function markProps(node: FieldNode, version: string | undefined): Pick<FieldProps, 'proWhen' | 'since' | 'removedIn' | 'was'> {
  const props: Pick<FieldProps, 'proWhen' | 'since' | 'removedIn' | 'was'> = {};
  if (node.proWhen) props.proWhen = node.proWhen;
  const history = node.history;
  if (history?.since) props.since = history.since;
  if (history?.removedIn) props.removedIn = history.removedIn;
  const past = (history?.defaultChanges ?? []).filter((change) => version === undefined || compareVersions(change.version, version) <= 0);
  if (past.length && !node.children.length) props.was = past.map((change) => (change.fromYaml === undefined ? {in: change.version} : {in: change.version, yaml: change.fromYaml}));
  return props;
}

function createBaseProps(node: FieldNode, version: string | undefined): Omit<FieldProps, 'level' | 'depth'> {
  const props: Omit<FieldProps, 'level' | 'depth'> = {
    name: node.name,
    path: node.path,
    anchor: node.anchor,
    type: node.type,
    yamlKeys: yamlKeysOf(node),
  };
  if (node.required) props.required = true;
  if (node.deprecated) props.deprecated = true;
  if (node.pro) props.pro = true;
  // An object's default is the sum of its fields' defaults, shown on each of them.
  if (node.defaultValue && !node.children.length) props.default = toYaml(node.defaultValue.value);
  const allowed = allowedValues(node);
  if (allowed) props.enum = allowed.map(toYaml);
  if (node.pattern !== undefined) props.pattern = node.pattern;
  if (node.format !== undefined) props.format = node.format;
  if (node.minimum !== undefined) props.min = node.minimum;
  if (node.maximum !== undefined) props.max = node.maximum;
  if (node.examples.length) props.examples = node.examples.map(toYaml);
  if (node.children.length) props.object = true;
  if (node.recursionOf) props.recursion = {path: node.recursionOf.path, ...(node.recursionOf.anchor ? {anchor: node.recursionOf.anchor} : {})};
  return {...props, ...markProps(node, version)};
}

export function allowedValues(node: Pick<FieldNode, 'enumValues' | 'constValue'>): unknown[] | undefined {
  if (node.constValue) return [node.constValue.value];
  return node.enumValues?.length ? node.enumValues : undefined;
}

export function createSectionProps(node: FieldNode, version?: string): SectionProps {
  const props: SectionProps = {path: node.path, anchor: node.anchor, type: node.type, yamlKeys: yamlKeysOf(node)};
  if (node.deprecated) props.deprecated = true;
  if (node.pro) props.pro = true;
  if (node.defaultValue && !node.children.length) props.default = toYaml(node.defaultValue.value);
  // A top-level field without fields is shown by this element alone: its facts go here too.
  const {enum: allowed, pattern, format, min, max, examples, proWhen, since, removedIn, was} = createFieldProps(node, 0, version);
  if (proWhen) props.proWhen = proWhen;
  if (since) props.since = since;
  if (removedIn) props.removedIn = removedIn;
  if (was) props.was = was;
  if (allowed) props.enum = allowed;
  if (pattern !== undefined) props.pattern = pattern;
  if (format !== undefined) props.format = format;
  if (min !== undefined) props.min = min;
  if (max !== undefined) props.max = max;
  if (examples) props.examples = examples;
  return props;
}
