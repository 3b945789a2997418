/**
 * A field's history across releases, built from every known release's field
 * index, oldest first (documented releases and history-only ones, see
 * manifest.ts). Browser-safe.
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

/** What history needs of a release's field: its path, default and whether it is deprecated. */
export interface HistoryRecord {
  path: string;
  default?: unknown;
  defaultYaml?: string;
  deprecated: boolean;
}

export interface ReleaseFields {
  version: string;
  fields: readonly HistoryRecord[];
}

/** Release versions compared as semver orders them: `0.9.0` < `0.21.0` < `0.21.1`, and `0.22.0-beta.1` < `0.22.0`. */
export function compareVersions(a: string, b: string): number {
  const split = (version: string) => {
    const [main, ...pre] = version.split('-');
    return {main: main.split('.').map(Number), pre: pre.join('-')};
  };
  const [left, right] = [split(a), split(b)];
  for (let i = 0; i < Math.max(left.main.length, right.main.length); i++) {
    const difference = (left.main[i] ?? 0) - (right.main[i] ?? 0);
    if (difference) return difference;
  }
  if (left.pre === right.pre) return 0;
  if (!left.pre) return 1;
  if (!right.pre) return -1;
  const [x, y] = [left.pre.split('.'), right.pre.split('.')];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    const [m, n] = [Number(x[i]), Number(y[i])];
    if (Number.isInteger(m) && Number.isInteger(n)) return m - n;
    return x[i] < y[i] ? -1 : 1;
  }
  return 0;
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

/**
 * The history of every field of `version`, from all known releases, oldest
 * first. A field's span is the unbroken run of releases around `version`
 * that have it: `since` is where the span starts (unless that is the oldest
 * known release), `removedIn` the first release after it, and default
 * changes and the deprecation are read within it.
 */
export function historyOf(releases: readonly ReleaseFields[], version: string): Map<string, FieldHistory> {
  const at = releases.findIndex((release) => release.version === version);
  if (at < 0) throw new Error(`field history: ${version} is not among the releases ${releases.map((release) => release.version).join(', ')}`);
  const byPath = releases.map((release) => new Map(release.fields.map((record) => [record.path, record])));
  const history = new Map<string, FieldHistory>();
  for (const record of releases[at].fields) {
    let first = at;
    while (first > 0 && byPath[first - 1].has(record.path)) first--;
    let last = at;
    while (last + 1 < releases.length && byPath[last + 1].has(record.path)) last++;
    const entry: FieldHistory = {};
    if (first > 0) entry.since = releases[first].version;
    if (last + 1 < releases.length) entry.removedIn = releases[last + 1].version;
    const changes: DefaultChange[] = [];
    for (let i = first + 1; i <= last; i++) {
      const before = byPath[i - 1].get(record.path)!;
      const after = byPath[i].get(record.path)!;
      if (!sameDefault(before.default, after.default)) {
        changes.push({version: releases[i].version, ...(before.defaultYaml === undefined ? {} : {fromYaml: before.defaultYaml}), ...(after.defaultYaml === undefined ? {} : {toYaml: after.defaultYaml})});
      }
    }
    if (changes.length) entry.defaultChanges = changes;
    for (let i = first; i <= last; i++) {
      if (!byPath[i].get(record.path)!.deprecated) continue;
      // Deprecated from the oldest known release on: when is not known.
      if (i > 0) entry.deprecatedIn = releases[i].version;
      break;
    }
    history.set(record.path, entry);
  }
  return history;
}
