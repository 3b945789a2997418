/**
 * gen-partials without a chart source downloads each version's release files
 * (chart-versions.json: URL + sha256) into a cache. Here the release URLs point
 * at a local server on 127.0.0.1 serving the real chart files, and the command
 * runs as `node scripts/gen-partials.mjs` with a temporary manifest, cache and
 * output directory: success and the cache, a 404, a wrong checksum and a
 * server that never answers. Then the same cases against ensureChartFiles.
 */
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {ChartInputError} from '../../src/generator/errors';
import {generateReference} from '../../src/generator/generate';
import {INDEX_FILE} from '../../src/reference/files';
import {ensureChartFiles} from '../../src/generator/load/download';
import {
  CHART_FILES,
  CHART_SOURCE,
  envWithout,
  manifestAt,
  mtimes,
  run,
  sha256File,
  show,
  snapshot,
  startReleaseServer,
  startSilentServer,
  type Manifest,
  type ReleaseServer,
  type RunResult,
  type SilentServer,
} from '../support/release';
import {CURRENT, RELEASES} from '../support/versions';

const VERSION = CURRENT;
const realSha = (version: string, name: string) => sha256File(path.join(CHART_SOURCE, version, name));
/** Another release of the manifest whose files differ from VERSION's (a patch may ship the same values.yaml). */
const OTHER = RELEASES.find((version) => version !== VERSION && realSha(version, 'values.yaml') !== realSha(VERSION, 'values.yaml'))!;

let tmp: string;
let server: ReleaseServer;
let silent: SilentServer;
let expected: Map<string, Buffer>;

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'release-download-'));
  server = await startReleaseServer();
  silent = await startSilentServer();
  const reference = await generateReference(path.join(CHART_SOURCE, VERSION), VERSION);
  expected = new Map([...reference.files].map(([file, text]) => [file, Buffer.from(text)]));
});

after(async () => {
  await server?.close();
  await silent?.close();
  if (tmp) rmSync(tmp, {recursive: true, force: true});
});

let counter = 0;
/** A fresh path under the temporary directory (not created). */
function fresh(name: string): string {
  counter += 1;
  return path.join(tmp, `${name}-${counter}`);
}

function writeManifest(manifest: Manifest): string {
  const file = fresh('manifest') + '.json';
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}

function entryOf(manifest: Manifest, version = VERSION) {
  const entry = manifest.versions.find((candidate) => candidate.version === version);
  assert.ok(entry, `${version} in the manifest`);
  return entry;
}

/** `node scripts/gen-partials.mjs ...` with no CHART_SOURCE, the given cache, killed after 60 s at most. */
function genPartials(args: string[], cacheDir: string): Promise<RunResult> {
  return run(process.execPath, ['scripts/gen-partials.mjs', ...args], {env: envWithout({CHART_CACHE_DIR: cacheDir}), killAfterMs: 60_000});
}

/** An output directory a previous run left: it must come through a failed run byte for byte, mtimes included. */
function previousOutput(): string {
  const out = fresh('out-previous');
  mkdirSync(path.join(out, 'controlPlane'), {recursive: true});
  writeFileSync(path.join(out, INDEX_FILE), '{"version": "previous"}\n');
  writeFileSync(path.join(out, 'controlPlane.mdx'), 'previous controlPlane partial\n');
  writeFileSync(path.join(out, 'controlPlane', 'backingStore.mdx'), 'previous backingStore partial\n');
  return out;
}

function assertFailedCleanly(result: RunResult, out: string, before: Map<string, Buffer>, beforeTimes: Map<string, number>, cacheDir: string): string {
  assert.notEqual(result.code, 0, show(result));
  assert.equal(result.signal, null, `ended on its own, not killed:\n${show(result)}`);
  assert.ok(!/\n\s+at /.test(result.stderr), `no stack trace:\n${show(result)}`);
  assert.deepEqual(snapshot(out), before, 'the output directory is byte for byte as it was');
  assert.deepEqual(mtimes(out), beforeTimes, 'no output file was rewritten');
  assert.deepEqual(readdirSync(path.dirname(out)).filter((name) => name.startsWith(`${path.basename(out)}.`) || name.startsWith('.config-staging')), [], 'no staging directory beside the output');
  assert.deepEqual([...snapshot(cacheDir).keys()], [], 'nothing in the cache, not even a partial download');
  assert.ok(!existsSync(cacheDir), 'not even a cache directory');
  return result.stderr;
}

describe('gen-partials downloading from a release server', () => {
  test('downloads both files into the cache, checks them, writes the partials; a second run makes no request', async () => {
    const manifest = manifestAt(server.origin);
    const manifestFile = writeManifest(manifest);
    const cacheDir = fresh('cache');
    const out = fresh('out');

    const first = server.requests.length;
    const result = await genPartials(['--manifest', manifestFile, '--version', VERSION, '--out', out], cacheDir);
    assert.equal(result.code, 0, show(result));
    assert.deepEqual(server.requests.slice(first).sort(), CHART_FILES.map((name) => `/v${VERSION}/chart/${name}`).sort(), 'each file requested once');

    assert.deepEqual(readdirSync(path.join(cacheDir, VERSION)).sort(), [...CHART_FILES].sort(), 'the cache holds the two files, nothing else');
    for (const name of CHART_FILES) {
      const cached = sha256File(path.join(cacheDir, VERSION, name));
      assert.equal(cached, entryOf(manifest).files[name].sha256, `${name}: sha256 as in the manifest`);
      assert.equal(cached, realSha(VERSION, name), `${name}: the release file itself`);
    }
    const written = snapshot(out);
    assert.ok([...written.keys()].filter((file) => file.endsWith('.mdx')).length > 50, 'partials written');
    assert.deepEqual(written, expected, 'the output is what the generator makes from the real chart files');
    assert.ok(result.stdout.includes(`gen-partials (${VERSION}): `) && /\d+ partials written/.test(result.stdout), result.stdout);

    const second = server.requests.length;
    const again = await genPartials(['--manifest', manifestFile, '--version', VERSION, '--out', out], cacheDir);
    assert.equal(again.code, 0, show(again));
    assert.deepEqual(server.requests.slice(second), [], 'the second run is served from the cache');
    assert.match(again.stdout, / 0 partials written, \d+ unchanged, 0 removed/);
    assert.deepEqual(snapshot(out), expected);

    // A cached file that no longer matches its sha256 is downloaded again, alone.
    writeFileSync(path.join(cacheDir, VERSION, 'values.yaml'), 'tampered: true\n');
    const third = server.requests.length;
    const repaired = await genPartials(['--manifest', manifestFile, '--version', VERSION, '--out', out], cacheDir);
    assert.equal(repaired.code, 0, show(repaired));
    assert.deepEqual(server.requests.slice(third), [`/v${VERSION}/chart/values.yaml`]);
    assert.equal(sha256File(path.join(cacheDir, VERSION, 'values.yaml')), realSha(VERSION, 'values.yaml'));
  });

  test('a 404 fails naming the URL and the status; nothing is written, the previous output stays', async () => {
    const manifest = manifestAt(server.origin);
    const missingUrl = `${server.origin}/v${VERSION}/chart/no-such-values.yaml`;
    entryOf(manifest).files['values.yaml'].url = missingUrl;
    const manifestFile = writeManifest(manifest);

    // Over an existing output directory.
    const out = previousOutput();
    const [before, beforeTimes] = [snapshot(out), mtimes(out)];
    const cacheDir = fresh('cache');
    const result = await genPartials(['--manifest', manifestFile, '--version', VERSION, '--out', out], cacheDir);
    const message = assertFailedCleanly(result, out, before, beforeTimes, cacheDir);
    assert.ok(message.includes(missingUrl), `names the URL:\n${message}`);
    assert.match(message, /\b404\b/);
    assert.ok(server.requests.includes(`/v${VERSION}/chart/no-such-values.yaml`), 'the server was asked');

    // Into an output directory that does not exist yet: it is not created.
    const newOut = fresh('out-new');
    const second = await genPartials(['--manifest', manifestFile, '--version', VERSION, '--out', newOut], fresh('cache'));
    assert.notEqual(second.code, 0, show(second));
    assert.ok(!existsSync(newOut), 'the output directory was not created');
  });

  test('a wrong checksum fails naming the expected and the actual sha256; nothing is written', async () => {
    const manifest = manifestAt(server.origin);
    const wrong = realSha(OTHER, 'values.yaml');
    entryOf(manifest).files['values.yaml'].sha256 = wrong;
    const manifestFile = writeManifest(manifest);
    const out = previousOutput();
    const [before, beforeTimes] = [snapshot(out), mtimes(out)];
    const cacheDir = fresh('cache');

    const result = await genPartials(['--manifest', manifestFile, '--version', VERSION, '--out', out], cacheDir);
    const message = assertFailedCleanly(result, out, before, beforeTimes, cacheDir);
    assert.match(message, /checksum mismatch/);
    assert.ok(message.includes(`expected sha256 ${wrong}`), `names the expected sha256:\n${message}`);
    assert.ok(message.includes(`got ${realSha(VERSION, 'values.yaml')}`), `names the actual sha256:\n${message}`);
    assert.ok(message.includes(`${server.origin}/v${VERSION}/chart/values.yaml`), `names the URL:\n${message}`);
  });

  test('a server that never answers: --timeout 500 ends the run within a few seconds', async () => {
    const manifest = manifestAt(silent.origin);
    const manifestFile = writeManifest(manifest);
    const out = previousOutput();
    const [before, beforeTimes] = [snapshot(out), mtimes(out)];
    const cacheDir = fresh('cache');
    const connections = silent.connections;

    const result = await genPartials(['--manifest', manifestFile, '--version', VERSION, '--out', out, '--timeout', '500'], cacheDir);
    const message = assertFailedCleanly(result, out, before, beforeTimes, cacheDir);
    assert.ok(silent.connections > connections, 'the server was connected to');
    assert.match(message, /no answer within 500 ms/);
    assert.ok(message.includes(`${silent.origin}/v${VERSION}/chart/`), `names the URL:\n${message}`);
    // Without the timeout it would wait 30 s (the default) or forever; the bound leaves room for a loaded machine.
    assert.ok(result.ms < 10_000, `ended after ${Math.round(result.ms)} ms`);
  });

  test('a refused connection names the network error, not just "fetch failed"', async () => {
    const manifestFile = writeManifest(manifestAt(`http://127.0.0.1:${await closedPort()}`));
    const out = previousOutput();
    const [before, beforeTimes] = [snapshot(out), mtimes(out)];
    const cacheDir = fresh('cache');
    const result = await genPartials(['--manifest', manifestFile, '--version', VERSION, '--out', out], cacheDir);
    const message = assertFailedCleanly(result, out, before, beforeTimes, cacheDir);
    assert.match(message, /download failed: .*ECONNREFUSED/);
    assert.match(message, /No chart source was given/);
  });

  test('a chart source without the version: that version is downloaded; a failure says the source lacks it', async () => {
    const source = fresh('source');
    mkdirSync(path.join(source, OTHER), {recursive: true});
    const out = fresh('out');
    const cacheDir = fresh('cache');
    const first = server.requests.length;
    const result = await genPartials(['--manifest', writeManifest(manifestAt(server.origin)), '--source', source, '--version', VERSION, '--out', out], cacheDir);
    assert.equal(result.code, 0, show(result));
    assert.equal(server.requests.length - first, 2, 'downloaded');
    assert.deepEqual(snapshot(out), expected);

    const failing = manifestAt(server.origin);
    entryOf(failing).files['values.yaml'].url = `${server.origin}/gone/values.yaml`;
    const failed = await genPartials(['--manifest', writeManifest(failing), '--source', source, '--version', VERSION, '--out', fresh('out')], fresh('cache'));
    assert.notEqual(failed.code, 0, show(failed));
    assert.ok(failed.stderr.includes(`The chart source ${source} has no ${VERSION}/ directory`), show(failed));
    assert.doesNotMatch(failed.stderr, /No chart source was given/);
  });
});

/** A port on 127.0.0.1 nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const {port} = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('ensureChartFiles', () => {
  test('downloads, verifies and caches both files; a second call makes no request; a stale cached file is replaced', async () => {
    const manifest = manifestAt(server.origin);
    const cacheDir = fresh('cache');
    const first = server.requests.length;
    const dir = await ensureChartFiles(manifest, VERSION, cacheDir, 10_000);
    assert.equal(dir, path.join(cacheDir, VERSION));
    assert.equal(server.requests.length - first, 2);
    for (const name of CHART_FILES) assert.equal(sha256File(path.join(dir, name)), realSha(VERSION, name));
    assert.deepEqual(readdirSync(dir).sort(), [...CHART_FILES].sort());

    const second = server.requests.length;
    assert.equal(await ensureChartFiles(manifest, VERSION, cacheDir, 10_000), dir);
    assert.equal(server.requests.length, second, 'served from the cache');

    writeFileSync(path.join(dir, 'values.schema.json'), '{}');
    await ensureChartFiles(manifest, VERSION, cacheDir, 10_000);
    assert.deepEqual(server.requests.slice(second), [`/v${VERSION}/chart/values.schema.json`]);
    assert.equal(sha256File(path.join(dir, 'values.schema.json')), realSha(VERSION, 'values.schema.json'));
  });

  test('a 404 rejects with the URL and status, and caches nothing', async () => {
    const manifest = manifestAt(server.origin);
    const url = `${server.origin}/v9.9.9/chart/values.schema.json`;
    entryOf(manifest).files['values.schema.json'].url = url;
    const cacheDir = fresh('cache');
    await assert.rejects(ensureChartFiles(manifest, VERSION, cacheDir, 10_000), (error: unknown) => {
      assert.ok(error instanceof ChartInputError);
      assert.equal(error.file, url);
      assert.match(error.message, /HTTP 404/);
      return true;
    });
    assert.ok(!existsSync(cacheDir), 'no cache directory');
  });

  test('a checksum mismatch rejects with both sums, and caches neither file', async () => {
    const manifest = manifestAt(server.origin);
    const wrong = 'f'.repeat(64);
    entryOf(manifest).files['values.schema.json'].sha256 = wrong;
    const cacheDir = fresh('cache');
    await assert.rejects(ensureChartFiles(manifest, VERSION, cacheDir, 10_000), (error: unknown) => {
      assert.ok(error instanceof ChartInputError);
      assert.ok(error.message.includes(`expected sha256 ${wrong}, got ${realSha(VERSION, 'values.schema.json')}`), error.message);
      return true;
    });
    assert.ok(!existsSync(cacheDir), 'the good file is not cached either');
  });

  test('a server that never answers rejects after the timeout', async () => {
    const manifest = manifestAt(silent.origin);
    const cacheDir = fresh('cache');
    const started = performance.now();
    await assert.rejects(ensureChartFiles(manifest, VERSION, cacheDir, 300), (error: unknown) => {
      assert.ok(error instanceof ChartInputError);
      assert.match(error.message, /no answer within 300 ms/);
      return true;
    });
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 250 && elapsed < 3_000, `rejected after ${Math.round(elapsed)} ms`);
    assert.ok(!existsSync(cacheDir));
  });

  test('a version the manifest lacks is an error', async () => {
    await assert.rejects(ensureChartFiles(manifestAt(server.origin), '9.9.9', fresh('cache')), /no such version/);
  });
});
