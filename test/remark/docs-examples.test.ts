/**
 * The real docs: every `vcluster.yaml` example of every page under docs/ and
 * versioned_docs/ is valid for its version's chart schema, and every config
 * path in inline code is a field of its version. Prints how many examples
 * were validated, how many paths were linked, and every opt-out with its reason.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {before, test} from 'node:test';
import {checkConfigPaths} from '../../src/remark/linkConfigPaths';
import {fileContext} from '../../src/remark/site';
import {frontMatterOf} from '../../src/remark/deprecations';
import {checkConfigExamples, listOptOuts, type OptOut} from '../../src/remark/validateConfigExamples';
import {PROJECT_ROOT, ensureRealReference, parseMdx} from '../support/remarkSite';

/** Every .mdx/.md file under `dir`, generated config partials left out (they hold no examples and are not narrative). */
function docsFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, {withFileTypes: true});
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full.endsWith(path.join('_partials', 'config')) ? [] : docsFiles(full);
    return /\.mdx?$/u.test(entry.name) ? [full] : [];
  });
}

let files: string[];

before(() => {
  ensureRealReference();
  files = [...docsFiles(path.join(PROJECT_ROOT, 'docs')), ...docsFiles(path.join(PROJECT_ROOT, 'versioned_docs'))].sort();
});

test('every config example and config path of the real docs is valid for its version', () => {
  const problems: string[] = [];
  const optOuts: OptOut[] = [];
  const perVersion = new Map<string, {pages: number; examples: number; linked: number; unlinked: number}>();
  const unlinked: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const tree = parseMdx(text);
    // As Docusaurus passes it to the plugins.
    const frontMatter = frontMatterOf(text);
    const {version} = fileContext({path: file});
    const stats = perVersion.get(version) ?? {pages: 0, examples: 0, linked: 0, unlinked: 0};
    perVersion.set(version, stats);
    stats.pages++;
    try {
      const examples = checkConfigExamples(tree, {path: file});
      stats.examples += examples.validated;
      optOuts.push(...examples.optOuts);
      problems.push(...examples.problems);
      const paths = checkConfigPaths(tree, {path: file, data: {frontMatter}});
      stats.linked += paths.linked.length;
      stats.unlinked += paths.unlinked.length;
      unlinked.push(...paths.unlinked.map((occurrence) => `${occurrence.file}:${occurrence.line} ${occurrence.path}`));
      problems.push(...paths.problems);
    } catch (error) {
      problems.push(`${path.relative(PROJECT_ROOT, file)}: ${(error as Error).message}`);
    }
  }

  const total = [...perVersion.values()].reduce((sum, stats) => sum + stats.examples, 0);
  console.log(`config docs: ${files.length} files, ${total} vcluster.yaml examples validated, ${optOuts.length} opted out`);
  for (const [version, stats] of perVersion) {
    console.log(`  ${version}: ${stats.pages} files, ${stats.examples} examples validated, ${stats.linked} config paths linked, ${stats.unlinked} known paths left unlinked (no page renders them)`);
  }
  for (const line of unlinked) console.log(`  unlinked: ${line}`);
  const allOptOuts = listOptOuts(files);
  console.log(allOptOuts.length ? 'opt-outs (skip-validation, allow-deprecated, allow_deprecated):' : 'opt-outs: none');
  for (const optOut of allOptOuts) console.log(`  ${optOut.file}:${optOut.line}: ${optOut.kind}${optOut.path ? ` ${optOut.path}` : ''}: ${optOut.reason || '(no reason)'}`);
  if (problems.length) console.log(`problems:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);

  // listOptOuts (a line scanner) agrees with the plugin (the MDX parser) on every opt-out with a reason.
  assert.deepEqual(
    allOptOuts.filter((optOut) => optOut.reason && optOut.kind !== 'allow_deprecated'),
    optOuts,
  );
  assert.ok(total > 0, 'the docs have vcluster.yaml examples');
  assert.deepEqual(problems, [], `${problems.length} problem(s) in the docs`);
});
