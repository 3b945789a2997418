/**
 * Releasing a version: `add-version 0.23.0 --source <the 0.22.0 chart>` on a
 * temporary copy of the project. The new release becomes current (docs/), the
 * previous current one (0.22.0) becomes a Docusaurus snapshot, the manifest
 * records the release URLs and sha256, every version's reference is
 * regenerated (0.23.0 from the cache add-version filled, since the chart
 * source has no 0.23.0), and the four-version site builds. Adding a version
 * that is already there fails and changes nothing.
 *
 * Slow: one production build of four versions (run under /tmp/docs-build.lock).
 */
import assert from 'node:assert/strict';
import {existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {INDEX_FILE, partialsDirOf, publishedDirFor} from '../../src/reference/files';
import {copyProject} from '../support/projectCopy';
import {CHART_FILES, CHART_SOURCE, readJson, run, sha256File, show, snapshot, type Manifest, type RunResult} from '../support/release';

const NEW = '0.23.0';
const PREVIOUS = '0.22.0';
const RELEASE_URL = (version: string, name: string) => `https://raw.githubusercontent.com/loft-sh/vcluster/v${version}/chart/${name}`;

let tmp: string;
/** The copy of the project. */
let site: string;
/** CHART_CACHE_DIR, absolute and outside the copy. */
let cacheDir: string;
let originalManifest: Manifest;
let originalVersions: string[];
/** docs/ of the project before the release, without the generated partials. */
let originalPages: Map<string, Buffer>;
let added: RunResult;

/** The environment of every command: the shared charts as CHART_SOURCE (it has no 0.23.0), the cache outside the copy. */
function env(): NodeJS.ProcessEnv {
  const {DOCS_VERSIONS: _only, DOCS_BASE_URL: _base, DOCS_URL: _url, ...inherited} = process.env;
  return {...inherited, CHART_SOURCE, CHART_CACHE_DIR: cacheDir};
}

function addVersion(args: string[]): Promise<RunResult> {
  return run('npx', ['tsx', 'scripts/add-version.ts', ...args], {cwd: site, env: env(), killAfterMs: 15 * 60_000});
}

function withoutPartials(files: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...files].filter(([file]) => !file.startsWith(path.join('_partials', 'config') + path.sep)));
}

/** The copy's files, but for node_modules, the build output and Docusaurus's generated files. */
function projectState(): Map<string, Buffer> {
  const state = new Map<string, Buffer>();
  for (const entry of readdirSync(site)) {
    if (['node_modules', 'build', '.docusaurus'].includes(entry)) continue;
    const full = path.join(site, entry);
    if (lstatSync(full).isDirectory()) for (const [file, body] of snapshot(full)) state.set(path.join(entry, file), body);
    else state.set(entry, readFileSync(full));
  }
  for (const [file, body] of snapshot(cacheDir)) state.set(path.join('<cache>', file), body);
  return state;
}

before(async () => {
  for (const name of CHART_FILES) assert.ok(existsSync(path.join(CHART_SOURCE, PREVIOUS, name)), `${CHART_SOURCE}/${PREVIOUS}/${name}`);
  assert.ok(!existsSync(path.join(CHART_SOURCE, NEW)), `the chart source must not have ${NEW}: it is to come from the cache`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'add-version-'));
  site = path.join(tmp, 'site');
  cacheDir = path.join(tmp, 'chart-cache');
  copyProject(site);
  originalManifest = readJson<Manifest>(path.join(site, 'chart-versions.json'));
  originalVersions = readJson<string[]>(path.join(site, 'versions.json'));
  assert.equal(originalManifest.versions[0].version, PREVIOUS, `the project's current version is ${PREVIOUS}`);
  originalPages = withoutPartials(snapshot(path.join(site, 'docs')));
  added = await addVersion([NEW, '--source', path.join(CHART_SOURCE, PREVIOUS)]);
});

after(() => {
  if (tmp) rmSync(tmp, {recursive: true, force: true});
});

describe(`add-version ${NEW}`, {timeout: 40 * 60_000}, () => {
  test('succeeds', () => {
    assert.equal(added.code, 0, show(added));
    assert.match(added.stdout, new RegExp(`Added ${NEW.replaceAll('.', '\\.')} as the current version`));
  });

  test(`chart-versions.json lists ${NEW} first, with the release URLs and the files' sha256`, () => {
    const manifest = readJson<Manifest>(path.join(site, 'chart-versions.json'));
    assert.deepEqual(
      manifest.versions.map((entry) => entry.version),
      [NEW, ...originalManifest.versions.map((entry) => entry.version)],
    );
    const [entry, ...rest] = manifest.versions;
    assert.deepEqual(Object.keys(entry.files).sort(), [...CHART_FILES].sort());
    for (const name of CHART_FILES) {
      assert.equal(entry.files[name].sha256, sha256File(path.join(CHART_SOURCE, PREVIOUS, name)), `${name}: sha256 of the file given`);
      assert.equal(entry.files[name].url, RELEASE_URL(NEW, name), `${name}: the file at tag v${NEW}`);
    }
    assert.deepEqual(rest, originalManifest.versions, 'the older entries as they were');
    assert.equal(manifest.chart, originalManifest.chart);
    assert.equal(manifest.$comment, originalManifest.$comment);
  });

  test(`the cache holds ${NEW}'s files, where gen-partials reads them`, () => {
    for (const name of CHART_FILES) {
      assert.equal(sha256File(path.join(cacheDir, NEW, name)), sha256File(path.join(CHART_SOURCE, PREVIOUS, name)), name);
    }
    assert.ok(!existsSync(path.join(site, '.chart-cache')), 'nothing cached inside the project: CHART_CACHE_DIR is honoured');
  });

  test(`versions.json gains ${PREVIOUS}, whose snapshot holds the pages docs/ had`, () => {
    assert.deepEqual(readJson<string[]>(path.join(site, 'versions.json')), [PREVIOUS, ...originalVersions]);
    assert.deepEqual(readJson<string[]>(path.join(site, 'versions.json')), ['0.22.0', '0.21.0', '0.20.0']);
    const snapshotDir = path.join(site, 'versioned_docs', `version-${PREVIOUS}`);
    assert.ok(originalPages.size > 10, 'the project has pages');
    assert.deepEqual(withoutPartials(snapshot(snapshotDir)), originalPages, `versioned_docs/version-${PREVIOUS}/ is docs/ as it was`);
    assert.deepEqual(withoutPartials(snapshot(path.join(site, 'docs'))), originalPages, `docs/ goes on as ${NEW}'s pages`);
    assert.ok(existsSync(path.join(site, 'versioned_sidebars', `version-${PREVIOUS}-sidebars.json`)), 'its sidebar');
  });

  test('every version has its reference: partials and field index, published schema and types', () => {
    const partials = (dir: string) => partialsDirOf(path.join(site, dir));
    const expected: Array<[string, string, string]> = [
      [NEW, partials('docs'), PREVIOUS],
      ...[PREVIOUS, ...originalVersions].map((version): [string, string, string] => [version, partials(path.join('versioned_docs', `version-${version}`)), version]),
    ];
    for (const [version, dir, chart] of expected) {
      const index = readIndexedFieldsSync(dir).index;
      assert.equal(index.version, version, `${path.relative(site, dir)}/${INDEX_FILE} is ${version}'s`);
      assert.ok(index.fields.length > 500, `${version}: fields listed`);
      assert.ok(existsSync(path.join(dir, 'controlPlane', 'backingStore.mdx')), `${version}: partials`);
      const published = publishedDirFor(site, version);
      assert.equal(sha256File(path.join(published, 'vcluster.schema.json')), sha256File(path.join(CHART_SOURCE, chart, 'values.schema.json')), `${version}: published schema`);
      assert.match(readFileSync(path.join(published, 'vcluster.d.ts'), 'utf8'), new RegExp(`vCluster ${version.replaceAll('.', '\\.')}\\b[\\s\\S]*export interface VClusterConfig`));
    }
  });

  test('adding a version that is already there fails with a clear message and changes nothing', async () => {
    const before = projectState();
    for (const version of [NEW, '0.21.0']) {
      const result = await addVersion([version, '--source', path.join(CHART_SOURCE, PREVIOUS)]);
      assert.equal(result.code, 1, show(result));
      assert.match(result.stderr, new RegExp(`^add-version: ${version.replaceAll('.', '\\.')} is already in chart-versions\\.json$`, 'm'), show(result));
      assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
    }
    const notAVersion = await addVersion(['latest', '--source', path.join(CHART_SOURCE, PREVIOUS)]);
    assert.equal(notAVersion.code, 1, show(notAVersion));
    assert.match(notAVersion.stderr, /"latest" is not a release version/);
    assert.deepEqual(projectState(), before, 'no file of the project or the cache changed');
  });

  test('the four-version site builds: the new release at /docs/, the previous one at /docs/0.22.0/', {timeout: 30 * 60_000}, async () => {
    const out = path.join(tmp, 'build');
    const result = await run('flock', ['/tmp/docs-build.lock', 'npx', 'docusaurus', 'build', '--out-dir', out], {cwd: site, env: env(), killAfterMs: 30 * 60_000});
    assert.equal(result.code, 0, show(result));
    for (const page of ['docs/control-plane.html', `docs/${PREVIOUS}/control-plane.html`, 'docs/0.21.0/control-plane.html', 'docs/0.20.0/control-plane.html']) {
      assert.ok(existsSync(path.join(out, page)), `${page} built`);
    }
    assert.ok(!existsSync(path.join(out, 'docs', NEW)), `the current version has no /docs/${NEW}/ path`);
    const current = readFileSync(path.join(out, 'docs', 'control-plane.html'), 'utf8');
    const previous = readFileSync(path.join(out, 'docs', PREVIOUS, 'control-plane.html'), 'utf8');
    assert.ok(current.includes(NEW), `the current page is labelled ${NEW}`);
    assert.match(previous, /no longer actively maintained/, `${PREVIOUS}'s pages carry the unmaintained banner`);
    assert.doesNotMatch(current, /no longer actively maintained/);
    assert.equal(sha256File(path.join(out, 'schemas', NEW, 'vcluster.schema.json')), sha256File(path.join(CHART_SOURCE, PREVIOUS, 'values.schema.json')));
  });
});
