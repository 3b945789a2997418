/**
 * The gen-partials command line, run as a separate process on temporary
 * output directories: summaries, idempotent runs, --check, stale files,
 * --help, bad input (one message; the previous output untouched) and
 * concurrent runs.
 */
import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {generateReference} from '../../src/generator/generate';
import {INDEX_FILE} from '../../src/reference/files';
import {LOCK_NAME} from '../../src/generator/write/outputDir';
import {PROJECT_ROOT, chartDir, fixtureDir} from '../support/chart';
import {CURRENT} from '../support/versions';
import {contents, runGenPartials, snapshot, summaryCounts, type CliResult} from '../support/cli';

let tmp: string;

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'gen-partials-cli-'));
});

after(() => {
  rmSync(tmp, {recursive: true, force: true});
});

/** The files a single in-process generation gives: what every run must leave on disk. */
async function expectedFiles(dir: string, version: string): Promise<Map<string, string>> {
  return (await generateReference(dir, version)).files;
}

function mdxCount(files: Map<string, string>): number {
  return [...files.keys()].filter((file) => file.endsWith('.mdx')).length;
}

function fileTimes(dir: string): Map<string, number> {
  return new Map([...snapshot(dir)].filter(([, entry]) => entry.kind === 'file').map(([file, entry]) => [file, entry.mtimeMs]));
}

function assertNoWorkArea(dir: string): void {
  const leftovers = [...snapshot(dir).keys()].filter((file) => file.startsWith('.gen-partials'));
  assert.deepEqual(leftovers, [], 'no lock or staging directory is left behind');
}

function show(result: CliResult): string {
  return `exit ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
}

/** Exactly one non-empty line on stderr: the error message. */
function oneMessage(result: CliResult): string {
  const lines = result.stderr.split('\n').filter((line) => line.trim());
  assert.equal(lines.length, 1, `one line on stderr:\n${show(result)}`);
  assert.match(lines[0], /^gen-partials: /);
  assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
  return lines[0];
}

describe('a run, a second run, --check and stale files', () => {
  let out: string;
  let expected: Map<string, string>;

  before(async () => {
    out = path.join(tmp, 'reference');
    expected = await expectedFiles(chartDir(CURRENT), CURRENT);
  });

  test('the first run writes every file, reports it and exits 0', async () => {
    const result = await runGenPartials(['--chart', chartDir(CURRENT), '--out', out, '--version', CURRENT]);
    assert.equal(result.code, 0, show(result));
    assert.deepEqual(summaryCounts(result.stdout), {written: mdxCount(expected), unchanged: 0, removed: 0});
    assert.match(result.stdout, new RegExp(`\\(${CURRENT.replace(/\./g, '\\.')}\\)`), 'the summary names the version');
    assert.deepEqual(contents(out), expected, 'the output is what generateReference gives');
    assertNoWorkArea(out);
  });

  test('a second run writes nothing and keeps every mtime', async () => {
    const before = fileTimes(out);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await runGenPartials(['--chart', chartDir(CURRENT), '--out', out, '--version', CURRENT]);
    assert.equal(result.code, 0, show(result));
    assert.deepEqual(summaryCounts(result.stdout), {written: 0, unchanged: mdxCount(expected), removed: 0});
    assert.deepEqual(fileTimes(out), before);
    assertNoWorkArea(out);
  });

  test('--quiet prints only the summary line', async () => {
    const result = await runGenPartials(['--chart', chartDir(CURRENT), '--out', out, '--version', CURRENT, '--quiet']);
    assert.equal(result.code, 0, show(result));
    assert.equal(result.stdout.trim().split('\n').length, 1, result.stdout);
    summaryCounts(result.stdout);
  });

  test('--check finds a hand-edited partial and stale files, and changes nothing', async () => {
    const edited = [...expected.keys()].filter((file) => file.endsWith('.mdx') && file.includes('/')).sort()[0];
    writeFileSync(path.join(out, edited), `${expected.get(edited)}\nA hand edit.\n`);
    mkdirSync(path.join(out, 'old-section'), {recursive: true});
    writeFileSync(path.join(out, 'old-section', 'gone.mdx'), 'stale\n');
    writeFileSync(path.join(out, 'stale.mdx'), 'stale\n');
    const before = snapshot(out);

    const result = await runGenPartials(['--chart', chartDir(CURRENT), '--out', out, '--version', CURRENT, '--check']);
    assert.notEqual(result.code, 0, show(result));
    const listed = (file: string) => result.stderr.split('\n').some((line) => line.trim().endsWith(path.relative(PROJECT_ROOT, path.join(out, file))));
    assert.ok(listed(edited), `--check lists ${edited}:\n${show(result)}`);
    assert.ok(listed('stale.mdx'), `--check lists stale.mdx:\n${show(result)}`);
    assert.ok(listed('old-section/gone.mdx'), `--check lists old-section/gone.mdx:\n${show(result)}`);
    assert.ok(!listed(INDEX_NAME), 'the unchanged index is not listed');
    assert.deepEqual(snapshot(out), before, '--check writes nothing');
  });

  test('a normal run rewrites the edited partial and removes the stale files', async () => {
    const result = await runGenPartials(['--chart', chartDir(CURRENT), '--out', out, '--version', CURRENT]);
    assert.equal(result.code, 0, show(result));
    assert.deepEqual(summaryCounts(result.stdout), {written: 1, unchanged: mdxCount(expected) - 1, removed: 2});
    assert.deepEqual(contents(out), expected);
    assert.ok(!existsSync(path.join(out, 'old-section')), 'the emptied directory is removed');
    assertNoWorkArea(out);

    const check = await runGenPartials(['--chart', chartDir(CURRENT), '--out', out, '--version', CURRENT, '--check']);
    assert.equal(check.code, 0, show(check));
    assert.match(check.stdout, /up to date/);
  });

  test('--source gives the same output as --chart', async () => {
    const viaSource = path.join(tmp, 'via-source');
    const result = await runGenPartials(['--source', path.dirname(chartDir(CURRENT)), '--version', CURRENT, '--out', viaSource]);
    assert.equal(result.code, 0, show(result));
    assert.deepEqual(contents(viaSource), expected);
  });
});

const INDEX_NAME = INDEX_FILE;

describe('--help', () => {
  test('mentions every option', async () => {
    const result = await runGenPartials(['--help']);
    assert.equal(result.code, 0, show(result));
    // The options the brief asks for, and every option the parser in cli.ts accepts.
    const source = readFileSync(path.join(PROJECT_ROOT, 'src', 'generator', 'cli.ts'), 'utf8');
    const parsed = [...source.matchAll(/^\s+([a-z][\w-]*): \{type: '(?:string|boolean)'/gm)].map((match) => match[1]);
    assert.ok(parsed.length >= 6, `found the parser's options: ${parsed.join(', ')}`);
    for (const option of new Set(['source', 'chart', 'version', 'out', 'check', 'quiet', 'help', ...parsed])) {
      assert.ok(result.stdout.includes(`--${option}`), `--help mentions --${option}`);
    }
    assert.ok(result.stdout.includes('CHART_SOURCE'));
  });

  test('an unknown option is a usage error that points at --help', async () => {
    const result = await runGenPartials(['--no-such-option']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /^gen-partials: .*no-such-option/);
    assert.match(result.stderr, /--help/);
    assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
  });
});

describe('no chart source', () => {
  test('exits non-zero with a message that mentions CHART_SOURCE, and writes nothing', async () => {
    // Without --source or CHART_SOURCE the CLI downloads the release files: point it at an address that refuses.
    const manifest = path.join(tmp, 'unreachable-manifest.json');
    const url = (name: string) => `http://127.0.0.1:9/vcluster/${CURRENT}/${name}`;
    writeFileSync(
      manifest,
      JSON.stringify({chart: 'vcluster', versions: [{version: CURRENT, files: {'values.schema.json': {url: url('values.schema.json'), sha256: '0'.repeat(64)}, 'values.yaml': {url: url('values.yaml'), sha256: '0'.repeat(64)}}}]}),
    );
    const out = path.join(tmp, 'no-source-out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'previous.mdx'), 'previous output\n');
    const before = snapshot(out);
    const {CHART_SOURCE: _unset, ...env} = process.env;
    const result = await runGenPartials(['--version', CURRENT, '--out', out, '--manifest', manifest, '--timeout', '5000'], {
      env: {...env, CHART_CACHE_DIR: path.join(tmp, 'no-source-cache')},
    });
    assert.notEqual(result.code, 0, show(result));
    assert.match(result.stderr, /CHART_SOURCE/);
    oneMessage(result);
    assert.deepEqual(snapshot(out), before);
  });
});

/** A chart directory with the given file contents (undefined: the file is missing). */
function writeChart(name: string, schema: string | undefined, values: string | undefined): string {
  const dir = path.join(tmp, 'charts', name);
  mkdirSync(dir, {recursive: true});
  if (schema !== undefined) writeFileSync(path.join(dir, 'values.schema.json'), schema);
  if (values !== undefined) writeFileSync(path.join(dir, 'values.yaml'), values);
  return dir;
}

/** A previous output directory, with content no run would produce (so any write would show). */
function previousOutput(name: string): string {
  const out = path.join(tmp, 'previous', name);
  mkdirSync(path.join(out, 'nested'), {recursive: true});
  writeFileSync(path.join(out, 'section.mdx'), 'previous partial\n');
  writeFileSync(path.join(out, 'nested', 'deep.mdx'), 'previous nested partial\n');
  writeFileSync(path.join(out, INDEX_NAME), '{"version":"previous","fields":[]}\n');
  return out;
}

const GOOD_SCHEMA = JSON.stringify({type: 'object', properties: {a: {type: 'string'}}}, null, 2);

describe('bad input: non-zero exit, one message naming the file and place, previous output unchanged', {concurrency: true}, () => {
  const cases: Array<{name: string; schema?: string; values?: string; file: string; place: RegExp; problem: RegExp}> = [];
  {
    // The second comma on line 4 is the error: line 4, column of that comma.
    const lines = ['{', '  "type": "object",', '  "properties": {', '    "a": {"type": "string"},,', '  }', '}'];
    const column = lines[3].indexOf(',,') + 2;
    cases.push({name: 'invalid JSON', schema: lines.join('\n'), values: 'a: x\n', file: 'values.schema.json', place: new RegExp(`line 4:${column}\\b`), problem: /invalid JSON/});
  }
  {
    const lines = ['{', '  "type": "object",', '  "properties": {}'];
    cases.push({name: 'truncated JSON', schema: lines.join('\n'), values: 'a: x\n', file: 'values.schema.json', place: /line 3:\d+/, problem: /invalid JSON/});
  }
  cases.push({name: 'invalid YAML', schema: GOOD_SCHEMA, values: 'a: x\nb: [1, 2\nc: 3\n', file: 'values.yaml', place: /line [23]:\d+/, problem: /invalid YAML/});
  cases.push({name: 'YAML with a tab', schema: GOOD_SCHEMA, values: 'a:\n\tb: 1\n', file: 'values.yaml', place: /line 2:\d+/, problem: /invalid YAML/});
  cases.push({name: 'schema that is an array', schema: '[{"type": "object"}]', values: 'a: x\n', file: 'values.schema.json', place: /: #: /, problem: /array/});
  cases.push({name: 'missing values.yaml', schema: GOOD_SCHEMA, values: undefined, file: 'values.yaml', place: /values\.yaml: /, problem: /not found/});
  cases.push({name: 'missing values.schema.json', schema: undefined, values: 'a: x\n', file: 'values.schema.json', place: /values\.schema\.json: /, problem: /not found/});

  for (const testCase of cases) {
    test(testCase.name, async () => {
      const dir = writeChart(testCase.name.replace(/\W+/g, '-'), testCase.schema, testCase.values);
      const out = previousOutput(testCase.name.replace(/\W+/g, '-'));
      const before = snapshot(out);
      const result = await runGenPartials(['--chart', dir, '--out', out]);
      assert.notEqual(result.code, 0, show(result));
      const message = oneMessage(result);
      assert.ok(message.includes(path.join(dir, testCase.file)), `names ${testCase.file}: ${message}`);
      assert.match(message, testCase.place);
      assert.match(message, testCase.problem);
      assert.deepEqual(snapshot(out), before, 'the previous output is unchanged');
    });
  }

  test('unresolved $ref', async () => {
    const dir = fixtureDir('unresolved-ref');
    const out = previousOutput('unresolved-ref');
    const before = snapshot(out);
    const result = await runGenPartials(['--chart', dir, '--out', out]);
    assert.notEqual(result.code, 0, show(result));
    const message = oneMessage(result);
    assert.ok(message.includes(path.join(dir, 'values.schema.json')), message);
    assert.ok(message.includes('#/$defs/DoesNotExist'), `names the pointer: ${message}`);
    assert.ok(message.includes('#/properties/outer/properties/broken'), `names where it is used: ${message}`);
    assert.deepEqual(snapshot(out), before);
  });

  test('output path that is a file', async () => {
    const out = path.join(tmp, 'previous', 'a-file');
    mkdirSync(path.dirname(out), {recursive: true});
    writeFileSync(out, 'not a directory\n');
    const before = snapshot(out);
    const result = await runGenPartials(['--chart', fixtureDir('inline'), '--out', out]);
    assert.notEqual(result.code, 0, show(result));
    assert.ok(oneMessage(result).includes(out), 'names the output path');
    assert.deepEqual(snapshot(out), before);
  });

  test('output directory without write permission', async (t) => {
    const out = previousOutput('read-only');
    // Make the chart, the output and their parents readable for everyone, the output writable for no one.
    const chart = path.join(tmp, 'charts', 'read-only');
    mkdirSync(chart, {recursive: true});
    for (const file of ['values.schema.json', 'values.yaml']) writeFileSync(path.join(chart, file), readFileSync(path.join(fixtureDir('inline'), file)));
    for (const dir of [tmp, path.join(tmp, 'charts'), chart, path.join(tmp, 'previous'), path.join(out, 'nested')]) chmodSync(dir, 0o755);
    chmodSync(out, 0o555);
    const before = snapshot(out);
    // root may write anyway: run as an unprivileged user where we can.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) t.diagnostic('running gen-partials as uid 65534 (root ignores directory permissions)');
    try {
      const result = await runGenPartials(['--chart', chart, '--out', out], asRoot ? {uid: 65534, gid: 65534, env: {...process.env, HOME: tmp}} : {});
      assert.notEqual(result.code, 0, show(result));
      assert.ok(oneMessage(result).includes(out), `names the output directory:\n${show(result)}`);
      assert.deepEqual(snapshot(out), before);
    } finally {
      chmodSync(out, 0o755);
    }
  });
});

describe('concurrent runs', () => {
  test('two runs on one output directory both succeed and leave exactly one run\'s output', async () => {
    const out = path.join(tmp, 'concurrent');
    const expected = await expectedFiles(chartDir(CURRENT), CURRENT);
    const args = ['--chart', chartDir(CURRENT), '--out', out, '--version', CURRENT];
    const results = await Promise.all([runGenPartials(args), runGenPartials(args)]);
    for (const result of results) assert.equal(result.code, 0, show(result));
    const counts = results.map((result) => summaryCounts(result.stdout));
    // They take turns: one writes everything, the other finds it done.
    assert.deepEqual(counts.map((count) => count.written).sort((a, b) => a - b), [0, mdxCount(expected)], JSON.stringify(counts));
    assert.deepEqual(contents(out), expected);
    assertNoWorkArea(out);
    assert.ok(!existsSync(path.join(out, LOCK_NAME)));
  });
});

describe('the npm entry point (scripts/gen-partials.mjs)', () => {
  test('writes the same output as the sources', async (t) => {
    const script = path.join(PROJECT_ROOT, 'scripts', 'gen-partials.mjs');
    if (!existsSync(script)) {
      t.skip('scripts/gen-partials.mjs does not exist');
      return;
    }
    const out = path.join(tmp, 'entry-point');
    const result = await runGenPartials(['--chart', fixtureDir('shapes'), '--out', out, '--quiet'], {script});
    assert.equal(result.code, 0, show(result));
    assert.deepEqual(contents(out), await expectedFiles(fixtureDir('shapes'), 'shapes'));
  });
});
