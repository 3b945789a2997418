/**
 * What to use instead of a deprecated field: the curated facts' replacement
 * (reference/facts.ts), else a field the schema's description names
 * ("Use "plugins" instead."). The published field data carries no
 * descriptions, so the description is read from the release's schema.
 */
import {parentPath, parsePath, type Segment} from '../reference/configPath';
import {replacementOf} from '../reference/facts';
import type {PublishedField} from '../reference/published';
import {joinPath} from '../reference/resolvePath';
import type {CheckerRelease} from './release';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema a local `$ref` (`#/$defs/Plugin`) points at. */
function follow(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    node = isSchema(node) ? node[decodeURIComponent(raw).replace(/~1/gu, '/').replace(/~0/gu, '~')] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

/** A schema and the ones it stands for: its `$ref` target and its `allOf`/`anyOf`/`oneOf` branches. */
function alternatives(root: Schema, schema: Schema, seen = new Set<Schema>()): Schema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const found = [schema];
  if (typeof schema.$ref === 'string') {
    const target = follow(root, schema.$ref);
    if (target) found.push(...alternatives(root, target, seen));
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) for (const branch of branches) if (isSchema(branch)) found.push(...alternatives(root, branch, seen));
  }
  return found;
}

function childSchemas(schema: Schema, segment: Segment): Schema[] {
  if (segment.kind === 'item') return isSchema(schema.items) ? [schema.items] : [];
  if (segment.kind === 'map') {
    const patterns = isSchema(schema.patternProperties) ? Object.values(schema.patternProperties).filter(isSchema) : [];
    return [...patterns, ...(isSchema(schema.additionalProperties) ? [schema.additionalProperties] : [])];
  }
  const properties = isSchema(schema.properties) ? schema.properties : {};
  return isSchema(properties[segment.key]) ? [properties[segment.key] as Schema] : [];
}

/** The description the schema gives the field at a canonical path, if any. */
export function schemaDescription(schema: unknown, path: string): string | undefined {
  if (!isSchema(schema)) return undefined;
  let current: Schema[] = [schema];
  for (const segment of parsePath(path)) {
    current = current.flatMap((node) => alternatives(schema, node)).flatMap((node) => childSchemas(node, segment));
    if (!current.length) return undefined;
  }
  for (const node of current.flatMap((candidate) => alternatives(schema, candidate))) {
    if (typeof node.description === 'string') return node.description;
  }
  return undefined;
}

/** A field a description names as the one to use: `Use "plugins" instead`, `use controlPlane.x instead`. */
const USE_INSTEAD = /\buse\s+[`"']?([A-Za-z_][\w.]*)[`"']?\s+instead\b/iu;

/** The path to use instead of `field`, when the facts or the description name one that this release has. */
export function replacementFor(release: CheckerRelease, field: PublishedField): string | undefined {
  const curated = replacementOf(field.facts);
  if (curated) return curated;
  const named = USE_INSTEAD.exec(schemaDescription(release.schema, field.path) ?? '')?.[1];
  if (!named || named === field.path) return undefined;
  // The name is a full path, or a sibling of the deprecated field.
  return [named, joinPath(parentPath(field.path), named)].find((path) => release.byPath.has(path));
}
