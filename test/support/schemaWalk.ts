/**
 * A small JSON Schema walker written for the tests, independent of the
 * generator's resolver: it lists every property path a schema allows, in the
 * field index's notation. It follows local `$ref`s (`#`, `#/$defs/...`,
 * `#/definitions/...`, any local JSON pointer, optionally prefixed by the
 * root `$id`), descends `properties`, `items` (`[]`), `additionalProperties`
 * schemas and `patternProperties` (`*`), merges `allOf`/`anyOf`/`oneOf`
 * branches onto the same path and stops where a `$ref` would re-enter a
 * definition it is already inside.
 */
import {appendItem, appendKey, appendMap} from './pathLabel';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface WalkResult {
  /** Paths of properties (object keys). */
  properties: Set<string>;
  /** Paths of list items and map values that hold properties (`a.b[]`, `a.b.*`). */
  containers: Set<string>;
}

function resolvePointer(root: Schema, ref: string): {schema: unknown; pointer: string} {
  let local = ref;
  const id = typeof root.$id === 'string' ? root.$id : undefined;
  if (id && local.startsWith(id)) local = local.slice(id.length) || '#';
  if (!local.startsWith('#')) throw new Error(`walker: non-local $ref ${ref}`);
  const fragment = decodeURIComponent(local.slice(1));
  let current: unknown = root;
  if (fragment) {
    for (const raw of fragment.slice(1).split('/')) {
      const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isSchema(current) || !(token in current)) throw new Error(`walker: unresolved $ref ${ref}`);
      current = current[token];
    }
  }
  return {schema: current, pointer: `#${fragment}`};
}

export function walkSchema(root: Schema): WalkResult {
  const properties = new Set<string>();
  const containers = new Set<string>();
  const candidates = new Set<string>();
  const recursive = new Set<string>();

  const walk = (node: unknown, path: string, inside: readonly string[]): void => {
    if (!isSchema(node)) return;
    let within = inside;
    if (typeof node.$ref === 'string') {
      const target = resolvePointer(root, node.$ref);
      if (!inside.includes(target.pointer)) {
        within = [...inside, target.pointer];
        walk(target.schema, path, within);
      } else {
        // A cycle: the shape is documented where the definition was entered; this path repeats it.
        recursive.add(path);
        return;
      }
    }
    if (isSchema(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) {
        const childPath = appendKey(path, key);
        properties.add(childPath);
        walk(child, childPath, within);
      }
    }
    const descend = (child: unknown, childPath: string) => {
      if (!isSchema(child)) return;
      candidates.add(childPath);
      walk(child, childPath, within);
    };
    if (Array.isArray(node.items)) node.items.forEach((item) => descend(item, appendItem(path)));
    else descend(node.items, appendItem(path));
    descend(node.additionalProperties, appendMap(path));
    if (isSchema(node.patternProperties)) for (const child of Object.values(node.patternProperties)) descend(child, appendMap(path));
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const branches = node[keyword];
      if (Array.isArray(branches)) for (const branch of branches) walk(branch, path, within);
    }
  };

  const rootPointers = [] as string[];
  walk(root, '', rootPointers);
  // A list item or map value counts when some property lies below it, or it repeats an enclosing shape.
  for (const candidate of candidates) {
    if (recursive.has(candidate)) {
      containers.add(candidate);
      continue;
    }
    for (const property of properties) {
      if (property.startsWith(candidate) && /^[.[]/.test(property.slice(candidate.length))) {
        containers.add(candidate);
        break;
      }
    }
  }
  return {properties, containers};
}
