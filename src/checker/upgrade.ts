/**
 * The upgrade check: what a file meets when it moves from one documented
 * release to a later one. Keys it sets that the target removes or retypes,
 * and defaults it relies on (keys it does not set) that change on the way,
 * each with the release whose what-changed page lists the change.
 */
import {formatInstancePath, parsePath} from '../reference/configPath';
import {sameDefault} from '../reference/history';
import {changeEntryId} from '../reference/urls';
import type {PublishedField} from '../reference/published';
import {parseConfig} from '../reference/validateConfig';
import {fieldLink, type FieldLink} from './findings';
import {lineColumns, type LineColumn} from './positions';
import {isLiteralPath, oldestFirst, type CheckerRelease} from './release';
import {setKeys, startsWith, type SetKey} from './setKeys';

export interface RemovedKey extends LineColumn {
  path: string;
  /** The first release without it (a history-only release when the field history names one). */
  removedIn: string;
  /** The documented release whose what-changed page lists the removal. */
  listedIn: string;
  /** The id of its entry on that page (urls.ts `changeEntryId`). */
  entry: string;
  field?: FieldLink;
}

export interface RetypedKey extends LineColumn {
  path: string;
  fromType: string;
  toType: string;
  listedIn: string;
  entry: string;
  field?: FieldLink;
}

export interface ChangedDefault {
  path: string;
  fromYaml?: string;
  toYaml?: string;
  /** Each documented release on the way whose default differs from the one before. */
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

type Found = {field: PublishedField; inside: boolean} | undefined;

function lookup(release: CheckerRelease, path: string): Found {
  const resolution = release.resolver.resolve(path);
  return resolution.found ? {field: resolution.record, inside: resolution.inside} : undefined;
}

const isPlainMap = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The upgrade of `text` from `from` to `to`; `releases` are the documented
 * releases loaded (every one between the two is needed). Undefined when the
 * text is not valid YAML or `to` is not later than `from`.
 */
export function upgradeCheck(text: string, from: CheckerRelease, to: CheckerRelease, releases: readonly CheckerRelease[]): UpgradeReport | undefined {
  const ordered = oldestFirst([from, to, ...releases.filter((release) => release.version !== from.version && release.version !== to.version)], from.data.documented);
  const start = ordered.indexOf(from);
  const end = ordered.indexOf(to);
  if (start < 0 || end <= start) return undefined;
  const steps = ordered.slice(start, end + 1);
  const parsed = parseConfig(text);
  if (parsed.problems.length || !parsed.doc) return undefined;
  const at = lineColumns(text);
  const keys = setKeys(parsed.doc, parsed.data);
  const report: UpgradeReport = {from: from.version, to: to.version, removed: [], retyped: [], defaults: []};

  const reported: SetKey['keys'][] = [];
  for (const key of keys) {
    const before = lookup(from, key.path);
    if (!before || reported.some((keysOf) => startsWith(key.keys, keysOf))) continue;
    const position = at(key.keyRange[0]);
    const firstWithout = steps.findIndex((step) => !lookup(step, key.path));
    if (firstWithout > 0) {
      reported.push(key.keys);
      const listedIn = steps[firstWithout].version;
      const link = fieldLink(from.version, before.field);
      report.removed.push({path: key.path, ...position, removedIn: before.field.removedIn ?? listedIn, listedIn, entry: changeEntryId('removed', before.field.anchor), ...(link ? {field: link} : {})});
      continue;
    }
    const after = lookup(to, key.path)!;
    if (before.inside || after.inside || before.field.type === after.field.type) continue;
    const changedAt = steps.findIndex((step, i) => i > 0 && lookup(step, key.path)!.field.type !== lookup(steps[i - 1], key.path)!.field.type);
    const link = fieldLink(to.version, after.field);
    report.retyped.push({path: key.path, ...position, fromType: before.field.type, toType: after.field.type, listedIn: steps[Math.max(changedAt, 1)].version, entry: changeEntryId('retyped', after.field.anchor), ...(link ? {field: link} : {})});
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
  for (const field of from.data.fields) {
    if (field.default === undefined || !isLiteralPath(field.path)) continue;
    const target = to.byPath.get(field.path);
    if (!target || sameDefault(field.default, target.default) || coveredBySet(field.path)) continue;
    const listedIn = steps.filter((step, i) => i > 0 && !sameDefault(step.byPath.get(field.path)?.default, steps[i - 1].byPath.get(field.path)?.default)).map((step) => step.version);
    const link = fieldLink(to.version, target);
    report.defaults.push({path: field.path, ...(field.defaultYaml === undefined ? {} : {fromYaml: field.defaultYaml}), ...(target.defaultYaml === undefined ? {} : {toYaml: target.defaultYaml}), listedIn, entry: changeEntryId('default', target.anchor), ...(link ? {field: link} : {})});
  }
  return report;
}
