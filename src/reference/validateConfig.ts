/**
 * Validating a `vcluster.yaml` text against a chart schema, with each problem
 * placed on the YAML node that causes it. Browser-safe: the build checks the
 * docs' examples with it, and the config checker checks a reader's file.
 * The caller compiles the schema (Ajv, draft 2020-12) and passes the validator.
 */
import type {ErrorObject, ValidateFunction} from 'ajv';
import {isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Alias, type Document, type Node, type Pair, type YAMLMap} from 'yaml';
import {CONFIG_LIMITS} from './configLimits';
import {formatInstancePath} from './configPath';

export interface ConfigProblem {
  /** Character offset in the YAML text where the problem is shown. */
  offset: number;
  /** Where the node (or the syntax error) shown ends, for an editor's range; at least `offset`. */
  end: number;
  /** The instance path at fault (keys and list indexes), the unknown key included. */
  keys: Array<string | number>;
  /** `invalid YAML` for a syntax error, else the schema keyword (`type`, `additionalProperties`…). */
  keyword: string;
  /** `controlPlane.distro.k8s.env[0].name: must be string, got number 1`. */
  message: string;
  /** The message without the path: what is wrong, in words. */
  detail: string;
  /** The yaml package's error code for a syntax error (`MULTIPLE_DOCS`, `DUPLICATE_KEY`…). */
  code?: string;
}

/** An ajv instancePath (`/a/b/0`) as keys, numbers where the data has an array. */
export function instanceKeys(instancePath: string, data: unknown): Array<string | number> {
  if (!instancePath) return [];
  const keys: Array<string | number> = [];
  let current: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/gu, '/').replace(/~0/gu, '~');
    if (Array.isArray(current) && /^\d+$/u.test(key)) {
      keys.push(Number(key));
      current = current[Number(key)];
    } else {
      keys.push(key);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return keys;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

/** What the schema expected, in words: ajv's message with its parameters. */
export function expectation(error: ErrorObject, value: unknown): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `must NOT have additional property '${String(params.additionalProperty)}' (unknown key)`;
    case 'unevaluatedProperties':
      return `must NOT have unevaluated property '${String(params.unevaluatedProperty)}' (unknown key)`;
    case 'required':
      return `must have required property '${String(params.missingProperty)}'`;
    case 'type':
      return `must be ${String(params.type)}, got ${describeValue(value)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((allowed) => JSON.stringify(allowed)).join(', ')}, got ${describeValue(value)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}, got ${describeValue(value)}`;
    default: {
      const extra = Object.entries(params)
        .filter(([, param]) => param !== undefined && typeof param !== 'object')
        .map(([name, param]) => `${name}: ${String(param)}`)
        .join(', ');
      return `${error.message ?? error.keyword}${extra ? ` (${extra})` : ''}`;
    }
  }
}

type Range = [start: number, end: number];

export {CONFIG_LIMITS} from './configLimits';

/** The codes of the limit problems (`ConfigProblem.code`): this module's, and the yaml package's own when it runs out of stack. */
export const LIMIT_CODES: readonly string[] = ['TOO_LARGE', 'TOO_DEEP', 'TOO_MANY_ALIASES', 'ALIAS_EXPANSION', 'RESOURCE_EXHAUSTION'];

/**
 * What one walk of a parsed document finds out, so that later lookups do not
 * walk it again: each alias's target (the last node before it with its
 * anchor, as the yaml package resolves it) and, on demand, each map's pairs
 * by key.
 */
export class YamlIndex {
  readonly aliasTargets = new Map<Alias, Node>();
  private readonly pairs = new WeakMap<YAMLMap, Map<string, Pair>>();

  /** The node an alias stands for, or the node itself. */
  resolve(node: unknown): unknown {
    return isAlias(node) ? this.aliasTargets.get(node) : node;
  }

  /** The pair of `map` whose scalar key is `key` (the last one, as toJS keeps it). */
  pair(map: YAMLMap, key: string): Pair | undefined {
    let byKey = this.pairs.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const item of map.items) if (isPair(item) && isScalar(item.key)) byKey.set(String(item.key.value), item);
      this.pairs.set(map, byKey);
    }
    return byKey.get(key);
  }

  /** The child of a map or list at `key`, aliases followed. */
  child(node: unknown, key: string | number): unknown {
    const collection = this.resolve(node);
    if (isMap(collection)) return typeof key === 'string' ? this.resolve(this.pair(collection, key)?.value) : undefined;
    if (isSeq(collection)) return typeof key === 'number' ? this.resolve(collection.items[key]) : undefined;
    return undefined;
  }
}

const indexes = new WeakMap<Document, YamlIndex>();

/** The index of a document, made by parseConfig or on first use. */
export function indexOf(doc: Document): YamlIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = walkDocument(doc).index;
    indexes.set(doc, index);
  }
  return index;
}

interface Walked {
  index: YamlIndex;
  problems: ConfigProblem[];
}

const problemAt = (node: {range?: readonly number[] | null} | undefined, code: string, detail: string): ConfigProblem => {
  const [offset, , end] = node?.range ?? [0, 0, 0];
  return {offset, end: Math.max(offset, end ?? offset), code, keys: [], keyword: 'invalid YAML', message: `invalid YAML: ${detail}`, detail};
};

/**
 * One walk of the document in its own order, without recursion: alias
 * targets, keys set twice in one map, nesting past the depth limit, and the
 * aliases past the limits (the yaml package's alias count mirrored, so the
 * problem names the alias where it goes over). Linear in the document.
 */
function walkDocument(doc: Document): Walked {
  const index = new YamlIndex();
  const problems: ConfigProblem[] = [];
  const anchors = new Map<string, Node>();
  const aliases: Alias[] = [];
  let tooDeep = false;
  const stack: Array<{node: unknown; depth: number}> = [{node: doc.contents, depth: 0}];
  while (stack.length) {
    const {node, depth} = stack.pop()!;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) index.aliasTargets.set(node, target);
      aliases.push(node);
      continue;
    }
    if (!isNode(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= CONFIG_LIMITS.maxDepth) {
      if (!tooDeep) problems.push(problemAt(node, 'TOO_DEEP', `maps and lists are nested more than ${CONFIG_LIMITS.maxDepth} levels deep here; the checker reads no deeper`));
      tooDeep = true;
      continue;
    }
    const children: unknown[] = [];
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (seen.has(key)) problems.push(problemAt(pair.key, 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(key);
        }
        children.push(pair.key, pair.value);
      }
    } else {
      children.push(...node.items);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({node: children[i], depth: depth + 1});
  }
  if (aliases.length > CONFIG_LIMITS.maxAliases) {
    problems.push(problemAt(aliases[CONFIG_LIMITS.maxAliases], 'TOO_MANY_ALIASES', `the file uses more than ${CONFIG_LIMITS.maxAliases} aliases; the checker reads no more`));
  } else if (!tooDeep) {
    const over = aliasPastLimit(index, aliases);
    if (over) {
      problems.push(
        problemAt(
          over,
          'ALIAS_EXPANSION',
          `the alias \`*${over.source}\` here takes the file past the limit of ${CONFIG_LIMITS.maxAliasCount} alias expansions, the YAML reader's guard against files that grow exponentially when read ("billion laughs")`,
        ),
      );
    }
  }
  return {index, problems};
}

/**
 * The first alias at which the yaml package's `toJS` would stop for
 * `maxAliasCount` (nodes/Alias.js: each anchor counts its uses, from 1, times
 * the most aliases met inside it, computed at its first use), in the order it
 * resolves them: the text's.
 */
function aliasPastLimit(index: YamlIndex, aliases: readonly Alias[]): Alias | undefined {
  const data = new Map<Node, {count: number; aliasCount: number}>();
  const dataOf = (node: Node) => {
    let found = data.get(node);
    if (!found) data.set(node, (found = {count: 1, aliasCount: 0}));
    return found;
  };
  // Depth is bounded by the walk's limit, so this recursion is too.
  const aliasCount = (node: unknown): number => {
    if (isAlias(node)) {
      const target = index.aliasTargets.get(node);
      const anchor = target && data.get(target);
      return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    if (isMap(node) || isSeq(node)) {
      let count = 0;
      for (const item of node.items as unknown[]) count = Math.max(count, aliasCount(item));
      return count;
    }
    if (isPair(node)) return Math.max(aliasCount(node.key), aliasCount(node.value));
    return 1;
  };
  for (const alias of aliases) {
    const target = index.aliasTargets.get(alias);
    if (!target) continue;
    const anchor = dataOf(target);
    anchor.count += 1;
    if (anchor.aliasCount === 0) anchor.aliasCount = aliasCount(target);
    if (anchor.count * anchor.aliasCount > CONFIG_LIMITS.maxAliasCount) return alias;
  }
  return undefined;
}

function keyOfPair(index: YamlIndex, parent: unknown, key: string | number): Range | undefined {
  if (!isMap(parent) || typeof key !== 'string') return undefined;
  const pair = index.pair(parent, key);
  return pair && isNode(pair.key) && pair.key.range ? [pair.key.range[0], pair.key.range[1]] : undefined;
}

/**
 * The range in the YAML text of the node at `keys` (of the key `lastKey` below
 * it when given), else of its nearest ancestor. A map or list value is shown
 * at its key, not at its first entry. Aliases are followed to their anchor.
 */
export function rangeOf(doc: Document, keys: ReadonlyArray<string | number>, lastKey?: string): Range | undefined {
  const index = indexOf(doc);
  // The nodes along the path, each looked up once.
  const nodes: unknown[] = [index.resolve(doc.contents)];
  for (const key of keys) nodes.push(nodes.at(-1) === undefined ? undefined : index.child(nodes.at(-1), key));
  if (lastKey !== undefined) {
    const range = keyOfPair(index, nodes[keys.length], lastKey);
    if (range) return range;
  }
  for (let length = keys.length; length > 0; length--) {
    const node = nodes[length];
    if (isNode(node) && node.range) {
      if (!isScalar(node)) {
        const range = keyOfPair(index, nodes[length - 1], keys[length - 1]);
        if (range) return range;
      }
      return [node.range[0], node.range[1]];
    }
  }
  return isNode(doc.contents) && doc.contents.range ? [doc.contents.range[0], doc.contents.range[1]] : undefined;
}

/** The offset where {@link rangeOf} starts. */
export function offsetOf(doc: Document, keys: ReadonlyArray<string | number>, lastKey?: string): number | undefined {
  return rangeOf(doc, keys, lastKey)?.[0];
}

export interface ParsedConfig {
  doc?: Document;
  data?: unknown;
  problems: ConfigProblem[];
  /** The text sets nothing: no content, or comments only. */
  empty?: boolean;
}

const syntaxProblem = (error: {pos: [number, number]; code: string; message: string}): ConfigProblem => {
  const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/u, '');
  return {offset: error.pos[0], end: Math.max(error.pos[0], error.pos[1]), code: error.code, keys: [], keyword: 'invalid YAML', message: `invalid YAML: ${detail}`, detail};
};

/**
 * Parses one YAML document within {@link CONFIG_LIMITS}; syntax errors (and
 * several documents), keys set twice and the limits are problems with their
 * offset. Linear in the text: the yaml package's own check for keys set twice
 * compares each key with every key before it, so it is done here instead.
 */
export function parseConfig(yamlText: string): ParsedConfig {
  if (yamlText.length > CONFIG_LIMITS.maxLength) {
    const detail = `the text is ${yamlText.length.toLocaleString('en-US')} characters long; the limit is ${CONFIG_LIMITS.maxLength.toLocaleString('en-US')} (1 MiB)`;
    return {problems: [{offset: 0, end: 0, code: 'TOO_LARGE', keys: [], keyword: 'invalid YAML', message: `invalid YAML: ${detail}`, detail}]};
  }
  const doc = parseDocument(yamlText, {prettyErrors: true, uniqueKeys: false});
  // The yaml package reports running out of stack once per level it unwinds: the first says it.
  if (doc.errors.length) return {problems: doc.errors.filter((error, i) => error.code !== 'RESOURCE_EXHAUSTION' || doc.errors.findIndex((other) => other.code === error.code) === i).map(syntaxProblem)};
  const walked = walkDocument(doc);
  indexes.set(doc, walked.index);
  if (walked.problems.length) return {doc, problems: walked.problems.sort((a, b) => a.offset - b.offset)};
  try {
    // The yaml package's alias guard stays on (maxAliasCount, its default); the walk has already stopped where it would.
    return {doc, data: doc.toJS({maxAliasCount: CONFIG_LIMITS.maxAliasCount}) ?? {}, problems: [], ...(doc.contents === null ? {empty: true} : {})};
  } catch (error) {
    const detail = (error as Error).message;
    return {doc, problems: [{offset: 0, end: 0, keys: [], keyword: 'invalid YAML', message: `invalid YAML: ${detail}`, detail}]};
  }
}

/** The schema's problems with parsed data, in text order, each once. */
export function schemaProblems(doc: Document, data: unknown, validate: ValidateFunction): ConfigProblem[] {
  if (validate(data)) return [];
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const keys = instanceKeys(error.instancePath, data);
    const params = error.params as Record<string, unknown>;
    const extraKey =
      error.keyword === 'additionalProperties' ? String(params.additionalProperty) : error.keyword === 'unevaluatedProperties' ? String(params.unevaluatedProperty) : undefined;
    const faultKeys = extraKey === undefined ? keys : [...keys, extraKey];
    let value: unknown = data;
    for (const key of keys) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
    const [offset, end] = rangeOf(doc, keys, extraKey) ?? [0, 0];
    const detail = expectation(error, value);
    const message = `${formatInstancePath(faultKeys)}: ${detail}`;
    const identity = `${offset}\0${message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    problems.push({offset, end, keys: faultKeys, keyword: error.keyword, message, detail});
  }
  // Stable: problems at one offset keep ajv's order.
  return problems.sort((a, b) => a.offset - b.offset);
}

/** Parses and validates a config text. */
export function validateConfigText(yamlText: string, validate: ValidateFunction): ConfigProblem[] {
  const parsed = parseConfig(yamlText);
  if (parsed.problems.length || !parsed.doc) return parsed.problems;
  return schemaProblems(parsed.doc, parsed.data, validate);
}

/** Every key of a parsed config with its instance path and the offset of the key: maps and lists, depth first (aliases are not followed). */
export function keysOf(doc: Document): Array<{keys: Array<string | number>; offset: number}> {
  const found: Array<{keys: Array<string | number>; offset: number}> = [];
  const visit = (node: unknown, keys: Array<string | number>): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const path = [...keys, String(pair.key.value)];
        found.push({keys: path, offset: pair.key.range?.[0] ?? 0});
        visit(pair.value, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((entry, index) => visit(entry, [...keys, index]));
    }
  };
  visit(doc.contents, []);
  return found;
}
