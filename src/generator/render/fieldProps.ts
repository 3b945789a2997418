import {SECTION_FACT_KEYS, nameOfPath, type FieldEntry, type FieldFacts, type SectionProps} from '../../lib/fieldProps';
import {anchorOfPath, parsePath} from '../../reference/configPath';
import {compareVersions} from '../../reference/releases';
import {toYaml} from '../model/defaults';
import type {FieldNode} from '../model/fieldNode';

/**
 * A field's entry in its partial's `toc` list (src/lib/fieldProps.ts): the
 * suffix its path adds to its parent's, alone where the site derives the
 * same name and anchor from the path, else with the name or anchor the path
 * does not give.
 */
export function createFieldEntry(node: Pick<FieldNode, 'path' | 'name' | 'anchor' | 'segments'>, parentPath: string): FieldEntry {
  // The site reads the path back with the grammar's parser: it must give the field's own segments.
  const parsed = parsePath(node.path);
  const sameSegments =
    parsed.length === node.segments.length &&
    parsed.every((segment, i) => {
      const own = node.segments[i];
      return segment.kind === own.kind && (segment.kind !== 'property' || (own.kind === 'property' && own.key === segment.key));
    });
  if (!sameSegments || !node.path.startsWith(parentPath)) throw new Error(`config path ${JSON.stringify(node.path)} does not read back as its own segments below ${JSON.stringify(parentPath)}`);
  const key = node.path.slice(parentPath.length);
  const entry: {key: string; name?: string; anchor?: string} = {key};
  if (node.name !== nameOfPath(node.path)) entry.name = node.name;
  if (node.anchor !== anchorOfPath(node.path)) entry.anchor = node.anchor;
  return entry.name === undefined && entry.anchor === undefined ? key : entry;
}

// A field appears in every partial above it; its facts are the same in each.
const factsCache = new WeakMap<FieldNode, FieldFacts>();

/** The facts of one field on the page of `version`: what its `ConfigField` adds to its toc entry. */
export function createFieldFacts(node: FieldNode, version?: string): FieldFacts {
  let facts = factsCache.get(node);
  if (!facts) {
    facts = createFacts(node, version);
    factsCache.set(node, facts);
  }
  return facts;
}

/** What the facts and the history add to a field's head: the Pro condition, since, removed in, earlier defaults. */
function markProps(node: FieldNode, version: string | undefined): Pick<FieldFacts, 'proWhen' | 'since' | 'removedIn' | 'was'> {
  const props: Pick<FieldFacts, 'proWhen' | 'since' | 'removedIn' | 'was'> = {};
  if (node.proWhen) props.proWhen = node.proWhen;
  const history = node.history;
  if (history?.since) props.since = history.since;
  if (history?.removedIn) props.removedIn = history.removedIn;
  const past = (history?.defaultChanges ?? []).filter((change) => version === undefined || compareVersions(change.version, version) <= 0);
  // An object shows them too: its value before may have been a scalar (a string image that became an object).
  if (past.length) props.was = past.map((change) => (change.fromYaml === undefined ? {in: change.version} : {in: change.version, yaml: change.fromYaml}));
  return props;
}

function createFacts(node: FieldNode, version: string | undefined): FieldFacts {
  const props: FieldFacts = {type: node.type};
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

/** A section's props: its identity, and the facts `SECTION_FACT_KEYS` declares of its field's. */
export function createSectionProps(node: FieldNode, version?: string): SectionProps {
  const props: SectionProps = {path: node.path, type: node.type};
  if (node.anchor !== anchorOfPath(node.path)) props.anchor = node.anchor;
  const facts = createFieldFacts(node, version);
  for (const key of SECTION_FACT_KEYS) if (facts[key] !== undefined) Object.assign(props, {[key]: facts[key]});
  return props;
}
