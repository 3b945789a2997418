/**
 * Field history in gen-partials: a history-only release (one the manifest
 * lists with `historyOnly`, no docs of its own) counts for history. On a
 * temporary project with the real releases and a fixture release just
 * before the newest release that added fields the current one has (a release
 * candidate of it: its chart files under another name; the current release
 * itself when it added fields, its minor's first release when it is a patch),
 * the fields that release added get "since" the candidate.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {sha256} from '../../src/generator/load/download';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {CHART_SCHEMA_FILE, CHART_VALUES_FILE, MANIFEST_FILE, SNAPSHOTS_FILE, partialsDirFor} from '../../src/reference/files';
import type {VersionManifest} from '../../src/reference/manifest';
import {CHART_SOURCE, PROJECT_ROOT} from '../support/chart';
import {CURRENT, DOCUMENTED, LINE, RELEASES} from '../support/versions';

/** Each field of the current release, by path, as the real build made it. */
const currentFields = () => readIndexedFieldsSync(partialsDirFor(PROJECT_ROOT, CURRENT, CURRENT), CURRENT).byPath;
/** The newest release, up to the current one, that added fields the current one has. */
const ADDING = (() => {
  const sinces = new Set([...currentFields().values()].map((record) => record.since));
  return LINE.releases.slice(0, LINE.releases.indexOf(CURRENT) + 1).reverse().find((version) => sinces.has(version))!;
})();
const BETWEEN = `${ADDING}-rc.1`;
let tmp: string;
let project: string;
let source: string;

function genPartials(args: string[]) {
  const main = path.join(tmp, 'main.ts');
  writeFileSync(main, `import {runCli} from ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'generator', 'cli.ts'))};\nrunCli(process.argv.slice(2), ${JSON.stringify(project)}).then(({exitCode}) => { process.exitCode = exitCode; });\n`);
  return spawnSync(process.execPath, ['--import', 'tsx', main, '--source', source, ...args], {cwd: PROJECT_ROOT, encoding: 'utf8'});
}

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'history-only-'));
  project = path.join(tmp, 'project');
  source = path.join(tmp, 'charts');
  mkdirSync(project);
  mkdirSync(path.join(source, BETWEEN), {recursive: true});
  for (const version of RELEASES) symlinkSync(path.join(CHART_SOURCE, version), path.join(source, version), 'dir');
  const files: VersionManifest['versions'][number]['files'] = {};
  for (const name of [CHART_SCHEMA_FILE, CHART_VALUES_FILE]) {
    copyFileSync(path.join(CHART_SOURCE, ADDING, name), path.join(source, BETWEEN, name));
    files[name] = {url: `https://example.org/${BETWEEN}/${name}`, sha256: sha256(readFileSync(path.join(source, BETWEEN, name)))};
  }
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, MANIFEST_FILE), 'utf8')) as VersionManifest;
  // Newest first: the candidate goes right after (below) the release it is a candidate of.
  manifest.versions.splice(manifest.versions.findIndex((entry) => entry.version === ADDING) + 1, 0, {version: BETWEEN, files, historyOnly: true});
  writeFileSync(path.join(project, MANIFEST_FILE), JSON.stringify(manifest));
  copyFileSync(path.join(PROJECT_ROOT, SNAPSHOTS_FILE), path.join(project, SNAPSHOTS_FILE));
});

after(() => rmSync(tmp, {recursive: true, force: true}));

describe('a history-only release', () => {
  test('moves the since of the fields it has to it, and gets no docs of its own', () => {
    const result = genPartials(['--quiet']);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes(`(${DOCUMENTED.join(', ')})`), 'the documented versions only');
    const current = CURRENT;
    // The newest release before it that added fields the current release has.
    const sinces = new Set([...currentFields().values()].map((record) => record.since));
    const previous = LINE.releases.slice(0, LINE.releases.indexOf(ADDING)).reverse().find((version) => sinces.has(version))!;
    const withIt = readIndexedFieldsSync(partialsDirFor(project, current, current), current).index.fields;
    const without = currentFields();
    const moved = withIt.filter((record) => without.get(record.path)?.since === ADDING);
    assert.ok(moved.length > 0, `the real ${current} has fields added in ${ADDING}`);
    for (const record of moved) assert.equal(record.since, BETWEEN, record.path);
    // Fields added in the release before keep their since: the candidate is newer.
    const older = withIt.filter((record) => without.get(record.path)?.since === previous);
    assert.ok(older.length > 0 && older.every((record) => record.since === previous));
    console.log(`${moved.length} fields of ${current} (added in ${ADDING}) are since ${BETWEEN} with it, ${older.length} still since ${previous}`);
  });

  test('cannot be generated as a docs version', () => {
    const result = genPartials(['--version', BETWEEN]);
    assert.equal(result.status, 2);
    assert.ok(result.stderr.includes(`${BETWEEN} has no docs of its own: chart-versions.json lists it for field history only`), result.stderr);
  });
});
