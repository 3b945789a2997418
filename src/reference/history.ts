/**
 * A field's history across releases (computed by releases.ts from every
 * release of the line) and when two releases' defaults are the same.
 * Browser-safe.
 */

export interface DefaultChange {
  /** The release whose default differs from the release before it. */
  version: string;
  /** The defaults before and after, as YAML text (absent: no default). */
  fromYaml?: string;
  toYaml?: string;
}

export interface FieldHistory {
  /** The first release that has the field; absent when the oldest known release has it. */
  since?: string;
  /** The first release after this one that no longer has it. */
  removedIn?: string;
  /** Each release whose default differs from the one before, oldest first. */
  defaultChanges?: DefaultChange[];
  /** The first release that marks it deprecated (schema or fact); absent when the oldest does, or none does. */
  deprecatedIn?: string;
}

/** Whether two JSON values are equal (key order aside). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((value, i) => sameJson(value, (b as unknown[])[i]));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const isEmptyMap = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

/**
 * Whether two releases give a field the same default. An empty map and no
 * default say the same: a field that gains fields of its own keeps its
 * defaults on them (0.20.0's `external: {}` became an object with fields).
 */
export function sameDefault(a: unknown, b: unknown): boolean {
  return sameJson(a, b) || (a === undefined && isEmptyMap(b)) || (b === undefined && isEmptyMap(a));
}
