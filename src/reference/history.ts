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
      if (!sameJson(before.default, after.default)) {
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
