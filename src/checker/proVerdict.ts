/**
 * "Does this file need vCluster Pro?": the release's Pro conditions
 * evaluated against a file. A field is Pro when the chart's schema marks it
 * (`"pro": true`), or when a curated `pro` fact of a documented release says
 * so (read from `config.IsProFeatureEnabled` at the tag), always or under
 * its condition. Each condition the facts word is evaluated here on the
 * file's values; one worded otherwise is listed as not evaluated, never
 * guessed. Browser-safe.
 */
import type {Document} from 'yaml';
import type {Fact} from '../reference/facts';
import type {PublishedField} from '../reference/published';
import {fieldLink, type FieldLink} from './findings';
import {runsK8sDistro} from './moves/transforms';
import {isOn, isPlainMap} from './moves/types';
import {lineColumns} from './positions';
import type {CheckerRelease} from './release';
import {setKeys, startsWith} from './setKeys';

export interface ProKey {
  /** The key as the file writes it. */
  path: string;
  line: number;
  column: number;
  /** Why it needs Pro, in words: the fact's condition, or the chart's mark. */
  condition: string;
  /** `schema`: the chart marks the field; `fact`: a curated fact of the release. */
  source: 'schema' | 'fact';
  link?: FieldLink;
}

export interface ProVerdict {
  release: string;
  needsPro: boolean;
  /** Each key that needs Pro, the top-most of a branch once. */
  keys: ProKey[];
  /** Keys whose Pro condition is worded in a way this check cannot evaluate: the reader reads them. */
  unevaluated: ProKey[];
  /** The release has curated facts (a documented release); without them only the chart's own marks count. */
  curated: boolean;
}

type Lookup = (keys: Array<string | number>) => unknown;

/** The conditions the facts files word, each as a test of the key's value and the file. */
const CONDITIONS: Array<{pattern: RegExp; holds: (value: unknown, lookup: Lookup) => boolean}> = [
  {pattern: /^with the k8s distro$/u, holds: (value, lookup) => isOn(value) && runsK8sDistro((keys) => lookup([...keys]))},
  {pattern: /^when any entry is set/u, holds: (value) => (Array.isArray(value) ? value.length > 0 : isPlainMap(value) && Object.keys(value).length > 0)},
  {pattern: /^when the key is present, even empty$/u, holds: (value) => value !== undefined && value !== null},
  {pattern: /^when the list isn't empty$/u, holds: (value) => Array.isArray(value) && value.length > 0},
  {pattern: /^outside standalone mode$/u, holds: (value, lookup) => isOn(value) && lookup(['controlPlane', 'standalone', 'enabled']) !== true},
];

function proFacts(field: PublishedField): Fact[] {
  return (field.facts ?? []).filter((fact) => fact.kind === 'pro');
}

/** The Pro verdict of a parsed file (`data` is its value) in `release`. */
export function proVerdict(text: string, doc: Document, data: unknown, release: CheckerRelease): ProVerdict {
  const at = lineColumns(text);
  const lookup: Lookup = (keys) => keys.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined), data);
  const verdict: ProVerdict = {release: release.version, needsPro: false, keys: [], unevaluated: [], curated: release.line.isDocumented(release.version)};
  const reported: Array<Array<string | number>> = [];
  for (const key of setKeys(doc, data)) {
    if (reported.some((keys) => startsWith(key.keys, keys))) continue;
    const resolution = release.resolver.resolve(key.path);
    if (!resolution.found || resolution.inside) continue;
    const field = resolution.record;
    const facts = proFacts(field);
    const schemaPro = field.pro === true && !facts.some((fact) => !fact.when) && !(field.proWhen?.length);
    const place = {path: key.path, ...at(key.keyRange[0]), ...(fieldLink(release.version, field) ? {link: fieldLink(release.version, field)} : {})};
    if (schemaPro || facts.some((fact) => !fact.when)) {
      if (!isOn(key.value)) continue;
      verdict.keys.push({...place, condition: schemaPro ? 'the chart marks it Pro' : 'always', source: schemaPro ? 'schema' : 'fact'});
      reported.push(key.keys);
      continue;
    }
    for (const fact of facts) {
      const condition = CONDITIONS.find((candidate) => candidate.pattern.test(fact.when!));
      if (!condition) {
        if (isOn(key.value)) verdict.unevaluated.push({...place, condition: fact.when!, source: 'fact'});
        continue;
      }
      if (!condition.holds(key.value, lookup)) continue;
      verdict.keys.push({...place, condition: fact.when!, source: 'fact'});
      reported.push(key.keys);
      break;
    }
  }
  verdict.needsPro = verdict.keys.length > 0;
  return verdict;
}
