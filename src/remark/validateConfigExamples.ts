/**
 * Remark plugin: every config example of the docs is valid `vcluster.yaml`.
 *
 * A config example is a fenced block written ```` ```yaml title="vcluster.yaml" ````.
 * Its YAML is parsed and validated against the chart schema of the docs
 * version the file belongs to (`versioned_docs/version-X/…` → X, anything else
 * → the current version), read from that version's generated
 * `_partials/config/values.schema.json`. Any problem fails the build with the
 * file and line, the config path at fault and what the schema expects.
 *
 * A block opts out with `skip-validation="<why>"` in its meta; the reason is
 * required. `listOptOuts` lists every opt-out of a set of files.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {ErrorObject, ValidateFunction} from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import {isMap, isNode, isPair, isScalar, parseDocument, type Document} from 'yaml';
import {ConfigDocsError, SCHEMA_FILE, cachedJson, fileContext, lineOfOffset, walk, type FileContext, type FileLike, type SiteOptions, type TreeNode} from './site';

export type ValidateConfigExamplesOptions = SiteOptions;

export interface OptOut {
  /** File path relative to the site, and the line of the code block's opening fence. */
  file: string;
  line: number;
  reason: string;
}

export interface ExampleCheckResult {
  /** Examples validated against the schema (valid or not; opt-outs excluded). */
  validated: number;
  optOuts: OptOut[];
  /** One line per problem: `file:line: path: expectation`. */
  problems: string[];
}

const TITLE = /(?:^|\s)title=(["'])vcluster\.yaml\1(?=\s|$)/u;
const SKIP = /(?:^|\s)skip-validation(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']*)))?(?=\s|$)/u;

/** Whether a code node is a `vcluster.yaml` example. */
export function isConfigExample(node: {lang?: string | null; meta?: string | null}): boolean {
  return node.lang === 'yaml' && TITLE.test(node.meta ?? '');
}

/** The opt-out of a block: absent, or present with its (possibly empty) reason. */
export function skipReason(meta: string | null | undefined): {reason: string} | undefined {
  const match = SKIP.exec(meta ?? '');
  if (!match) return undefined;
  return {reason: (match[1] ?? match[2] ?? match[3] ?? '').trim()};
}

// ---- schema validators, one per docs version (and schema file version) ----

const validators = new Map<string, {mtimeMs: number; value: ValidateFunction}>();

function validatorFor(context: Pick<FileContext, 'partialsDir' | 'version'>): ValidateFunction {
  return cachedJson(validators, path.join(context.partialsDir, SCHEMA_FILE), context.version, (schema) => {
    const ajv = new Ajv2020({strict: false, allErrors: true, validateFormats: false});
    // vCluster marks the settings of its commercial edition with "pro": true.
    ajv.addKeyword({keyword: 'pro', schemaType: 'boolean'});
    return ajv.compile(schema as object);
  });
}

// ---- messages ----

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/u;

/** `["controlPlane", "distro", "k8s", "env", 0, "name"]` → `controlPlane.distro.k8s.env[0].name`. */
export function dottedPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '(top level)';
}

/** An ajv instancePath (`/a/b/0`) as segments, numbers where the data has an array. */
function instanceSegments(instancePath: string, data: unknown): Array<string | number> {
  if (!instancePath) return [];
  const segments: Array<string | number> = [];
  let current: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/gu, '/').replace(/~0/gu, '~');
    if (Array.isArray(current) && /^\d+$/u.test(key)) {
      segments.push(Number(key));
      current = current[Number(key)];
    } else {
      segments.push(key);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return segments;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

/** What the schema expected, in words: ajv's message with its parameters. */
function expectation(error: ErrorObject, value: unknown): string {
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

/** Offset in the YAML text of the node at `segments` (the key of `lastKey` when given), else of its nearest ancestor. */
function offsetOf(doc: Document, segments: ReadonlyArray<string | number>, lastKey?: string): number | undefined {
  if (lastKey !== undefined) {
    const parent = segments.length ? doc.getIn(segments, true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === lastKey);
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
  }
  for (let length = segments.length; length > 0; length--) {
    const node = doc.getIn(segments.slice(0, length), true);
    if (isNode(node) && node.range) {
      // For a map or list value, point at its key line rather than its first entry.
      if (!isScalar(node)) {
        const parentPath = segments.slice(0, length - 1);
        const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
        const key = segments[length - 1];
        if (isMap(parent) && typeof key === 'string') {
          const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
          if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
        }
      }
      return node.range[0];
    }
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : undefined;
}

interface CodeNode extends TreeNode {
  lang?: string | null;
  meta?: string | null;
  value: string;
}

/** Validates one example; returns its problems. `firstLine` is the file line of the YAML's first line. */
export function validateExample(yamlText: string, context: Pick<FileContext, 'partialsDir' | 'version' | 'displayPath'>, firstLine: number): string[] {
  const where = (offset: number | undefined): string => `${context.displayPath}:${offset === undefined ? firstLine : firstLine + lineOfOffset(yamlText, offset) - 1}`;
  const doc = parseDocument(yamlText, {prettyErrors: true});
  if (doc.errors.length) {
    return doc.errors.map((error) => {
      const line = error.linePos?.[0]?.line;
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/u, '');
      return `${line === undefined ? where(error.pos[0]) : `${context.displayPath}:${firstLine + line - 1}`}: invalid YAML: ${message}`;
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({maxAliasCount: -1}) ?? {};
  } catch (error) {
    return [`${where(undefined)}: invalid YAML: ${(error as Error).message}`];
  }
  const validate = validatorFor(context);
  if (validate(data)) return [];
  const problems: Array<{offset: number; text: string}> = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const segments = instanceSegments(error.instancePath, data);
    const params = error.params as Record<string, unknown>;
    const extraKey =
      error.keyword === 'additionalProperties' ? String(params.additionalProperty) : error.keyword === 'unevaluatedProperties' ? String(params.unevaluatedProperty) : undefined;
    const faultPath = extraKey === undefined ? segments : [...segments, extraKey];
    let value: unknown = data;
    for (const segment of segments) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
    const offset = offsetOf(doc, segments, extraKey);
    const problem = `${where(offset)}: ${dottedPath(faultPath)}: ${expectation(error, value)}`;
    if (!seen.has(problem)) {
      seen.add(problem);
      problems.push({offset: offset ?? 0, text: problem});
    }
  }
  return problems.sort((a, b) => a.offset - b.offset).map((problem) => problem.text);
}

/** Checks every config example of a parsed Markdown/MDX tree. */
export function checkConfigExamples(tree: TreeNode, file: FileLike, options: ValidateConfigExamplesOptions = {}): ExampleCheckResult {
  const result: ExampleCheckResult = {validated: 0, optOuts: [], problems: []};
  let context: FileContext | undefined;
  walk(tree, (node) => {
    if (node.type !== 'code') return;
    const code = node as CodeNode;
    if (!isConfigExample(code)) return;
    context ??= fileContext(file, options);
    const fenceLine = code.position?.start.line ?? 0;
    const skip = skipReason(code.meta);
    if (skip) {
      if (skip.reason) result.optOuts.push({file: context.displayPath, line: fenceLine, reason: skip.reason});
      else result.problems.push(`${context.displayPath}:${fenceLine}: skip-validation needs a reason: write skip-validation="<why this example is not valid vcluster.yaml>"`);
      return;
    }
    result.validated++;
    result.problems.push(...validateExample(code.value, context, fenceLine + 1));
  });
  return result;
}

/** The remark plugin: fails the file's compilation when one of its config examples is invalid. */
export default function validateConfigExamples(options: ValidateConfigExamplesOptions = {}) {
  // Any unist tree: what unified passes in; the walk only reads `type`, `children`, `value`, `position`.
  return (tree: {type: string}, file: FileLike): void => {
    const {problems} = checkConfigExamples(tree as TreeNode, file, options);
    if (problems.length) {
      throw new ConfigDocsError(
        `${problems.length} invalid vcluster.yaml example${problems.length === 1 ? '' : 's'} (fix the example, or mark the block skip-validation="<reason>"):`,
        problems,
      );
    }
  };
}

/**
 * The fenced code blocks of a Markdown/MDX text, found line by line (no MDX
 * parser needed): info string and the line of the opening fence. Fences
 * nested in a longer fence are content, as in CommonMark.
 */
export function fencedBlocks(text: string): Array<{line: number; lang: string; meta: string}> {
  const blocks: Array<{line: number; lang: string; meta: string}> = [];
  const lines = text.split(/\r?\n/u);
  let open: {char: string; length: number} | undefined;
  lines.forEach((line, index) => {
    const fence = /^\s*(?:>\s*)*(`{3,}|~{3,})(.*)$/u.exec(line);
    if (open) {
      if (fence && fence[1][0] === open.char && fence[1].length >= open.length && fence[2].trim() === '') open = undefined;
      return;
    }
    if (!fence || (fence[1][0] === '`' && fence[2].includes('`'))) return;
    open = {char: fence[1][0], length: fence[1].length};
    const info = fence[2].trim();
    const space = info.search(/\s/u);
    blocks.push({line: index + 1, lang: space < 0 ? info : info.slice(0, space), meta: space < 0 ? '' : info.slice(space + 1).trim()});
  });
  return blocks;
}

/** Every `skip-validation` opt-out of the given files, with its reason ('' when it has none, which the plugin rejects). */
export function listOptOuts(files: readonly string[], options: ValidateConfigExamplesOptions = {}): OptOut[] {
  const optOuts: OptOut[] = [];
  for (const file of files) {
    const blocks = fencedBlocks(readFileSync(file, 'utf8'));
    for (const block of blocks) {
      const skip = isConfigExample(block) ? skipReason(block.meta) : undefined;
      if (skip) optOuts.push({file: fileContext({path: file}, options).displayPath, line: block.line, reason: skip.reason});
    }
  }
  return optOuts;
}
