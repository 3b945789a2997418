/**
 * Checks a `vcluster.yaml` text against one release: invalid YAML, the
 * schema's problems placed on their YAML node (reference/validateConfig.ts),
 * unknown keys with "did you mean", keys of another release of the line,
 * deprecated fields (rejected ones as errors), Pro fields and values equal
 * to the default.
 */
import {stringify, type Document} from 'yaml';
import {formatInstancePath} from '../reference/configPath';
import {proConditions} from '../reference/facts';
import type {PublishedField} from '../reference/published';
import {closeKeys, joinPath} from '../reference/resolvePath';
import {parseConfig, schemaProblems, type ConfigProblem} from '../reference/validateConfig';
import {defaultAt, defaultEqualField, shortYaml} from './defaults';
import {SEVERITY_OF, byPosition, fieldLink, type FieldLink, type Finding, type FindingKind} from './findings';
import {lineColumns} from './positions';
import {releaseSpan} from './releaseSpan';
import type {CheckerRelease} from './release';
import {setKeys, startsWith, type SetKey} from './setKeys';

export interface CheckResult {
  findings: Finding[];
  /** The parsed file, when it is valid YAML. */
  doc?: Document;
  data?: unknown;
  keys: SetKey[];
}

/** The yaml package's syntax errors that have plainer words for a `vcluster.yaml`. */
const YAML_WORDS: Record<string, string> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document (a `---` line between them); a vcluster.yaml is one document',
  DUPLICATE_KEY: 'this key is set twice in the same map; keep one',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML indents with spaces',
};

const UNKNOWN_KEY_KEYWORDS = new Set(['additionalProperties', 'unevaluatedProperties']);

interface Context {
  release: CheckerRelease;
  at: ReturnType<typeof lineColumns>;
}

function finding(context: Context, kind: FindingKind, from: number, to: number, message: string, extra: Partial<Finding> = {}): Finding {
  return {kind, severity: SEVERITY_OF[kind], from, to: Math.max(from, to), ...context.at(from), message, ...extra};
}

const code = (text: string): string => `\`${text}\``;

function linkIn(release: CheckerRelease, field: PublishedField | undefined): Partial<Finding> {
  const link = fieldLink(release.version, field);
  return link ? {link} : {};
}

/** The field the instance path names in a release, or the deepest one above it. */
function nearestField(release: CheckerRelease, path: string): PublishedField | undefined {
  const resolution = release.resolver.resolve(path);
  return resolution.found ? resolution.record : resolution.prefix;
}

function unknownKey(context: Context, problem: ConfigProblem): Finding {
  const path = formatInstancePath(problem.keys);
  const key = String(problem.keys.at(-1));
  const parentPath = problem.keys.length > 1 ? formatInstancePath(problem.keys.slice(0, -1)) : undefined;
  const span = releaseSpan(path, context.release);
  const version = context.release.version;
  if (span) {
    const when = [span.addedIn && `added in ${span.addedIn}`, span.removedIn && `removed in ${span.removedIn}`].filter(Boolean).join(' and ');
    return finding(context, 'release mismatch', problem.offset, problem.end, `${code(path)} is not in ${version}: it was ${when}.`, {path, ...(span.link ? {link: span.link} : {})});
  }
  const resolution = context.release.resolver.resolve(path);
  const suggestions: FieldLink[] = [];
  if (!resolution.found) {
    for (const close of closeKeys(key, resolution.siblings.filter((sibling) => sibling !== '[]' && sibling !== '*'))) {
      const link = fieldLink(version, context.release.byPath.get(joinPath(resolution.prefix?.path, close)));
      if (link) suggestions.push(link);
    }
  }
  const where = parentPath ? ` under ${code(parentPath)}` : ' at the top level';
  const guess = suggestions.length ? ` Did you mean ${suggestions.map((link) => code(link.path)).join(' or ')}?` : '';
  return finding(context, 'unknown key', problem.offset, problem.end, `${code(key)} is not a key of vcluster.yaml ${version}${where}.${guess}`, {
    path,
    ...linkIn(context.release, parentPath ? nearestField(context.release, parentPath) : undefined),
    ...(suggestions.length ? {suggestions} : {}),
  });
}

/** Schema problems: unknown keys on their own, the rest merged per place (a value that fails every branch of an `anyOf` is one finding). */
function schemaFindings(context: Context, problems: readonly ConfigProblem[]): Finding[] {
  const findings: Finding[] = [];
  const merged = new Map<string, Finding>();
  for (const problem of problems) {
    if (UNKNOWN_KEY_KEYWORDS.has(problem.keyword)) {
      findings.push(unknownKey(context, problem));
      continue;
    }
    const path = formatInstancePath(problem.keys);
    const identity = `${problem.offset}\0${path}`;
    const same = merged.get(identity);
    if (same) {
      if (!same.message.includes(problem.detail)) same.message = `${same.message.replace(/\.$/u, '')}; or ${problem.detail}.`;
      continue;
    }
    const made = finding(context, 'schema', problem.offset, problem.end, `${code(path)} ${problem.detail}.`, {path, ...linkIn(context.release, nearestField(context.release, path))});
    merged.set(identity, made);
    findings.push(made);
  }
  return findings;
}

/** Whether a set key changes anything: its value differs from the default, or (a map without a default) one of its keys does. */
function changesSomething(release: CheckerRelease, key: SetKey, children: ReadonlyMap<string, SetKey[]>): boolean {
  if (defaultEqualField(release, key.keys, key.value)) return false;
  const field = release.byPath.get(key.path);
  const isPlainMap = key.value !== null && typeof key.value === 'object' && !Array.isArray(key.value);
  if (field?.default !== undefined || !isPlainMap) return true;
  return (children.get(key.path) ?? []).some((child) => changesSomething(release, child, children));
}

/** A note on a value equal to its default (an entry of a default map included: it may sit inside a free-form field). */
function defaultFinding(context: Context, key: SetKey): Finding[] {
  const {release} = context;
  const field = defaultEqualField(release, key.keys, key.value);
  if (!field) return [];
  const shown = field.path === key.path ? field.defaultYaml : stringify(defaultAt(release, key.keys)?.value);
  const message = `${code(key.path)} is set to its default in ${release.version} (${code(shortYaml(shown))}); you can remove it.`;
  return [finding(context, 'default value', key.range[0], key.range[1], message, {path: key.path, ...linkIn(release, field)})];
}

function fieldFindings(context: Context, keys: readonly SetKey[]): Finding[] {
  const {release} = context;
  const findings: Finding[] = [];
  const children = new Map<string, SetKey[]>();
  for (const key of keys) {
    if (key.keys.length < 2) continue;
    const parent = formatInstancePath(key.keys.slice(0, -1));
    children.set(parent, [...(children.get(parent) ?? []), key]);
  }
  const proShown: Array<{keys: SetKey['keys']; when: string}> = [];
  for (const key of keys) {
    findings.push(...defaultFinding(context, key));
    const resolution = release.resolver.resolve(key.path);
    if (!resolution.found || resolution.inside) continue;
    const field = resolution.record;
    const [from, to] = key.keyRange;
    const link = linkIn(release, field);
    if (field.deprecated) {
      const {replacement} = field;
      const since = field.deprecatedIn ? ` since ${field.deprecatedIn}` : '';
      const instead = replacement ? ` Use ${code(replacement)} instead.` : ' Remove it.';
      const suggestion = replacement ? fieldLink(release.version, release.byPath.get(replacement)) : undefined;
      const message = field.rejected ? `${code(key.path)} is deprecated${since}, and ${release.version} rejects a value set here.${instead}` : `${code(key.path)} is deprecated${since}.${instead}`;
      findings.push(finding(context, field.rejected ? 'rejected' : 'deprecated', from, to, message, {path: key.path, ...link, ...(suggestion ? {suggestions: [suggestion]} : {})}));
    }
    const changes = changesSomething(release, key, children);
    // The published data says whether a field is Pro (schema or fact) and, for a fact's condition, when.
    const when = (field.proWhen ?? (field.pro ? [] : proConditions(false, field.facts).when)).join(' or ');
    const isPro = field.pro === true || proConditions(false, field.facts).pro;
    if (isPro && changes && !proShown.some((shown) => shown.when === when && startsWith(key.keys, shown.keys))) {
      proShown.push({keys: key.keys, when});
      findings.push(finding(context, 'pro', from, to, `${code(key.path)} needs vCluster Pro${when ? ` ${when}` : ''}.`, {path: key.path, ...link}));
    }
    if (changes) {
      for (const fact of field.facts ?? []) {
        if (fact.kind === 'requires' && fact.text) findings.push(finding(context, 'requires', from, to, `${code(key.path)} requires: ${fact.text}`, {path: key.path, ...link}));
      }
    }
  }
  return findings;
}

/** Checks `text` against `release` (which must have its schema compiled); keys only other releases have are found in the release data of the whole line. */
export function checkConfig(text: string, release: CheckerRelease): CheckResult {
  if (!release.validate) throw new Error(`checkConfig: the schema of ${release.version} is not compiled`);
  const context: Context = {release, at: lineColumns(text)};
  const parsed = parseConfig(text);
  if (parsed.problems.length || !parsed.doc) {
    const findings = parsed.problems.map((problem) => finding(context, 'invalid YAML', problem.offset, problem.end, `Invalid YAML: ${(problem.code && YAML_WORDS[problem.code]) ?? problem.detail}.`));
    return {findings: findings.sort(byPosition), keys: []};
  }
  const keys = setKeys(parsed.doc, parsed.data);
  const findings = [...schemaFindings(context, schemaProblems(parsed.doc, parsed.data, release.validate)), ...fieldFindings(context, keys)];
  return {findings: findings.sort(byPosition), doc: parsed.doc, data: parsed.data, keys};
}
