/**
 * The values a rule reads: the file's own, over the release's defaults, as
 * Helm merges a file into the chart's values.yaml (maps key by key, lists
 * and scalars replaced; a `null` removes the default).
 */
import type {RuleContext} from './types';

/** A field's default as a release's data gives it, by the field's path (`a.b.c`). */
export type DefaultsOf = ReadonlyMap<string, {default?: unknown}>;

const isPlainMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const own = Object.prototype.hasOwnProperty;

/** The file's value at `keys`: `found` false when the file does not set it; `removed` when a `null` on the way removes it. */
function lookup(data: unknown, keys: readonly string[]): {found: boolean; value?: unknown; removed?: boolean} {
  let value: unknown = data;
  for (const key of keys) {
    if (value === null) return {found: false, removed: true};
    if (!isPlainMap(value) || !own.call(value, key)) return {found: false};
    value = value[key];
  }
  return value === null ? {found: false, removed: true} : {found: true, value};
}

/** The release's default at `keys`: the nearest field above (or at) it that has one, read down to the key. */
function defaultAt(defaults: DefaultsOf, keys: readonly string[]): unknown {
  for (let length = keys.length; length > 0; length--) {
    const field = defaults.get(keys.slice(0, length).join('.'));
    if (!field) continue;
    let value: unknown = field.default;
    for (const key of keys.slice(length)) value = isPlainMap(value) && own.call(value, key) ? value[key] : undefined;
    return value;
  }
  return undefined;
}

/** The context rules read a file's `data` in, for release `version` whose fields' defaults are `defaults`. */
export function ruleContext(version: string, data: unknown, defaults: DefaultsOf): RuleContext {
  return {
    version,
    value(path) {
      const keys = path.split('.');
      const found = lookup(data, keys);
      if (found.found) return found.value;
      return found.removed ? undefined : defaultAt(defaults, keys);
    },
    own(path) {
      return lookup(data, path.split('.')).value;
    },
    has(path) {
      return defaults.has(path);
    },
  };
}

/** Go's view of a value: `true` only for boolean true (vCluster's `enabled` flags), a string flag (`"auto"`, `"true"`) as its text. */
export const isTrue = (value: unknown): boolean => value === true;
/** A `StrBool` flag (`enabled: auto | true | false`) as vCluster reads it: `true` and `"true"` are both "true". */
export const strBool = (value: unknown): string | undefined => (typeof value === 'boolean' ? String(value) : typeof value === 'string' ? value : undefined);
/** A map's entries, or none. */
export const entriesOf = (value: unknown): Array<[string, unknown]> => (isPlainMap(value) ? Object.entries(value) : []);
/** A list's items, or none. */
export const itemsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A map's field, or undefined. */
export const fieldOf = (value: unknown, key: string): unknown => (isPlainMap(value) && own.call(value, key) ? value[key] : undefined);
/** Go's zero-value test for a string field: unset or empty. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
/** Whether a map or list has entries (Go's `len(x) > 0`). */
export const nonEmpty = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : isPlainMap(value) ? Object.keys(value).length > 0 : false);
export {isPlainMap};
