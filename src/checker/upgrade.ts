/**
 * The upgrade check: what a file meets when it moves from one release to a
 * later one. Keys it sets that the target removes or retypes, and defaults
 * it relies on (keys it does not set) that change on the way, each with the
 * release that made the change (src/reference/releases.ts `diffReleases`)
 * and the documented release whose what-changed page lists it.
 */
import {formatInstancePath, parsePath} from '../reference/configPath';
import {changeEntryId} from '../reference/urls';
import {diffReleases, listedOn, type FieldChange} from '../reference/releases';
import {parseConfig, type ParsedConfig} from '../reference/validateConfig';
import {fieldLink, type FieldLink} from './findings';
import {lineColumns, type LineColumn} from './positions';
import {isLiteralPath, type CheckerRelease} from './release';
import {setKeys, type SetKey} from './setKeys';

export interface RemovedKey extends LineColumn {
  path: string;
  /** The first release without it (a history-only release included). */
  removedIn: string;
  /** The documented release whose what-changed page lists the removal, if one does. */
  listedIn?: string;
  /** The id of its entry on that page (urls.ts `changeEntryId`). */
  entry: string;
  field?: FieldLink;
}

export interface RetypedKey extends LineColumn {
  path: string;
  fromType: string;
  toType: string;
  /** The releases that changed the type. */
  madeIn: string[];
  listedIn?: string;
  entry: string;
  field?: FieldLink;
}

export interface ChangedDefault {
  path: string;
  fromYaml?: string;
  toYaml?: string;
  /** Each release on the way whose default differs from the one before. */
  madeIn: string[];
  /** The documented releases whose what-changed pages list those changes. */
  listedIn: string[];
  entry: string;
  field?: FieldLink;
}

export interface UpgradeReport {
  from: string;
  to: string;
  removed: RemovedKey[];
  retyped: RetypedKey[];
  defaults: ChangedDefault[];
}

type Found = {path: string; inside: boolean} | undefined;

function lookup(release: CheckerRelease, path: string): Found {
  const resolution = release.resolver.resolve(path);
  return resolution.found ? {path: resolution.record.path, inside: resolution.inside} : undefined;
}

const isPlainMap = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

const listed = (from: CheckerRelease, madeIn: readonly string[]): string[] => [...new Set(madeIn.flatMap((release) => listedOn(from.line.data, release) ?? []))];

/**
 * The upgrade of `text` from `from` to `to` (two releases of the same line).
 * Undefined when the text is not valid YAML or `to` is not later than `from`.
 * `parsed` and `known` are the text already parsed and its keys, when the
 * caller has them.
 */
export function upgradeCheck(text: string, from: CheckerRelease, to: CheckerRelease, parsed: ParsedConfig = parseConfig(text), known?: readonly SetKey[]): UpgradeReport | undefined {
  const {line} = from;
  if (!line.has(to.version) || line.indexOf(to.version) <= line.indexOf(from.version)) return undefined;
  if (parsed.problems.length || !parsed.doc) return undefined;
  const diff = diffReleases(line, from.version, to.version);
  const byPath = (changes: readonly FieldChange[]) => new Map(changes.map((change) => [change.path, change]));
  const [removed, retyped, defaults] = [byPath(diff.removed), byPath(diff.typeChanged), diff.defaultChanged];
  const at = lineColumns(text);
  const keys = known ?? setKeys(parsed.doc, parsed.data);
  const report: UpgradeReport = {from: from.version, to: to.version, removed: [], retyped: [], defaults: []};

  // Keys reported as removed: the keys below one are not listed again.
  const reported = new Set<string>();
  const below = (key: SetKey): boolean => key.keys.some((_, i) => reported.has(formatInstancePath(key.keys.slice(0, i + 1))));
  for (const key of keys) {
    const before = lookup(from, key.path);
    if (!before || (reported.size > 0 && below(key))) continue;
    const position = at(key.keyRange[0]);
    const gone = removed.get(before.path);
    if (gone) {
      reported.add(key.path);
      const link = fieldLink(from.version, gone.before);
      const listedIn = listedOn(line.data, gone.madeIn[0]);
      report.removed.push({path: key.path, ...position, removedIn: gone.madeIn[0], ...(listedIn ? {listedIn} : {}), entry: changeEntryId('removed', gone.before!.anchor), ...(link ? {field: link} : {})});
      continue;
    }
    const change = retyped.get(before.path);
    if (!change || before.inside || lookup(to, key.path)?.inside) continue;
    const link = fieldLink(to.version, change.after);
    const [listedIn] = listed(from, change.madeIn);
    report.retyped.push({
      path: key.path,
      ...position,
      fromType: change.before!.type,
      toType: change.after!.type,
      madeIn: change.madeIn,
      ...(listedIn ? {listedIn} : {}),
      entry: changeEntryId('retyped', change.after!.anchor),
      ...(link ? {field: link} : {}),
    });
  }

  // Defaults apply to every key the file leaves out, unless a key above it is set to something other than a map.
  const set = new Map(keys.filter((key) => key.keys.every((part) => typeof part === 'string')).map((key) => [key.path, key.value]));
  const coveredBySet = (path: string): boolean => {
    const parts = parsePath(path).flatMap((segment) => (segment.kind === 'property' ? [segment.key] : []));
    return parts.some((_, i) => {
      const prefix = formatInstancePath(parts.slice(0, i + 1));
      return set.has(prefix) && (i === parts.length - 1 || !isPlainMap(set.get(prefix)));
    });
  };
  for (const change of defaults) {
    const {before, after} = change;
    if (before?.default === undefined || !isLiteralPath(change.path) || coveredBySet(change.path)) continue;
    const link = fieldLink(to.version, after);
    report.defaults.push({
      path: change.path,
      ...(before.defaultYaml === undefined ? {} : {fromYaml: before.defaultYaml}),
      ...(after!.defaultYaml === undefined ? {} : {toYaml: after!.defaultYaml}),
      madeIn: change.madeIn,
      listedIn: listed(from, change.madeIn),
      entry: changeEntryId('default', after!.anchor),
      ...(link ? {field: link} : {}),
    });
  }
  return report;
}
