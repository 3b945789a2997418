/**
 * The release line and what each release says of each field: the one module
 * that knows the order of releases, a field's span and history across them,
 * and what changed between two of them. Browser-safe.
 *
 * gen-partials builds a `ReleasesData` once from every release of the
 * manifest (documented and history-only) and publishes it as
 * urls.ts `RELEASES_URL`; the field history of the reference, the
 * what-changed pages, the config checker and the missing-field notice all
 * read that same data through the functions here.
 */
import {anchorOfPath, formatPath, parseAnchor} from './configPath';
import type {FieldState} from './fieldIndex';
import {sameDefault, type DefaultChange, type FieldHistory} from './history';

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

/** A release version as vCluster tags it: `0.36.1`, `0.37.0-rc.2`. */
export const RELEASE_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/u;

/** `0.36` of `0.36.1` and of `0.36.0-rc.1`: releases of one minor share their docs. */
export function minorOf(version: string): string {
  return version.split('-')[0].split('.').slice(0, 2).join('.');
}

/** The releases the site knows, oldest first, and which of them have docs. */
export interface ReleaseLine {
  /** Every release, oldest first. */
  releases: readonly string[];
  /** The documented ones, newest first; the first is the current docs version. */
  documented: readonly string[];
}

export function currentOf(line: ReleaseLine): string {
  return line.documented[0];
}

/** How many of the newest minor releases are supported (as vCluster supports its releases); older documented releases are archived. */
export const SUPPORTED_MINORS = 3;

/**
 * The documented releases still supported, newest first: those of the
 * `SUPPORTED_MINORS` newest minors that have a final release in the line (a
 * release candidate of the next minor does not retire one). The others are
 * past their end of life: archived.
 */
export function supportedReleases(line: ReleaseLine): string[] {
  const minors = [...new Set(line.releases.filter((version) => !version.includes('-')).map(minorOf))].slice(-SUPPORTED_MINORS);
  return line.documented.filter((version) => minors.includes(minorOf(version)));
}

/** The releases after `from` up to and including `to`, oldest first. */
export function releasesBetween(line: ReleaseLine, from: string, to: string): string[] {
  const [start, end] = [line.releases.indexOf(from), line.releases.indexOf(to)];
  return start < 0 || end <= start ? [] : line.releases.slice(start + 1, end + 1);
}

/**
 * What a documented release's what-changed page compares it with: the newest
 * release of the minor before its own (0.36.1 with 0.35.3, 0.22.0 with
 * 0.21.0), documented or history-only; undefined for a release with no
 * earlier minor in the line.
 */
export function changesBaseOf(line: ReleaseLine, version: string): string | undefined {
  const minor = minorOf(version);
  const at = line.releases.indexOf(version);
  for (let i = at - 1; i >= 0; i--) if (minorOf(line.releases[i]) !== minor) return line.releases[i];
  return undefined;
}

/**
 * The documented release whose what-changed page lists a change made in
 * `release`: the one whose comparison (from its base, exclusive, up to
 * itself) holds it. Undefined when no documented release's page does.
 */
export function listedOn(line: ReleaseLine, release: string): string | undefined {
  const at = line.releases.indexOf(release);
  return line.documented.find((version) => {
    const base = changesBaseOf(line, version);
    return base !== undefined && line.releases.indexOf(base) < at && at <= line.releases.indexOf(version);
  });
}

export const RELEASES_FORMAT = 1;

/**
 * One field across the line. `runs` are the releases that have it, oldest
 * first, as `[first, last, state]`: indexes into `releases` (inclusive) and
 * `states`. A new state starts a new run; a gap between runs is a span of
 * releases without the field.
 */
export interface ReleaseField {
  path: string;
  runs: Array<[first: number, last: number, state: number]>;
  /** The page of each documented release that shows the field (version → index into `routes`). */
  routes?: Record<string, number>;
}

/** Every release's fields, each distinct field state stored once (urls.ts `RELEASES_URL`). */
export interface ReleasesData extends ReleaseLine {
  format: typeof RELEASES_FORMAT;
  /** Routes without the site's baseUrl (`/docs/0.21.0/sync`), referred to by index. */
  routes: string[];
  states: FieldState[];
  fields: ReleaseField[];
}

/** A field in one release: its state there, where the site shows it, and its history around that release. */
export interface ReleaseFieldAt extends FieldState, FieldHistory {
  path: string;
  anchor: string;
  /** The route of the page a link to the field leads to in this release (documented releases only). */
  route?: string;
}

/**
 * Lookups over a `ReleasesData`, built once. The data keeps one order of
 * paths for the whole line, in which the newest releases read their fields
 * in their own schema order; where an older release ordered some fields
 * differently, `orders` (the generator has every release's own) gives it
 * back for `fieldsOf` and the diff's lists.
 */
export class Releases {
  readonly byPath: ReadonlyMap<string, ReleaseField>;
  private readonly at: ReadonlyMap<string, number>;

  constructor(
    readonly data: ReleasesData,
    private readonly orders: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    this.byPath = new Map(data.fields.map((field) => [field.path, field]));
    this.at = new Map(data.releases.map((version, i) => [version, i]));
  }

  get current(): string {
    return currentOf(this.data);
  }

  /** The index of a release in the line; an unknown release is an error. */
  indexOf(version: string): number {
    const index = this.at.get(version);
    if (index === undefined) throw new Error(`${version} is not a release of the line (${this.data.releases.join(', ')})`);
    return index;
  }

  has(version: string): boolean {
    return this.at.has(version);
  }

  isDocumented(version: string): boolean {
    return this.data.documented.includes(version);
  }

  /** The state of a field in release `index`, if the release has it. */
  stateAt(field: ReleaseField, index: number): FieldState | undefined {
    const run = field.runs.find(([first, last]) => first <= index && index <= last);
    return run && this.data.states[run[2]];
  }

  /** The releases around `index` that have the field without a gap: `[first, last]`, or undefined when `index` lacks it. */
  spanAt(field: ReleaseField, index: number): [number, number] | undefined {
    const at = field.runs.findIndex(([first, last]) => first <= index && index <= last);
    if (at < 0) return undefined;
    let [first, last] = [field.runs[at][0], field.runs[at][1]];
    for (let i = at - 1; i >= 0 && field.runs[i][1] === first - 1; i--) first = field.runs[i][0];
    for (let i = at + 1; i < field.runs.length && field.runs[i][0] === last + 1; i++) last = field.runs[i][1];
    return [first, last];
  }

  /** The history of a field around release `index` (history.ts): since, removed in, default changes, deprecated in. */
  historyAt(field: ReleaseField, index: number): FieldHistory {
    const span = this.spanAt(field, index);
    if (!span) return {};
    const [first, last] = span;
    const {releases} = this.data;
    const history: FieldHistory = {};
    if (first > 0) history.since = releases[first];
    if (last + 1 < releases.length) history.removedIn = releases[last + 1];
    const changes: DefaultChange[] = [];
    for (let i = first + 1; i <= last; i++) {
      const [before, after] = [this.stateAt(field, i - 1)!, this.stateAt(field, i)!];
      if (before === after || sameDefault(before.default, after.default)) continue;
      changes.push({version: releases[i], ...(before.defaultYaml === undefined ? {} : {fromYaml: before.defaultYaml}), ...(after.defaultYaml === undefined ? {} : {toYaml: after.defaultYaml})});
    }
    if (changes.length) history.defaultChanges = changes;
    for (let i = first; i <= last; i++) {
      if (!this.stateAt(field, i)!.deprecated) continue;
      // Deprecated from the oldest known release on: when is not known.
      if (i > 0) history.deprecatedIn = releases[i];
      break;
    }
    return history;
  }

  /** A field as release `version` has it, with its route there and its history around it; undefined when the release lacks it. */
  fieldAt(field: ReleaseField, version: string): ReleaseFieldAt | undefined {
    const index = this.indexOf(version);
    const state = this.stateAt(field, index);
    if (!state) return undefined;
    const route = field.routes?.[version];
    return {
      path: field.path,
      ...state,
      anchor: state.anchor ?? anchorOfPath(field.path),
      ...(route === undefined ? {} : {route: this.data.routes[route]}),
      ...this.historyAt(field, index),
    };
  }

  /** Every field of a release, in its own schema order where known, else in the data's. */
  fieldsOf(version: string): ReleaseFieldAt[] {
    this.indexOf(version);
    const order = this.orders.get(version);
    const fields = order ? order.map((path) => this.byPath.get(path)!) : this.data.fields;
    return fields.flatMap((field) => this.fieldAt(field, version) ?? []);
  }

  /** The documented releases that show a field, newest first, each with its route and the field's anchor there. */
  shownIn(field: ReleaseField): Array<{version: string; route: string; anchor: string}> {
    return this.data.documented.flatMap((version) => {
      const route = field.routes?.[version];
      const state = this.stateAt(field, this.indexOf(version));
      return route === undefined || !state ? [] : [{version, route: this.data.routes[route], anchor: state.anchor ?? anchorOfPath(field.path)}];
    });
  }

  /** The field whose anchor is `anchor` in some documented release (the anchor rule gives its path back, a clash suffix aside). */
  byAnchor(anchor: string): ReleaseField | undefined {
    const shows = (field: ReleaseField | undefined) => field !== undefined && this.shownIn(field).some((place) => place.anchor === anchor);
    const direct = this.byPath.get(formatPath(parseAnchor(anchor)));
    return shows(direct) ? direct : this.data.fields.find(shows);
  }

  /**
   * Where a path is found around a release that lacks it: the release that
   * added it after `version` (the start of the next run), the release that
   * removed it before (the end of the previous run plus one), and the
   * nearest documented release that shows it. Undefined when no release has it.
   */
  spanAround(path: string, version: string): {addedIn?: string; removedIn?: string; nearest?: {version: string; route: string; anchor: string}} | undefined {
    const field = this.byPath.get(path);
    if (!field) return undefined;
    const index = this.indexOf(version);
    if (this.stateAt(field, index)) return undefined;
    const {releases} = this.data;
    const before = [...field.runs].reverse().find(([, last]) => last < index);
    const after = field.runs.find(([first]) => first > index);
    const shown = this.shownIn(field);
    const distance = (candidate: string) => Math.abs(this.indexOf(candidate) - index);
    const nearest = [...shown].sort((a, b) => distance(a.version) - distance(b.version))[0];
    return {
      ...(after ? {addedIn: releases[after[0]]} : {}),
      ...(before ? {removedIn: releases[before[1] + 1]} : {}),
      ...(nearest ? {nearest} : {}),
    };
  }
}

/** One change of one field between two releases, with the releases that made it. */
export interface FieldChange {
  path: string;
  /** The field in the older and the newer release (absent where that release lacks it). */
  before?: ReleaseFieldAt;
  after?: ReleaseFieldAt;
  /** The releases after the older one that made the change, oldest first. */
  madeIn: string[];
}

export interface ReleaseDiff {
  from: string;
  to: string;
  /** The releases the diff spans: after `from`, up to and including `to`. */
  steps: string[];
  added: FieldChange[];
  removed: FieldChange[];
  typeChanged: FieldChange[];
  defaultChanged: FieldChange[];
  /** Fields in both that the newer release marks deprecated and the older did not. */
  deprecated: FieldChange[];
}

/**
 * What changed between two releases, field by field, each change attributed
 * to the releases between them that made it: added and deprecated where the
 * current form starts, removed where the field stops, a type or default at
 * each release where it differs from the one before. Lists follow the newer
 * release's field order (removed: the older's).
 */
export function diffReleases(releases: Releases, from: string, to: string): ReleaseDiff {
  const [start, end] = [releases.indexOf(from), releases.indexOf(to)];
  if (end <= start) throw new Error(`what changed: ${to} is not later than ${from}`);
  const names = releases.data.releases;
  const diff: ReleaseDiff = {from, to, steps: names.slice(start + 1, end + 1), added: [], removed: [], typeChanged: [], defaultChanged: [], deprecated: []};
  // Each step where a value differs from the step before, among the releases of the range that have the field.
  const changedAt = (field: ReleaseField, differs: (a: FieldState, b: FieldState) => boolean): string[] => {
    const made: string[] = [];
    let previous = releases.stateAt(field, start);
    for (let i = start + 1; i <= end; i++) {
      const state = releases.stateAt(field, i);
      if (!state) continue;
      if (previous && previous !== state && differs(previous, state)) made.push(names[i]);
      previous = state;
    }
    return made;
  };
  for (const field of releases.data.fields) {
    const [before, after] = [releases.fieldAt(field, from), releases.fieldAt(field, to)];
    if (!before && !after) continue;
    if (!before) {
      diff.added.push({path: field.path, after, madeIn: [names[releases.spanAt(field, end)![0]]]});
      continue;
    }
    if (!after) {
      diff.removed.push({path: field.path, before, madeIn: [names[releases.spanAt(field, start)![1] + 1]]});
      continue;
    }
    if (before.type !== after.type) diff.typeChanged.push({path: field.path, before, after, madeIn: changedAt(field, (a, b) => a.type !== b.type)});
    if (!sameDefault(before.default, after.default)) diff.defaultChanged.push({path: field.path, before, after, madeIn: changedAt(field, (a, b) => !sameDefault(a.default, b.default))});
    if (after.deprecated && !before.deprecated) {
      let first = end;
      while (first - 1 > start && releases.stateAt(field, first - 1)?.deprecated) first--;
      diff.deprecated.push({path: field.path, before, after, madeIn: [names[first]]});
    }
  }
  // The newer release's order; removed fields in the older one's.
  const order = (version: string) => new Map(releases.fieldsOf(version).map((field, i) => [field.path, i]));
  const [newer, older] = [order(to), order(from)];
  const byOrder = (positions: Map<string, number>) => (a: FieldChange, b: FieldChange) => positions.get(a.path)! - positions.get(b.path)!;
  for (const list of [diff.added, diff.typeChanged, diff.defaultChanged, diff.deprecated]) list.sort(byOrder(newer));
  diff.removed.sort(byOrder(older));
  return diff;
}
