/**
 * Validating a `vcluster.yaml` text against a chart schema, with each problem
 * placed on the YAML node that causes it. Browser-safe: the build checks the
 * docs' examples with it, and the config checker checks a reader's file.
 * The caller compiles the schema (Ajv, draft 2020-12) and passes the validator.
 */
import type {ErrorObject, ValidateFunction} from 'ajv';
import {isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document} from 'yaml';
import {formatInstancePath} from './configPath';

export interface ConfigProblem {
  /** Character offset in the YAML text where the problem is shown. */
  offset: number;
  /** The instance path at fault (keys and list indexes), the unknown key included. */
  keys: Array<string | number>;
  /** `invalid YAML` for a syntax error, else the schema keyword (`type`, `additionalProperties`…). */
  keyword: string;
  /** `controlPlane.distro.k8s.env[0].name: must be string, got number 1`. */
  message: string;
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

function keyOfPair(parent: unknown, key: string | number): number | undefined {
  if (!isMap(parent) || typeof key !== 'string') return undefined;
  const pair = parent.items.find((entry) => isPair(entry) && isScalar(entry.key) && String(entry.key.value) === key);
  return pair && isNode(pair.key) && pair.key.range ? pair.key.range[0] : undefined;
}

/**
 * Offset in the YAML text of the node at `keys` (of the key `lastKey` below
 * it when given), else of its nearest ancestor. A map or list value is shown
 * at its key, not at its first entry. Aliases are followed to their anchor.
 */
export function offsetOf(doc: Document, keys: ReadonlyArray<string | number>, lastKey?: string): number | undefined {
  const at = (path: ReadonlyArray<string | number>): unknown => (path.length ? doc.getIn(path, true) : doc.contents);
  if (lastKey !== undefined) {
    const offset = keyOfPair(at(keys), lastKey);
    if (offset !== undefined) return offset;
  }
  for (let length = keys.length; length > 0; length--) {
    const node = at(keys.slice(0, length));
    if (isNode(node) && node.range) {
      if (!isScalar(node)) {
        const offset = keyOfPair(at(keys.slice(0, length - 1)), keys[length - 1]);
        if (offset !== undefined) return offset;
      }
      return node.range[0];
    }
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : undefined;
}

export interface ParsedConfig {
  doc?: Document;
  data?: unknown;
  problems: ConfigProblem[];
}

/** Parses one YAML document; syntax errors (and several documents) are problems with their offset. */
export function parseConfig(yamlText: string): ParsedConfig {
  const doc = parseDocument(yamlText, {prettyErrors: true});
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((error) => ({
        offset: error.pos[0],
        keys: [],
        keyword: 'invalid YAML',
        message: `invalid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/u, '')}`,
      })),
    };
  }
  try {
    return {doc, data: doc.toJS({maxAliasCount: -1}) ?? {}, problems: []};
  } catch (error) {
    return {doc, problems: [{offset: 0, keys: [], keyword: 'invalid YAML', message: `invalid YAML: ${(error as Error).message}`}]};
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
    const offset = offsetOf(doc, keys, extraKey) ?? 0;
    const message = `${formatInstancePath(faultKeys)}: ${expectation(error, value)}`;
    const identity = `${offset}\0${message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    problems.push({offset, keys: faultKeys, keyword: error.keyword, message});
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
