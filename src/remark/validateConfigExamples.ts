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
 * A block written for another release of the line (an upgrade's starting
 * point, a stop on the way) names it in its meta, `release=0.20.0`, and is
 * checked against that release instead (the rule: ./exampleRelease.ts).
 * A block opts out with `skip-validation="<why>"` in its meta; the reason is
 * required. An example that vCluster or its chart would refuse for a rule
 * across fields (the config checker's rules, src/checker/rules) fails too.
 * An example that sets a field its release deprecates fails, unless it says
 * why with `allow-deprecated="<why>"` (./deprecations.ts).
 * `listOptOuts` lists every opt-out of a set of files.
 */
import {readFileSync} from 'node:fs';
import type {Code, Root} from 'mdast';
import {visit} from 'unist-util-visit';
import {outlineMdx} from '../reference/mdxOutline';
import {parseConfig, rangeOf, schemaProblems} from '../reference/validateConfig';
import {plainMessage} from '../checker/inlineCode';
import {runRules} from '../checker/rules';
import {exampleTarget, ownTarget, type ExampleTarget} from './exampleRelease';
import {ALLOW_DEPRECATED, deprecatedKeys, deprecationMessage, frontMatterOf, metaOption, pageAllowances} from './deprecations';
import {failOnProblems, fileContext, lineOfOffset, problemAt, type FileContext, type FileLike, type SiteOptions} from './site';

export type ValidateConfigExamplesOptions = SiteOptions;

export interface OptOut {
  /** File path relative to the site, and the line of the code block's opening fence (or of the front matter). */
  file: string;
  line: number;
  /** `skip-validation` or `allow-deprecated` on a block; `allow_deprecated` in front matter, with the path. */
  kind: 'skip-validation' | 'allow-deprecated' | 'allow_deprecated';
  path?: string;
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

/** Whether a code node is a `vcluster.yaml` example. */
export function isConfigExample(node: {lang?: string | null; meta?: string | null}): boolean {
  return node.lang === 'yaml' && TITLE.test(node.meta ?? '');
}

/** The opt-out of a block: absent, or present with its (possibly empty) reason. */
export function skipReason(meta: string | null | undefined): {reason: string} | undefined {
  return metaOption(meta, 'skip-validation');
}

/**
 * Validates one example; returns its problems. `firstLine` is the file line
 * of the YAML's first line. A file vCluster or its chart would refuse (a
 * cross-field rule of src/checker/rules) is a problem; unless
 * `allowDeprecated`, so is a key naming a deprecated field. The example is
 * checked against `target` (the release its meta names, ./exampleRelease.ts),
 * by default the page's own release.
 */
export function validateExample(
  yamlText: string,
  context: Pick<FileContext, 'partialsDir' | 'version' | 'displayPath'>,
  firstLine: number,
  allowDeprecated = false,
  target: ExampleTarget = ownTarget(context),
): string[] {
  const parsed = parseConfig(yamlText);
  const problems = parsed.problems.length || !parsed.doc ? parsed.problems : schemaProblems(parsed.doc, parsed.data, target.validate);
  const lineAt = (offset: number) => firstLine + lineOfOffset(yamlText, offset) - 1;
  // A block checked against another release says which, so a reader of the build's output knows the schema at fault.
  const against = target.named ? ` (checked against vCluster ${target.version}, which the block names)` : '';
  const at = (line: number, message: string) => problemAt(context, line, `${message}${against}`);
  const lines = problems.map((problem) => at(lineAt(problem.offset), problem.message));
  if (parsed.doc && !parsed.problems.length && !parsed.empty) {
    // The rules vCluster and its chart enforce across fields (src/checker/rules), as the config checker runs them.
    for (const violation of runRules(target.version, parsed.data, target.defaults)) {
      if (violation.rule.kind !== 'refused') continue;
      const places = [violation.at, ...(violation.related ?? [])].map((keys) => rangeOf(parsed.doc!, keys)?.[0] ?? 0);
      const offset = places.find((place) => place > 0) ?? 0;
      lines.push(at(lineAt(offset), `${plainMessage(violation.message)} (rule ${violation.rule.id}: ${violation.rule.evidence})`));
    }
  }
  if (parsed.doc && !parsed.problems.length && !allowDeprecated) {
    for (const {offset, path: keyPath, record} of deprecatedKeys(parsed.doc, target.resolver)) {
      lines.push(problemAt(context, lineAt(offset), `${deprecationMessage(keyPath, record, target.version)} (or say why the example shows it: ${ALLOW_DEPRECATED}="<why>")`));
    }
  }
  const seen = new Set<string>();
  return lines.filter((text) => !seen.has(text) && seen.add(text));
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
      if (skip.reason) result.optOuts.push({file: context.displayPath, line: fenceLine, kind: 'skip-validation', reason: skip.reason});
      else result.problems.push(problemAt(context, fenceLine, 'skip-validation needs a reason: write skip-validation="<why this example is not valid vcluster.yaml>"'));
      return;
    }
    const allow = metaOption(code.meta, ALLOW_DEPRECATED);
    if (allow?.reason) result.optOuts.push({file: context.displayPath, line: fenceLine, kind: 'allow-deprecated', reason: allow.reason});
    if (allow && !allow.reason) result.problems.push(problemAt(context, fenceLine, `${ALLOW_DEPRECATED} needs a reason: write ${ALLOW_DEPRECATED}="<why this example shows a deprecated field>"`));
    const target = exampleTarget(code.meta, context);
    if ('problem' in target) {
      result.problems.push(problemAt(context, fenceLine, target.problem));
      return;
    }
    result.validated++;
    result.problems.push(...validateExample(code.value, context, fenceLine + 1, allow !== undefined, target));
  });
  return result;
}

/** The remark plugin: fails the file's compilation when one of its config examples is invalid. */
export default function validateConfigExamples(options: ValidateConfigExamplesOptions = {}) {
  return (tree: Root, file: FileLike): void => {
    failOnProblems(
      checkConfigExamples(tree, file, options).problems,
      (count, s) =>
        `${count} invalid vcluster.yaml example${s} (fix the example; mark a block skip-validation="<reason>" if it is partial on purpose, ` +
        `or ${ALLOW_DEPRECATED}="<reason>" if it must show a deprecated field):`,
    );
  };
}

/**
 * Every opt-out of the given files, with its reason ('' when it has none,
 * which the plugins reject): `skip-validation` and `allow-deprecated` on
 * examples, `allow_deprecated` in front matter.
 */
export function listOptOuts(files: readonly string[], options: ValidateConfigExamplesOptions = {}): OptOut[] {
  const optOuts: OptOut[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const displayPath = fileContext({path: file}, options).displayPath;
    for (const block of outlineMdx(text).fences) {
      if (!isConfigExample(block)) continue;
      for (const kind of ['skip-validation', ALLOW_DEPRECATED] as const) {
        const option = metaOption(block.meta, kind);
        if (option) optOuts.push({file: displayPath, line: block.line, kind, reason: option.reason});
      }
    }
    for (const [path, reason] of pageAllowances(frontMatterOf(text))) optOuts.push({file: displayPath, line: 1, kind: 'allow_deprecated', path, reason});
  }
  return optOuts;
}
