/**
 * Which values of a file equal their release's default. Helm merges a file
 * into the chart's values.yaml map by map, so a key equals its default when
 * its value equals the default of its field, or the entry of the same name in
 * the default map of the nearest field above it (`resources.requests.cpu`
 * inside the default of `resources.requests`). Only keys named in full count:
 * a list's items and a map's values have no default of their own.
 */
import {formatInstancePath} from '../reference/configPath';
import {sameJson} from '../reference/history';
import type {PublishedField} from '../reference/published';
import type {CheckerRelease} from './release';

const isPlainMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The default of the key at `keys`, with the field it comes from; undefined when it has none. */
export function defaultAt(release: CheckerRelease, keys: ReadonlyArray<string | number>): {field: PublishedField; value: unknown} | undefined {
  if (keys.some((key) => typeof key === 'number')) return undefined;
  for (let length = keys.length; length > 0; length--) {
    const field = release.byPath.get(formatInstancePath(keys.slice(0, length)));
    if (!field) continue;
    let value: unknown = field.default;
    for (const key of keys.slice(length)) value = isPlainMap(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key as string] : undefined;
    return value === undefined ? undefined : {field, value};
  }
  return undefined;
}

/** The field whose default a value at `keys` equals, if it does. */
export function defaultEqualField(release: CheckerRelease, keys: ReadonlyArray<string | number>, value: unknown): PublishedField | undefined {
  const found = defaultAt(release, keys);
  return found && sameJson(value, found.value) ? found.field : undefined;
}

/** A default's YAML text shortened to one line for a message. */
export function shortYaml(yamlText: string | undefined, limit = 60): string {
  if (yamlText === undefined) return 'none';
  const oneLine = yamlText.trim().replace(/\s*\n\s*/gu, ' ');
  return oneLine.length > limit ? `${oneLine.slice(0, limit - 1)}…` : oneLine;
}
