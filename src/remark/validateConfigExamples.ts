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
import type {Code, Root} from 'mdast';
import type {ValidateFunction} from 'ajv';
import {visit} from 'unist-util-visit';
import {compileChartSchema} from '../reference/chartSchema';
import {cachedGeneratedReader} from '../reference/fieldIndexFile';
import {SCHEMA_COPY_FILE} from '../reference/files';
import {outlineMdx} from '../reference/mdxOutline';
import {parseConfig, schemaProblems} from '../reference/validateConfig';
import {failOnProblems, fileContext, lineOfOffset, problemAt, type FileContext, type FileLike, type SiteOptions} from './site';

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

const readValidator = cachedGeneratedReader((schema): ValidateFunction => compileChartSchema(schema as object));

function validatorFor(context: Pick<FileContext, 'partialsDir' | 'version'>): ValidateFunction {
  return readValidator(path.join(context.partialsDir, SCHEMA_COPY_FILE), context.version);
}

/** Validates one example; returns its problems. `firstLine` is the file line of the YAML's first line. */
export function validateExample(yamlText: string, context: Pick<FileContext, 'partialsDir' | 'version' | 'displayPath'>, firstLine: number): string[] {
  const parsed = parseConfig(yamlText);
  const problems = parsed.problems.length || !parsed.doc ? parsed.problems : schemaProblems(parsed.doc, parsed.data, validatorFor(context));
  const seen = new Set<string>();
  return problems
    .map((problem) => problemAt(context, firstLine + lineOfOffset(yamlText, problem.offset) - 1, problem.message))
    .filter((text) => !seen.has(text) && seen.add(text));
}

/** Checks every config example of a parsed Markdown/MDX tree. */
export function checkConfigExamples(tree: Root, file: FileLike, options: ValidateConfigExamplesOptions = {}): ExampleCheckResult {
  const result: ExampleCheckResult = {validated: 0, optOuts: [], problems: []};
  let context: FileContext | undefined;
  visit(tree, 'code', (code: Code) => {
    if (!isConfigExample(code)) return;
    context ??= fileContext(file, options);
    const fenceLine = code.position?.start.line ?? 0;
    const skip = skipReason(code.meta);
    if (skip) {
      if (skip.reason) result.optOuts.push({file: context.displayPath, line: fenceLine, reason: skip.reason});
      else result.problems.push(problemAt(context, fenceLine, 'skip-validation needs a reason: write skip-validation="<why this example is not valid vcluster.yaml>"'));
      return;
    }
    result.validated++;
    result.problems.push(...validateExample(code.value, context, fenceLine + 1));
  });
  return result;
}

/** The remark plugin: fails the file's compilation when one of its config examples is invalid. */
export default function validateConfigExamples(options: ValidateConfigExamplesOptions = {}) {
  return (tree: Root, file: FileLike): void => {
    failOnProblems(
      checkConfigExamples(tree, file, options).problems,
      (count, s) => `${count} invalid vcluster.yaml example${s} (fix the example, or mark the block skip-validation="<reason>"):`,
    );
  };
}

/** Every `skip-validation` opt-out of the given files, with its reason ('' when it has none, which the plugin rejects). */
export function listOptOuts(files: readonly string[], options: ValidateConfigExamplesOptions = {}): OptOut[] {
  const optOuts: OptOut[] = [];
  for (const file of files) {
    const blocks = outlineMdx(readFileSync(file, 'utf8')).fences;
    for (const block of blocks) {
      const skip = isConfigExample(block) ? skipReason(block.meta) : undefined;
      if (skip) optOuts.push({file: fileContext({path: file}, options).displayPath, line: block.line, reason: skip.reason});
    }
  }
  return optOuts;
}
