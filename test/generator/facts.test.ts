/**
 * Curated facts (src/reference/facts.ts): the facts file's checks
 * (src/generator/load/loadFacts.ts), their merge into the field tree and
 * index (model/mergeFacts.ts), their rendering in the reference, and the
 * real facts files of every documented version.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {generateFromChart} from '../../src/generator/generate';
import {loadChart} from '../../src/generator/load/loadChart';
import {RULES} from '../../src/checker/rules';
import {FactsError, loadFacts, parseFactsText} from '../../src/generator/load/loadFacts';
import {INDEX_FILE, factsFileFor} from '../../src/reference/files';
import {currentVersion, readManifestSync} from '../../src/reference/manifest';
import {PROJECT_ROOT, chartDir, fixtureDir, sha256File} from '../support/chart';
import {SAMPLE_DOCUMENTED} from '../support/versions';
import {loadComponents, renderPartial} from '../support/mdx';

const FILE = 'docs/_facts.yaml';

const ALL_KINDS = `# facts
enterprise.sso:
  - kind: pro
    when: with single sign-on providers
    evidence: pkg/pro/sso.go
features.legacy:
  - kind: deprecated
    replacement: features.modern
    text: Kept for old configs.
    evidence: config/config.go (Legacy)
  - kind: note
    text: Read once at start; a change needs a restart.
    link: https://example.org/legacy
    evidence: pkg/setup/legacy.go
features.modern:
  - kind: default
    text: The host's value when empty.
    evidence: chart/templates/_helpers.tpl
  - kind: requires
    text: The \`modern\` chart beside this one.
    evidence: chart/Chart.yaml
`;

function problemsOf(text: string): Array<{line: number; problem: string}> {
  try {
    parseFactsText(FILE, text);
  } catch (error) {
    assert.ok(error instanceof FactsError, String(error));
    assert.match(error.message, /^docs\/_facts\.yaml: line \d+: /u, 'the message names the file and the line');
    return [...error.problems];
  }
  throw new Error('expected the facts file to be rejected');
}

describe('the facts file', () => {
  test('reads every kind, with the line of each path and fact', () => {
    const {entries} = parseFactsText(FILE, ALL_KINDS);
    assert.deepEqual(
      entries.map((entry) => [entry.path, entry.line, entry.facts.map((fact) => `${fact.kind}@${fact.line}`)]),
      [
        ['enterprise.sso', 2, ['pro@3']],
        ['features.legacy', 6, ['deprecated@7', 'note@11']],
        ['features.modern', 15, ['default@16', 'requires@19']],
      ],
    );
    assert.deepEqual(entries[1].facts[0], {kind: 'deprecated', evidence: 'config/config.go (Legacy)', line: 7, text: 'Kept for old configs.', replacement: 'features.modern'});
  });

  test('an unknown kind, a missing evidence or text, a stray key, a bad link and a non-list fail with their lines', () => {
    const problems = problemsOf(
      'a.b:\n  - kind: rumour\n    evidence: x\n' +
        'c.d:\n  - kind: note\n    text: fine\n' +
        'e.f:\n  - kind: note\n    evidence: y\n' +
        'g.h:\n  - kind: pro\n    evidence: z\n    replacement: x.y\n' +
        'i.j:\n  - kind: requires\n    text: t\n    link: http://insecure.example\n    evidence: w\n' +
        'k.l: just text\n',
    );
    assert.deepEqual(
      problems.map((entry) => entry.line),
      [2, 5, 8, 11, 15, 19],
    );
    assert.match(problems[0].problem, /unknown kind "rumour"; a fact is one of pro, default, requires, deprecated, note/u);
    assert.match(problems[1].problem, /every fact names its evidence/u);
    assert.match(problems[2].problem, /a note fact needs text/u);
    assert.match(problems[3].problem, /a pro fact has no replacement/u);
    assert.match(problems[4].problem, /link must be an https:\/\/ URL/u);
    assert.match(problems[5].problem, /must hold a list of facts/u);
  });

  test('invalid YAML fails with its line', () => {
    assert.equal(problemsOf('a.b:\n  - kind: note\n   text: [unclosed\n')[0].line > 1, true);
  });
});

describe('merging facts into the reference', () => {
  const chart = () => loadChart(fixtureDir('flags'));

  test('facts reach the field index with their evidence; deprecated and Pro follow from them', async () => {
    const reference = generateFromChart(await chart(), '1.0.0', parseFactsText(FILE, ALL_KINDS));
    const byPath = new Map(reference.index.fields.map((record) => [record.path, record]));
    const sso = byPath.get('enterprise.sso')!;
    assert.equal(sso.pro, true);
    assert.equal(sso.proWhen, undefined, 'the schema says sso is always Pro: a fact cannot make it conditional');
    const legacy = byPath.get('features.legacy')!;
    assert.equal(legacy.deprecated, true);
    assert.deepEqual(legacy.facts?.map((fact) => fact.kind), ['deprecated', 'note']);
    assert.equal(legacy.facts?.[0].evidence, 'config/config.go (Legacy)');
    assert.ok(!('line' in legacy.facts![0]), 'the line of the facts file stays out of the index');
    const modern = byPath.get('features.modern')!;
    assert.equal(modern.deprecated, false);
    assert.deepEqual(modern.facts?.map((fact) => fact.kind), ['default', 'requires']);
  });

  test('a conditional Pro fact on a field the schema does not mark Pro gives the badge its condition', async () => {
    const facts = parseFactsText(FILE, 'features.modern:\n  - kind: pro\n    when: with the k8s distro\n    evidence: config/config.go\n');
    const reference = generateFromChart(await chart(), '1.0.0', facts);
    const modern = reference.index.fields.find((record) => record.path === 'features.modern')!;
    assert.equal(modern.pro, true);
    assert.deepEqual(modern.proWhen, ['with the k8s distro']);
    const rendered = await renderPartial((reference.files.get('features.mdx')!), await loadComponents());
    assert.deepEqual(rendered.fields.find((field) => field.path === 'features.modern')?.proWhen, ['with the k8s distro']);
    assert.match(rendered.html, /Pro with the k8s distro/u);
  });

  test('each fact renders in the reference as text, titled by its kind', async () => {
    const reference = generateFromChart(await chart(), '1.0.0', parseFactsText(FILE, ALL_KINDS));
    const {html} = await renderPartial((reference.files.get('features.mdx')!), await loadComponents());
    for (const expected of ['Deprecated:</strong> use <code>features.modern</code> instead. Kept for old configs.', 'Note:</strong> Read once at start', 'More on example.org', 'Effective default:</strong> The host', 'Requires:</strong> The <code>modern</code> chart']) {
      assert.ok(html.includes(expected), `${expected}\n${html.slice(0, 3000)}`);
    }
    assert.ok(!html.includes('pkg/setup/legacy.go'), 'evidence is for maintainers, not readers');
  });

  test('a path the version lacks fails with the file, the line and the closest field', async () => {
    const facts = parseFactsText(FILE, 'features.modern:\n  - kind: note\n    text: x\n    evidence: y\nfeatures.modren:\n  - kind: note\n    text: x\n    evidence: y\n');
    const loaded = await chart();
    assert.throws(
      () => generateFromChart(loaded, '1.0.0', facts),
      (error: unknown) => error instanceof FactsError && /^docs\/_facts\.yaml: line 5: features\.modren is not a field of vCluster 1\.0\.0; did you mean features\.modern\?$/u.test(error.message),
    );
  });

  test('a rule the checker lacks, one it does not run for the version, or one of another kind fails with the line', async () => {
    const loaded = await chart();
    const attempt = (rule: string, kind = 'requires') => () => generateFromChart(loaded, '1.0.0', parseFactsText(FILE, `features.modern:\n  - kind: ${kind}\n    text: x\n    rule: ${rule}\n    evidence: y\n`));
    assert.throws(attempt('no-such-rule'), /line 2: features\.modern: no checker rule no-such-rule \(src\/checker\/rules: /u);
    // Fixture charts are version 1.0.0: past every rule with an end, inside every rule without one. A rule of other releases is dropped from the fact, with a warning.
    const ended = RULES.find((rule) => rule.removedIn && rule.kind === 'refused')!;
    const model = attempt(ended.id)();
    assert.ok(model.warnings.some((warning) => new RegExp(`line 2: features\\.modern: the checker rule ${ended.id} does not apply to 1\\.0\\.0 .*; the fact is kept without it$`, 'u').test(warning)), model.warnings.join('\n'));
    const modern = model.index.fields.find((record) => record.path === 'features.modern')!;
    assert.deepEqual(modern.facts?.map((fact) => [fact.kind, fact.rule]), [['requires', undefined]]);
    const pro = RULES.find((rule) => rule.kind === 'pro' && !rule.removedIn);
    const open = RULES.find((rule) => rule.kind === 'refused' && !rule.removedIn)!;
    assert.throws(attempt(open.id, 'pro'), new RegExp(`a pro fact cannot name the refused rule ${open.id}`, 'u'));
    assert.doesNotThrow(attempt(open.id));
    if (pro) assert.doesNotThrow(attempt(pro.id, 'pro'));
  });

  test('a replacement that is no field fails', async () => {
    const facts = parseFactsText(FILE, 'features.legacy:\n  - kind: deprecated\n    replacement: features.gone\n    evidence: y\n');
    const loaded = await chart();
    assert.throws(() => generateFromChart(loaded, '1.0.0', facts), /line 2: features\.legacy: the replacement features\.gone is not a field of vCluster 1\.0\.0/u);
  });
});

describe('the real facts files', () => {
  const manifest = readManifestSync(PROJECT_ROOT);
  const current = currentVersion(manifest);
  for (const version of SAMPLE_DOCUMENTED) {
    test(`${version}: every fact's path is a field; the external database is Pro (with the k8s distro while there were others)`, async () => {
      const facts = await loadFacts(factsFileFor(PROJECT_ROOT, version, current));
      assert.ok(facts && facts.entries.length > 20, `${version} has its facts file`);
      const reference = generateFromChart(await loadChart(chartDir(version)), version, facts);
      const external = reference.index.fields.find((record) => record.path === 'controlPlane.backingStore.database.external.enabled')!;
      // Before k3s left (0.33), the external database was Pro only with the k8s distro; since then, k8s is the only distro.
      const otherDistros = reference.index.fields.some((record) => record.path === 'controlPlane.distro.k3s.enabled');
      assert.equal(external.pro, true, 'the external database needs Pro');
      assert.deepEqual(external.proWhen, otherDistros ? ['with the k8s distro'] : undefined);
      const withFacts = reference.index.fields.filter((record) => record.facts?.length);
      const kinds = new Set(withFacts.flatMap((record) => record.facts!.map((fact) => fact.kind)));
      console.log(`${version}: ${facts!.entries.length} paths, ${withFacts.reduce((sum, record) => sum + record.facts!.length, 0)} facts, kinds ${[...kinds].sort().join(', ')}`);
      const {html} = await renderPartial((reference.files.get('controlPlane/backingStore/database.mdx')!), await loadComponents());
      assert.match(html, otherDistros ? /Pro with the k8s distro/u : /Pro/u);
    });
  }
});

describe('gen-partials with a bad facts file', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'facts-cli-'));
  after(() => rmSync(tmp, {recursive: true, force: true}));

  /** A one-version project around the `flags` fixture chart, run through the real command line. */
  function run(factsText: string) {
    const project = mkdtempSync(path.join(tmp, 'project-'));
    const sha = (file: string) => sha256File(path.join(fixtureDir('flags'), file));
    writeFileSync(
      path.join(project, 'chart-versions.json'),
      JSON.stringify({chart: 'fixture', versions: [{version: '1.0.0', files: {'values.schema.json': {url: 'https://example.org/s', sha256: sha('values.schema.json')}, 'values.yaml': {url: 'https://example.org/v', sha256: sha('values.yaml')}}}]}),
    );
    mkdirSync(path.join(project, 'docs'));
    writeFileSync(path.join(project, 'docs', '_facts.yaml'), factsText);
    cpSync(fixtureDir('flags'), path.join(project, 'charts', '1.0.0'), {recursive: true});
    const main = path.join(project, 'main.ts');
    writeFileSync(main, `import {runCli} from ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'generator', 'cli.ts'))};\nrunCli(process.argv.slice(2), ${JSON.stringify(project)}).then(({exitCode}) => { process.exitCode = exitCode; });\n`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', main, '--source', path.join(project, 'charts')], {cwd: PROJECT_ROOT, encoding: 'utf8'});
    return {project, ...result};
  }

  test('a path the version lacks stops it, naming the file and line, writing nothing', () => {
    const {status, stderr, project} = run('features.modern:\n  - kind: note\n    text: x\n    evidence: y\nfeatures.nope:\n  - kind: note\n    text: x\n    evidence: y\n');
    assert.equal(status, 1, stderr);
    assert.match(stderr, /docs\/_facts\.yaml: line 5: features\.nope is not a field of vCluster 1\.0\.0/u);
    assert.throws(() => readFileSync(path.join(project, 'docs', '_partials', 'config', INDEX_FILE)), /ENOENT/u);
  });

  test('an unknown kind stops it too; a good file is merged', () => {
    assert.match(run('features.modern:\n  - kind: gossip\n    evidence: y\n').stderr, /_facts\.yaml: line 2: features\.modern: unknown kind "gossip"/u);
    const good = run('features.modern:\n  - kind: note\n    text: Fine.\n    evidence: y\n');
    assert.equal(good.status, 0, good.stderr);
    const index = JSON.parse(readFileSync(path.join(good.project, 'docs', '_partials', 'config', INDEX_FILE), 'utf8')) as {fields: Array<{path: string; facts?: unknown[]}>};
    assert.equal(index.fields.find((record) => record.path === 'features.modern')?.facts?.length, 1);
  });
});
