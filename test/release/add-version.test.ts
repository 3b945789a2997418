/**
 * Releasing on a temporary copy of the project (a git repository of its
 * own, so that what changed is what `git status` shows), with fixture
 * charts: the current release's chart files under new release names. The
 * versions are made from the manifest, never written here.
 *
 *   1. a history-only release newer than the whole line: the manifest only;
 *   2. a new documented release: it becomes current, the previous current
 *      one a snapshot; the manifest, versions.json and the snapshot change;
 *   3. a patch of the current release: it replaces it in place, and the
 *      generated pages name the patch;
 *   4. a patch of a documented older release: its snapshot follows it;
 *   5. what cannot be added fails and changes nothing;
 *   6. the site builds, each release where it belongs.
 *
 * No step touches a test or a hand-written page. Slow: one production build
 * (run under /tmp/docs-build.lock).
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {INDEX_FILE, partialsDirOf, publishedDirFor} from '../../src/reference/files';
import {minorOf} from '../../src/reference/releases';
import {TEST_SITE_URL} from '../support/buildDir';
import {copyProject} from '../support/projectCopy';
import {CHART_FILES, CHART_SOURCE, readJson, run, sha256File, show, type Manifest, type RunResult} from '../support/release';
import {CURRENT, DOCUMENTED, RELEASES} from '../support/versions';

/** The fixture chart: the current release's files. */
const FIXTURE = path.join(CHART_SOURCE, CURRENT);
const next = (version: string, minorSteps: number, patch = 0) => {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + minorSteps}.${patch}`;
};
/** Releases after the whole line, and patches. */
const HISTORY = next(RELEASES[0], 1);
const NEW = next(RELEASES[0], 2);
const NEW_PATCH = next(RELEASES[0], 2, 1);
const OLDER = DOCUMENTED[1];
const OLDER_PATCH = `${minorOf(OLDER)}.${Number(OLDER.split('.')[2]) + 1}`;
const RELEASE_URL = (version: string, name: string) => `https://raw.githubusercontent.com/loft-sh/vcluster/v${version}/chart/${name}`;

let tmp: string;
/** The copy of the project. */
let site: string;
/** CHART_CACHE_DIR, absolute and outside the copy. */
let cacheDir: string;
let originalManifest: Manifest;
let originalSnapshots: string[];

/** The environment of every command: the shared charts as CHART_SOURCE (it lacks the new releases), the cache outside the copy. */
function env(): NodeJS.ProcessEnv {
  const {DOCS_VERSIONS: _only, DOCS_BASE_URL: _base, DOCS_URL: _url, ...inherited} = process.env;
  return {...inherited, CHART_SOURCE, CHART_CACHE_DIR: cacheDir, DOCS_URL: TEST_SITE_URL};
}

function addVersion(args: string[]): Promise<RunResult> {
  return run('npx', ['tsx', 'scripts/add-version.ts', ...args], {cwd: site, env: env(), killAfterMs: 15 * 60_000});
}

const git = (...args: string[]) => execFileSync('git', args, {cwd: site, encoding: 'utf8'});

/** The files changed since the last step (what is not ignored), then recorded as the next step's start. */
function changedFiles(): string[] {
  git('add', '-A');
  // Staged, a moved file shows once, by its new name.
  const changed = git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3).replace(/^.* -> /u, ''));
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'step', '--allow-empty');
  return changed.sort();
}

const manifestVersions = () => readJson<Manifest>(path.join(site, 'chart-versions.json')).versions;

before(() => {
  for (const name of CHART_FILES) assert.ok(existsSync(path.join(FIXTURE, name)), `${FIXTURE}/${name}`);
  for (const version of [HISTORY, NEW, NEW_PATCH, OLDER_PATCH]) assert.ok(!existsSync(path.join(CHART_SOURCE, version)), `the chart source must not have ${version}: it is to come from the cache`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'add-version-'));
  site = path.join(tmp, 'site');
  cacheDir = path.join(tmp, 'chart-cache');
  copyProject(site);
  git('init', '-q');
  changedFiles();
  originalManifest = readJson<Manifest>(path.join(site, 'chart-versions.json'));
  originalSnapshots = readJson<string[]>(path.join(site, 'versions.json'));
});

after(() => {
  if (tmp) rmSync(tmp, {recursive: true, force: true});
});

describe('add-version', {timeout: 40 * 60_000}, () => {
  test(`${HISTORY} --history-only: the manifest gains it in its place, and nothing else changes`, async () => {
    const added = await addVersion([HISTORY, '--history-only', '--source', FIXTURE]);
    assert.equal(added.code, 0, show(added));
    assert.deepEqual(changedFiles(), ['chart-versions.json']);
    const [entry, ...rest] = manifestVersions();
    assert.equal(entry.version, HISTORY);
    assert.equal((entry as {historyOnly?: boolean}).historyOnly, true);
    for (const name of CHART_FILES) {
      assert.equal(entry.files[name].sha256, sha256File(path.join(FIXTURE, name)), `${name}: sha256 of the file given`);
      assert.equal(entry.files[name].url, RELEASE_URL(HISTORY, name), `${name}: the file at tag v${HISTORY}`);
      assert.equal(sha256File(path.join(cacheDir, HISTORY, name)), sha256File(path.join(FIXTURE, name)), `${name} cached where gen-partials reads it`);
    }
    assert.deepEqual(rest, originalManifest.versions, 'the other entries as they were');
    assert.ok(!existsSync(path.join(site, '.chart-cache')), 'nothing cached inside the project: CHART_CACHE_DIR is honoured');
  });

  test(`${NEW}: becomes current; ${CURRENT}'s pages become its snapshot; only the lists and the snapshot change`, async () => {
    const pages = (dir: string) => git('ls-files', dir).split('\n').filter(Boolean).map((file) => file.slice(dir.length + 1)).sort();
    const before = pages('docs');
    const added = await addVersion([NEW, '--source', FIXTURE]);
    assert.equal(added.code, 0, show(added));
    assert.match(added.stdout, new RegExp(`Added ${NEW.replaceAll('.', '\\.')} as the current version`));
    const changed = changedFiles();
    const expected = ['chart-versions.json', 'versions.json', `versioned_sidebars/version-${CURRENT}-sidebars.json`, ...before.map((file) => `versioned_docs/version-${CURRENT}/${file}`)].sort();
    assert.deepEqual(changed, expected);
    assert.equal(manifestVersions()[0].version, NEW);
    assert.deepEqual(readJson<string[]>(path.join(site, 'versions.json')), [CURRENT, ...originalSnapshots]);
  });

  test(`${NEW_PATCH}: replaces ${NEW} in place; the generated pages name the patch; only the manifest changes`, async () => {
    const added = await addVersion([NEW_PATCH, '--source', FIXTURE]);
    assert.equal(added.code, 0, show(added));
    assert.deepEqual(changedFiles(), ['chart-versions.json']);
    const versions = manifestVersions().map((entry) => entry.version);
    assert.equal(versions[0], NEW_PATCH);
    assert.ok(!versions.includes(NEW), `${NEW} is replaced`);
    assert.match(readFileSync(path.join(site, 'docs', 'defaults.mdx'), 'utf8'), new RegExp(`title: Default values of ${NEW_PATCH.replaceAll('.', '\\.')}\\n`));
    assert.equal(readIndexedFieldsSync(partialsDirOf(path.join(site, 'docs'))).index.version, NEW_PATCH);
  });

  test(`${OLDER_PATCH}: replaces the documented ${OLDER}; its snapshot, sidebar and place in versions.json follow`, async () => {
    const before = git('ls-files', `versioned_docs/version-${OLDER}`).split('\n').filter(Boolean);
    const added = await addVersion([OLDER_PATCH, '--source', path.join(CHART_SOURCE, OLDER)]);
    assert.equal(added.code, 0, show(added));
    const changed = changedFiles();
    const moved = before.map((file) => file.replace(`version-${OLDER}/`, `version-${OLDER_PATCH}/`));
    assert.deepEqual(changed, ['chart-versions.json', 'versions.json', `versioned_sidebars/version-${OLDER_PATCH}-sidebars.json`, ...moved].sort(), 'the renamed files (git shows a rename by its new name)');
    assert.ok(readJson<string[]>(path.join(site, 'versions.json')).includes(OLDER_PATCH));
    assert.ok(!existsSync(path.join(site, 'versioned_docs', `version-${OLDER}`)));
  });

  test('what cannot be added fails with a clear message and changes nothing', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[NEW_PATCH, '--source', FIXTURE], /is already in chart-versions\.json$/mu],
      [[HISTORY, '--history-only', '--source', FIXTURE], /is already in chart-versions\.json$/mu],
      [['latest', '--source', FIXTURE], /"latest" is not a release version/u],
      [[next(RELEASES[0], 5), '--source', path.join(tmp, 'nowhere')], /nowhere\/values\.schema\.json: file not found/u],
      [[`${minorOf(NEW_PATCH)}.0`, '--source', FIXTURE], /documents the .* releases: a release of that minor replaces it only when newer/u],
    ];
    for (const [args, message] of cases) {
      const result = await addVersion(args);
      assert.equal(result.code, 1, show(result));
      assert.match(result.stderr, message, show(result));
      assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
      assert.deepEqual(changedFiles(), [], `${args.join(' ')}: nothing changed`);
    }
  });

  test('every documented version has its reference; the site builds, each release where it belongs', {timeout: 30 * 60_000}, async () => {
    const documented = [NEW_PATCH, ...readJson<string[]>(path.join(site, 'versions.json'))];
    for (const version of documented) {
      const dir = partialsDirOf(version === NEW_PATCH ? path.join(site, 'docs') : path.join(site, 'versioned_docs', `version-${version}`));
      assert.equal(readIndexedFieldsSync(dir).index.version, version, `${path.relative(site, dir)}/${INDEX_FILE} is ${version}'s`);
      assert.ok(existsSync(path.join(publishedDirFor(site, version), 'vcluster.schema.json')), `${version}: published schema`);
    }
    const out = path.join(tmp, 'build');
    const result = await run('flock', ['/tmp/docs-build.lock', 'npx', 'docusaurus', 'build', '--out-dir', out], {cwd: site, env: env(), killAfterMs: 30 * 60_000});
    assert.equal(result.code, 0, show(result));
    assert.ok(readFileSync(path.join(out, 'docs', 'control-plane.html'), 'utf8').includes(NEW_PATCH), `the current pages are labelled ${NEW_PATCH}`);
    for (const version of documented.slice(1)) assert.ok(existsSync(path.join(out, 'docs', version, 'control-plane.html')), `/docs/${version}/ built`);
    // Its pages are served at /docs/; its own path holds only the redirects of their permanent addresses (src/siteVersions.ts).
    const permalink = path.join(out, 'docs', NEW_PATCH, 'control-plane', 'index.html');
    assert.ok(!existsSync(path.join(out, 'docs', NEW_PATCH, 'control-plane.html')), `the current version's pages are not built under /docs/${NEW_PATCH}/`);
    assert.match(readFileSync(permalink, 'utf8'), /<meta http-equiv="refresh"[^>]*docs\/control-plane/u, `/docs/${NEW_PATCH}/control-plane leads to /docs/control-plane`);
    // Its predecessor in the line is the history-only release: it still gets its what-changed page, compared with it.
    const changes = readFileSync(path.join(out, 'docs', 'changes.html'), 'utf8');
    assert.ok(changes.includes(`What changed in ${NEW_PATCH}`) && changes.includes(`Compared with ${HISTORY}`), 'the what-changed page of a release after a history-only one');
    const releases = JSON.parse(readFileSync(path.join(out, 'schemas', 'releases.json'), 'utf8')) as {releases: string[]; documented: string[]};
    assert.ok(releases.releases.includes(HISTORY) && !releases.releases.includes(NEW), 'the release data follows the manifest');
    assert.deepEqual(releases.documented, documented);
  });
});
