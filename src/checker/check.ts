/**
 * Checks a `vcluster.yaml` text against one release: invalid YAML and the
 * reading limits (reference/validateConfig.ts), the schema's problems placed
 * on their YAML node, unknown keys with "did you mean", keys of another
 * release of the line, the rules vCluster and its chart enforce across
 * fields (./rules), deprecated fields (rejected ones as errors), Pro fields
 * and requirements under the conditions the file decides, and values equal
 * to the default when the file fits the release. Linear in the text.
 */
import {stringify, type Document} from 'yaml';
import {formatInstancePath} from '../reference/configPath';
import {proConditions} from '../reference/facts';
import type {PublishedField} from '../reference/published';
import {closeKeys, joinPath} from '../reference/resolvePath';
import {CONFIG_LIMITS, LIMIT_CODES, parseConfig, schemaProblems, type ConfigProblem, type ParsedConfig} from '../reference/validateConfig';
import {defaultAt, defaultEqualField, shortYaml} from './defaults';
import {SEVERITY_OF, byPosition, fieldLink, type FieldLink, type Finding, type FindingKind} from './findings';
import {releaseFit, type ReleaseFit} from './fit';
import {code} from './inlineCode';
import {lineColumns} from './positions';
import {releaseSpan} from './releaseSpan';
import type {CheckerRelease} from './release';
import {rulesFor, runRules, type Keys, type RuleViolation} from './rules';
import {setKeys, type SetKey} from './setKeys';

export interface CheckResult {
  findings: Finding[];
  /** The parsed file, when it is valid YAML within the limits. */
  doc?: Document;
  data?: unknown;
  keys: SetKey[];
  /** The file sets nothing (empty, or comments only): there is nothing to call valid. */
  empty: boolean;
  /** What was checked: the keys the file sets and the release's cross-field rules; absent when the YAML could not be read. */
  checked?: {keys: number; rules: number};
  /** Which releases the file's keys fit; default-based advice is given only when it fits the chosen one. */
  fit?: ReleaseFit;
}

/** The yaml package's syntax errors, and the reading limits, in plainer words for a `vcluster.yaml`. */
const YAML_WORDS: Record<string, string> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document (a `---` line between them); a vcluster.yaml is one document',
  DUPLICATE_KEY: 'this key is set twice in the same map; keep one',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML indents with spaces',
  RESOURCE_EXHAUSTION: `the YAML reader ran out of room here: the file nests too deep (the checker reads ${CONFIG_LIMITS.maxDepth} levels)`,
};

/** Limit problems are findings of their own kind: the file may be fine YAML, only past what the checker reads. */
const LIMITS = new Set(LIMIT_CODES);

const UNKNOWN_KEY_KEYWORDS = new Set(['additionalProperties', 'unevaluatedProperties']);

interface Context {
  release: CheckerRelease;
  at: ReturnType<typeof lineColumns>;
}

function finding(context: Context, kind: FindingKind, from: number, to: number, message: string, extra: Partial<Finding> = {}): Finding {
  return {kind, severity: SEVERITY_OF[kind], from, to: Math.max(from, to), ...context.at(from), message, ...extra};
}

function linkIn(release: CheckerRelease, field: PublishedField | undefined): Partial<Finding> {
  const link = fieldLink(release.version, field);
  return link ? {link} : {};
}

/** The field the instance path names in a release, or the deepest one above it. */
function nearestField(release: CheckerRelease, path: string): PublishedField | undefined {
  const resolution = release.resolver.resolve(path);
  return resolution.found ? resolution.record : resolution.prefix;
}

/** Fields below `prefix` whose last key is close to `key`, deepest level first searched last: `statefulSet` under `etcd` finds `etcd.deploy.statefulSet`. */
function descendantsNamed(release: CheckerRelease, prefix: string | undefined, key: string, cache: Map<string, Map<string, PublishedField[]>>): PublishedField[] {
  const scope = prefix ?? '';
  let byLastKey = cache.get(scope);
  if (!byLastKey) {
    byLastKey = new Map();
    for (const field of release.fields) {
      if (prefix !== undefined && !field.path.startsWith(`${prefix}.`)) continue;
      const last = field.path.slice(field.path.lastIndexOf('.') + 1);
      if (!/^[A-Za-z0-9_-]+$/u.test(last)) continue;
      const named = byLastKey.get(last);
      if (named) named.push(field);
      else byLastKey.set(last, [field]);
    }
    cache.set(scope, byLastKey);
  }
  return closeKeys(key, [...byLastKey.keys()]).flatMap((close) => byLastKey.get(close) ?? []).slice(0, 3);
}

function unknownKey(context: Context, problem: ConfigProblem, cache: Map<string, Map<string, PublishedField[]>>): Finding {
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
    // No sibling is close: the key may belong a level or more further down.
    if (!suggestions.length) {
      for (const field of descendantsNamed(context.release, resolution.prefix?.path, key, cache)) {
        const link = fieldLink(version, field);
        if (link) suggestions.push(link);
      }
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
  const merged = new Map<string, {finding: Finding; details: Set<string>}>();
  const cache = new Map<string, Map<string, PublishedField[]>>();
  for (const problem of problems) {
    if (UNKNOWN_KEY_KEYWORDS.has(problem.keyword)) {
      findings.push(unknownKey(context, problem, cache));
      continue;
    }
    const path = formatInstancePath(problem.keys);
    const identity = `${problem.offset}\0${path}`;
    const same = merged.get(identity);
    if (same) {
      if (!same.details.has(problem.detail)) {
        same.details.add(problem.detail);
        same.finding.message = `${same.finding.message.replace(/\.$/u, '')}; or ${problem.detail}.`;
      }
      continue;
    }
    const made = finding(context, 'schema', problem.offset, problem.end, `${code(path)} ${problem.detail}.`, {path, ...linkIn(context.release, nearestField(context.release, path))});
    merged.set(identity, {finding: made, details: new Set([problem.detail])});
    findings.push(made);
  }
  return findings;
}

/** Where a rule's finding is shown: its key if the file sets it, else the nearest set ancestor, else a related key the file sets, else the top. */
function placeOf(byPath: ReadonlyMap<string, SetKey>, violation: RuleViolation): {key?: SetKey; path: string} {
  const lookup = (keys: Keys): SetKey | undefined => {
    for (let length = keys.length; length > 0; length--) {
      const key = byPath.get(formatInstancePath(keys.slice(0, length)));
      if (key) return key;
    }
    return undefined;
  };
  const exact = byPath.get(formatInstancePath(violation.at));
  if (exact) return {key: exact, path: exact.path};
  const candidates = [violation.at, ...(violation.related ?? [])];
  for (const keys of candidates) {
    const key = byPath.get(formatInstancePath(keys));
    if (key) return {key, path: formatInstancePath(violation.at)};
  }
  const above = lookup(violation.at);
  return {...(above ? {key: above} : {}), path: formatInstancePath(violation.at)};
}

const RULE_FINDING: Record<RuleViolation['rule']['kind'], {kind: FindingKind; severity: Finding['severity']}> = {
  refused: {kind: 'rule', severity: 'error'},
  requires: {kind: 'requires', severity: 'warning'},
  pro: {kind: 'pro', severity: 'note'},
};

function ruleFindings(context: Context, violations: readonly RuleViolation[], keys: readonly SetKey[]): Finding[] {
  const byPath = new Map<string, SetKey>();
  for (const key of keys) if (!byPath.has(key.path)) byPath.set(key.path, key);
  return violations.map((violation) => {
    const {key, path} = placeOf(byPath, violation);
    const [from, to] = key?.keyRange ?? [0, 0];
    const {kind, severity} = RULE_FINDING[violation.rule.kind];
    return finding(context, kind, from, to, violation.message, {
      severity,
      path,
      rule: {id: violation.rule.id, source: violation.rule.source},
      ...linkIn(context.release, nearestField(context.release, path)),
    });
  });
}

/** Whether a set key changes anything: its value differs from the default, or (a map without a default) one of its keys does. */
function changesSomething(release: CheckerRelease, key: SetKey, children: ReadonlyMap<string, SetKey[]>, memo: Map<SetKey, boolean>): boolean {
  const known = memo.get(key);
  if (known !== undefined) return known;
  let changes: boolean;
  if (defaultEqualField(release, key.keys, key.value)) changes = false;
  else {
    const field = release.byPath.get(key.path);
    const isPlainMap = key.value !== null && typeof key.value === 'object' && !Array.isArray(key.value);
    changes = field?.default !== undefined || !isPlainMap || (children.get(key.path) ?? []).some((child) => changesSomething(release, child, children, memo));
  }
  memo.set(key, changes);
  return changes;
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

/** Whether the field's Pro condition is decided by rules that read the file (every `pro` fact names one, and the schema does not mark it Pro outright). */
function proByRules(field: PublishedField): boolean {
  const facts = (field.facts ?? []).filter((fact) => fact.kind === 'pro');
  return Boolean(field.proWhen?.length) && facts.length > 0 && facts.every((fact) => fact.rule !== undefined);
}

function fieldFindings(context: Context, keys: readonly SetKey[], advise: boolean): Finding[] {
  const {release} = context;
  const findings: Finding[] = [];
  const children = new Map<string, SetKey[]>();
  for (const key of keys) {
    if (!key.parent) continue;
    const siblings = children.get(key.parent);
    if (siblings) siblings.push(key);
    else children.set(key.parent, [key]);
  }
  // Keys inside a free-form value are no fields: found once for the value, not looked up per key.
  const freeForm = new Set<string>();
  const memo = new Map<SetKey, boolean>();
  // Pro notes already shown, by condition: the paths they were shown on, so the Pro fields inside one are not listed again.
  const proShown = new Map<string, Set<string>>();
  const shownAbove = (key: SetKey, when: string): boolean => {
    const shown = proShown.get(when);
    if (!shown) return false;
    for (let length = key.keys.length; length > 0; length--) if (shown.has(formatInstancePath(key.keys.slice(0, length)))) return true;
    return false;
  };
  for (const key of keys) {
    if (advise) findings.push(...defaultFinding(context, key));
    if (freeForm.has(key.parent)) {
      freeForm.add(key.path);
      continue;
    }
    const resolution = release.resolver.resolveKeys(key.keys);
    if (!resolution.found || resolution.inside) {
      if (resolution.found) freeForm.add(key.path);
      continue;
    }
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
    const isPro = field.pro === true || proConditions(false, field.facts).pro;
    const facts = field.facts ?? [];
    const hasRequirement = facts.some((fact) => fact.kind === 'requires' && fact.text && !fact.rule);
    if ((!isPro || proByRules(field)) && !hasRequirement) continue;
    if (!changesSomething(release, key, children, memo)) continue;
    // The published data says whether a field is Pro (schema or fact) and, for a fact's condition, when.
    const when = (field.proWhen ?? (field.pro ? [] : proConditions(false, field.facts).when)).join(' or ');
    if (isPro && !proByRules(field) && !shownAbove(key, when)) {
      const shown = proShown.get(when) ?? new Set<string>();
      shown.add(key.path);
      proShown.set(when, shown);
      findings.push(finding(context, 'pro', from, to, `${code(key.path)} needs vCluster Pro${when ? ` ${when}` : ''}.`, {path: key.path, ...link}));
    }
    for (const fact of facts) {
      // A requirement a rule reads from the file is that rule's finding, shown only when the file misses it.
      if (fact.kind === 'requires' && fact.text && !fact.rule) findings.push(finding(context, 'requires', from, to, `${code(key.path)} requires: ${fact.text}`, {path: key.path, ...link}));
    }
  }
  return findings;
}

function problemFinding(context: Context, problem: ConfigProblem): Finding {
  const words = (problem.code && YAML_WORDS[problem.code]) ?? problem.detail;
  if (problem.code && LIMITS.has(problem.code)) return finding(context, 'limit', problem.offset, problem.end, `Not read further: ${words}.`);
  return finding(context, 'invalid YAML', problem.offset, problem.end, `Invalid YAML: ${words}.`);
}

/**
 * Checks `text` against `release` (which must have its schema compiled); keys
 * only other releases have are found in the release data of the whole line.
 * `parsed` is the text already parsed, when the caller has it.
 */
export function checkConfig(text: string, release: CheckerRelease, parsed: ParsedConfig = parseConfig(text)): CheckResult {
  if (!release.validate) throw new Error(`checkConfig: the schema of ${release.version} is not compiled`);
  const context: Context = {release, at: lineColumns(text)};
  if (parsed.problems.length || !parsed.doc) {
    return {findings: parsed.problems.map((problem) => problemFinding(context, problem)).sort(byPosition), keys: [], empty: false};
  }
  if (parsed.empty) return {findings: [], doc: parsed.doc, data: parsed.data, keys: [], empty: true, checked: {keys: 0, rules: 0}};
  const keys = setKeys(parsed.doc, parsed.data);
  const fit = releaseFit(keys, release);
  const rules = rulesFor(release.version);
  const findings = [
    ...schemaFindings(context, schemaProblems(parsed.doc, parsed.data, release.validate)),
    ...ruleFindings(context, runRules(release.version, parsed.data, release.byPath, rules), keys),
    ...fieldFindings(context, keys, fit.fits),
  ];
  return {findings: findings.sort(byPosition), doc: parsed.doc, data: parsed.data, keys, empty: false, checked: {keys: keys.length, rules: rules.length}, fit};
}
