import {parse, stringify} from 'yaml';
import type {Document} from 'yaml';
import type {Segment} from '../../reference/configPath';

/** The chart's default values, read from values.yaml with map key order kept. */
export class DefaultValues {
  private readonly root: unknown;

  constructor(values: Document.Parsed) {
    // Maps (not plain objects) keep the chart's key order, even for keys such as "1".
    this.root = values.toJS({mapAsMap: true, maxAliasCount: -1});
  }

  /** The value at a path of object keys; undefined below a list item or map value, or where values.yaml has none. */
  lookup(segments: readonly Segment[]): {value: unknown} | undefined {
    let current: unknown = this.root;
    for (const segment of segments) {
      if (segment.kind !== 'property' || !(current instanceof Map) || !current.has(segment.key)) return undefined;
      current = current.get(segment.key);
    }
    return {value: current};
  }
}

/**
 * A default as YAML text: scalars on one line (`false`, `""`, `"1.28"`),
 * maps and lists as blocks in the chart's order. Never Go's `map[a:b]`.
 */
export function toYaml(value: unknown): string {
  const options = {lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false} as const;
  const text = stringify(value, options).replace(/\n$/, '');
  // Some block scalars do not survive on their own (a top-level `|1-`, a final `|+` losing a
  // trailing line break): then strings are written quoted instead.
  if (readsBackAs(text, value)) return text;
  return stringify(value, {...options, blockQuote: false}).replace(/\n$/, '');
}

function readsBackAs(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(toJson(parse(text, {mapAsMap: true}))) === JSON.stringify(toJson(value));
  } catch {
    return false;
  }
}

/** Plain JSON for the field index (maps become objects; order of the Map is kept as insertion order). */
export function toJson(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v)]));
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The JSON Schema type names a value satisfies, for checking values.yaml against the schema. */
export function jsonTypesOf(value: unknown): string[] {
  if (value === null || value === undefined) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (value instanceof Map || typeof value === 'object') return ['object'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  if (typeof value === 'boolean') return ['boolean'];
  return ['string'];
}
