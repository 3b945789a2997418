/**
 * The field index (its file name: files.ts `INDEX_FILE`): one record per field of a
 * chart version. The generator writes it; the remark plugins, search, the
 * what-changed pages and the config checker read it. Browser-safe.
 */

import {anchorOfPath} from './configPath';
import type {Fact} from './facts';
import type {FieldHistory} from './history';

/** A curated fact as the index keeps it: with its evidence, for maintainers. */
export type IndexedFact = Fact & {evidence: string};

/** One field of the reference; its history (`since`, `removedIn`, `defaultChanges`, `deprecatedIn`) across known releases. */
export interface FieldRecord extends FieldHistory {
  /** Canonical written path (configPath.ts): `controlPlane.distro.k8s.env[].name`. */
  path: string;
  /** Its anchor, unique within the version (configPath.ts). */
  anchor: string;
  /** Type label: `string`, `string[]`, `map[string]string`, `object`... */
  type: string;
  required: boolean;
  /** Deprecated by the schema, its description (src/reference/deprecation.ts) or a curated fact. */
  deprecated: boolean;
  /** The field to use instead of a deprecated one: a curated fact's, else the one its description names. */
  replacement?: string;
  /** Set when the description says a value set here is rejected (by the chart or at start): an error, not a warning. */
  rejected?: boolean;
  pro: boolean;
  /** The default as JSON, for fields without fields of their own. */
  default?: unknown;
  /** The same default as YAML text. */
  defaultYaml?: string;
  allowedValues?: unknown[];
  /** The most specific partial that shows the field, relative to the partials directory. */
  partial: string;
  /** The partial of its top-level section, which shows every field of the section. */
  sectionPartial: string;
  /** Markdown. */
  description: string;
  /** The parent field's path; absent at the top level. */
  parent?: string;
  /** Every partial that shows the field, deepest first (`partial` first, `sectionPartial` last). */
  partials: string[];
  /** Curated facts (facts.ts); a `deprecated` fact also sets `deprecated`, a `pro` fact `pro`. */
  facts?: IndexedFact[];
  /** Set when the field needs Pro only under these conditions (from `pro` facts; the schema's own flag means always). */
  proWhen?: string[];
}

/**
 * What one release says of a field, as the browser gets it for every release
 * (releases.ts): the field record's keys named in `STATE_KEYS`, with flags
 * only when true, the anchor only when the path does not give it, facts
 * without their evidence. Two releases that say the same share one state.
 */
export const STATE_KEYS = ['type', 'anchor', 'required', 'deprecated', 'replacement', 'rejected', 'pro', 'proWhen', 'default', 'defaultYaml', 'allowedValues', 'facts'] as const;
type StateKey = (typeof STATE_KEYS)[number];
/** The keys that are flags: kept only when true. */
const FLAGS: ReadonlySet<StateKey> = new Set(['required', 'deprecated', 'rejected', 'pro']);
type TrueFlags<T> = {[K in keyof T]: T[K] extends boolean | undefined ? true : T[K]};
export type FieldState = Partial<TrueFlags<Omit<Pick<FieldRecord, StateKey>, 'facts'>>> & {type: string; facts?: Fact[]};

/** A record's state (`STATE_KEYS`), made the same way for every release so that equal states compare equal as JSON. */
export function stateOf(record: Pick<FieldRecord, StateKey | 'path'>): FieldState {
  const state: Record<string, unknown> = {};
  for (const key of STATE_KEYS) {
    const value = record[key];
    if (value === undefined || (value === false && FLAGS.has(key))) continue;
    if (key === 'anchor' && value === anchorOfPath(record.path)) continue;
    if (key === 'facts') {
      if ((value as IndexedFact[]).length) state.facts = (value as IndexedFact[]).map(({evidence: _evidence, ...fact}) => fact);
      continue;
    }
    state[key] = value;
  }
  return state as FieldState;
}

export interface FieldIndex {
  version: string;
  fields: FieldRecord[];
  /** Each partial file and the anchor of the field (or section) it documents. */
  partials: Record<string, string>;
}

/** A version's field index with the lookups its readers need, built once. */
export interface IndexedFields {
  index: FieldIndex;
  byPath: ReadonlyMap<string, FieldRecord>;
  byAnchor: ReadonlyMap<string, FieldRecord>;
  /** Paths of the top-level fields. */
  topLevel: ReadonlySet<string>;
}

export function indexFields(index: FieldIndex): IndexedFields {
  return {
    index,
    byPath: new Map(index.fields.map((record) => [record.path, record])),
    byAnchor: new Map(index.fields.map((record) => [record.anchor, record])),
    topLevel: new Set(index.fields.filter((record) => record.parent === undefined).map((record) => record.path)),
  };
}

/** Whether a partial (file relative to the partials directory) shows a field. */
export function partialShows(record: Pick<FieldRecord, 'partials'>, partial: string): boolean {
  return record.partials.includes(partial);
}

/** Checks the shape of a parsed field index; `source` names it in the error. */
export function parseFieldIndex(json: unknown, source: string): FieldIndex {
  const fail = (problem: string): never => {
    throw new Error(`${source}: not a field index (${problem}); regenerate it with npm run gen-partials`);
  };
  if (!json || typeof json !== 'object') return fail('not an object');
  const {version, fields, partials} = json as Partial<FieldIndex>;
  if (typeof version !== 'string') fail('no "version"');
  if (!Array.isArray(fields)) return fail('no "fields" list');
  if (!partials || typeof partials !== 'object') fail('no "partials" map');
  fields.forEach((record, i) => {
    if (typeof record?.path !== 'string' || typeof record.anchor !== 'string' || !Array.isArray(record.partials)) {
      fail(`fields[${i}] lacks path, anchor or partials`);
    }
  });
  return json as FieldIndex;
}
