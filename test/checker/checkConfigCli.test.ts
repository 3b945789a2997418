/**
 * `npm run check-config` as a separate process: exit codes (0 clean, 1 on
 * errors, 2 on usage errors), findings as file:line:column, the versioned
 * JSON shape, and `--out` writing only a complete file.
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {parse} from 'yaml';
import {CHECK_CONFIG_FORMAT, type CheckConfigReport} from '../../src/checker/configReport';
import {LEGACY_RELEASE, UPGRADE_FORMAT} from '../../src/checker/upgradeConfig';
import {CHART_SOURCE, PROJECT_ROOT} from '../support/chart';
import {ensureRealReference} from '../support/remarkSite';
import {CURRENT, LINE, RELEASES} from '../support/versions';

const dir = mkdtempSync(path.join(tmpdir(), 'check-config-'));
after(() => rmSync(dir, {recursive: true, force: true}));

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

function checkConfig(...args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  ensureRealReference();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'check-config.ts'), ...args], {cwd: PROJECT_ROOT, env: {...process.env, CHART_SOURCE}, stdio: ['ignore', 'pipe', 'pipe']});
    let [stdout, stderr] = ['', ''];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stdout, stderr}));
  });
}

const NEWEST = RELEASES[0];
const OLDEST = LINE.releases[0];
const valid = 'sync:\n  toHost:\n    pods:\n      enabled: true\n';
const sleepMode = 'experimental:\n  sleepMode:\n    enabled: true\n    autoSleep:\n      afterInactivity: 1h\n';

describe('check-config: checking files against a release', () => {
  test('a valid file: exit 0; a file with an unknown key: exit 1, with file:line:column', async () => {
    const good = file('good.yaml', valid);
    const ok = await checkConfig('--release', CURRENT, good);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, new RegExp(`${path.basename(good)}: checked against ${CURRENT.replaceAll('.', '\\.')}`, 'u'));
    const bad = file('bad.yaml', 'controlPlane:\n  distroo: {}\n');
    const failed = await checkConfig('--release', CURRENT, good, bad);
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, new RegExp(`${bad.replaceAll('.', '\\.')}:2:3: error: .*distroo`, 'u'));
  });

  test('invalid YAML and an unreadable file are errors with their place', async () => {
    const broken = file('broken.yaml', 'controlPlane:\n  distro: [k8s\n');
    const result = await checkConfig(broken, path.join(dir, 'missing.yaml'));
    assert.equal(result.code, 1);
    assert.match(result.stdout, /broken\.yaml:\d+:\d+: error: Invalid YAML/u);
    assert.match(result.stdout, /missing\.yaml:1:1: error: cannot read the file \(ENOENT\)/u);
  });

  test('--json: the documented, versioned shape', async () => {
    const result = await checkConfig('--json', '--release', CURRENT, file('json.yaml', 'controlPlane:\n  distroo: {}\n'));
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as CheckConfigReport;
    assert.equal(report.format, CHECK_CONFIG_FORMAT);
    assert.equal(report.exitCode, 1);
    assert.equal(report.errors, 1);
    const [only] = report.files;
    assert.equal(only.release, CURRENT);
    assert.deepEqual(Object.keys(only.findings[0]).filter((key) => ['severity', 'kind', 'in', 'line', 'column', 'message'].includes(key)).sort(), ['column', 'in', 'kind', 'line', 'message', 'severity']);
    assert.deepEqual([only.findings[0].line, only.findings[0].column, only.findings[0].in], [2, 3, 'input']);
  });

  test('usage errors exit 2: an unknown release or option, a target older than the release, --out alone, no file', async () => {
    const good = file('usage.yaml', valid);
    for (const args of [['--release', '0.0.1', good], ['--upgrade-to', '99.0.0', '--release', OLDEST, good], ['--release', NEWEST, '--upgrade-to', OLDEST, good], ['--no-such-option', good], ['--out', path.join(dir, 'x.yaml'), good], []]) {
      const result = await checkConfig(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^check-config: /u);
    }
  });
});

describe('check-config --upgrade-to', () => {
  test('the upgraded file on stdout, the findings on stderr', async () => {
    const result = await checkConfig('--release', OLDEST, '--upgrade-to', NEWEST, file('sleep.yaml', sleepMode));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(Object.keys(parse(result.stdout) as object), ['sleep']);
    assert.match(result.stderr, /sleep\.yaml:2:3: note: \[experimentalSleepMode\]/u);
    assert.match(result.stderr, /upgraded from .* to .*: 2 moves applied/u);
  });

  test('--out gets the whole upgraded file; nothing is written when the input is bad', async () => {
    const out = path.join(dir, 'out.yaml');
    const ok = await checkConfig('--release', OLDEST, '--upgrade-to', NEWEST, '--out', out, file('in.yaml', sleepMode));
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, '');
    assert.deepEqual(parse(readFileSync(out, 'utf8')), {sleep: {auto: {afterInactivity: '1h'}}});
    writeFileSync(out, 'kept: as it was\n');
    const bad = await checkConfig('--release', OLDEST, '--upgrade-to', NEWEST, '--out', out, file('bad-in.yaml', 'controlPlane: [\n'));
    assert.equal(bad.code, 1);
    assert.equal(readFileSync(out, 'utf8'), 'kept: as it was\n', 'the old file is left as it was');
    const fresh = path.join(dir, 'fresh.yaml');
    await checkConfig('--release', OLDEST, '--upgrade-to', NEWEST, '--out', fresh, file('bad-in2.yaml', '- a list\n'));
    assert.equal(existsSync(fresh), false, 'and none is made');
  });

  test('--json with --upgrade-to: the upgrade result in the report; problems left exit 1', async () => {
    const result = await checkConfig('--json', '--release', OLDEST, '--upgrade-to', NEWEST, file('kept.yaml', 'experimental:\n  syncSettings:\n    disableSync: true\n'));
    assert.equal(result.code, 1, 'a key left for the reader fails the target\'s schema');
    const report = JSON.parse(result.stdout) as CheckConfigReport;
    const {upgrade} = report.files[0];
    assert.equal(upgrade?.format, UPGRADE_FORMAT);
    assert.equal(upgrade.to, NEWEST);
    assert.ok(upgrade.steps.some((step) => step.id === 'disableSync' && step.status === 'kept'));
    assert.ok(upgrade.problems.length && upgrade.problems.every((problem) => problem.explained));
    assert.ok(report.files[0].findings.some((finding) => finding.kind === 'problem' && finding.in === 'upgraded'));
  });

  test('a values file of the charts before 0.20, converted for its distro', async () => {
    const result = await checkConfig('--release', LEGACY_RELEASE, '--distro', 'k8s', '--upgrade-to', NEWEST, file('legacy.yaml', 'syncer:\n  replicas: 2\n'));
    assert.equal(result.code, 0, result.stderr);
    assert.equal((parse(result.stdout) as {controlPlane: {statefulSet: {highAvailability: {replicas: number}}}}).controlPlane.statefulSet.highAvailability.replicas, 2);
    const missing = await checkConfig('--release', LEGACY_RELEASE, '--upgrade-to', NEWEST, file('legacy2.yaml', 'syncer:\n  replicas: 2\n'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /choose the distro it ran/u);
  });
});
