/** The version manifest and the docs layout (src/reference/manifest.ts, files.ts). */
import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import {docsDirFor, partialsDirFor, snapshotVersionOf} from '../../src/reference/files';
import {currentVersion, documentedVersionsOf, manifestText, parseManifest, readManifestSync, withRelease} from '../../src/reference/manifest';
import {docsRoute, versionRoutePath} from '../../src/reference/urls';
import {execFileSync} from 'node:child_process';
import {GENERATED_PAGE_FILES} from '../../src/generator/pages/registry';
import {PROJECT_ROOT} from '../support/chart';
import {CURRENT, DOCUMENTED} from '../support/versions';

const file = (name: string) => ({url: `https://example.org/${name}`, sha256: 'a'.repeat(64)});
const entry = (version: string, extra: object = {}) => ({version, files: {'values.schema.json': file('s'), 'values.yaml': file('v')}, ...extra});

describe('the manifest', () => {
  test("the project's own manifest is valid, newest first", () => {
    const manifest = readManifestSync(PROJECT_ROOT);
    assert.ok(manifest.versions.length >= 3);
    assert.equal(currentVersion(manifest), manifest.versions.find((candidate) => !candidate.historyOnly)!.version);
  });

  test('bad manifests fail naming the file and the entry', () => {
    assert.throws(() => parseManifest({versions: []}, 'm.json'), /m\.json: "versions": must list at least one version/u);
    assert.throws(() => parseManifest({versions: [entry('1.0.0'), entry('1.0.0')]}, 'm.json'), /versions\[1\]: version 1\.0\.0 is listed twice/u);
    assert.throws(
      () => parseManifest({versions: [{version: '1.0.0', files: {'values.yaml': {url: 'x', sha256: 'nothex'}}}]}, 'm.json'),
      /versions\[0\]\.files\["values\.yaml"\]: needs a "url" and a 64-digit hex "sha256"/u,
    );
    assert.throws(() => parseManifest({versions: [entry('1.0.0', {historyOnly: true})]}, 'm.json'), /one version with docs/u);
    assert.throws(() => parseManifest({versions: [entry('latest')]}, 'm.json'), /versions\[0\]: "latest" is not a release version/u);
    assert.throws(() => parseManifest({versions: [entry('1.0.0'), entry('1.1.0')]}, 'm.json'), /versions\[1\]: 1\.1\.0 must come after 1\.0\.0: the manifest lists releases newest first/u);
  });

  test('a release takes its place newest first; a patch can replace its minor\'s release', () => {
    const manifest = parseManifest({chart: 'c', versions: [entry('1.2.0'), entry('1.0.0')]}, 'm');
    assert.deepEqual(withRelease(manifest, entry('1.1.0', {historyOnly: true})).versions.map((candidate) => candidate.version), ['1.2.0', '1.1.0', '1.0.0']);
    assert.deepEqual(withRelease(manifest, entry('1.3.0')).versions.map((candidate) => candidate.version), ['1.3.0', '1.2.0', '1.0.0']);
    assert.deepEqual(withRelease(manifest, entry('0.9.0')).versions.map((candidate) => candidate.version), ['1.2.0', '1.0.0', '0.9.0']);
    assert.deepEqual(withRelease(manifest, entry('1.2.1'), '1.2.0').versions.map((candidate) => candidate.version), ['1.2.1', '1.0.0']);
    assert.deepEqual(parseManifest(JSON.parse(manifestText(withRelease(manifest, entry('1.1.0')))), 'm').versions.length, 3, 'written as it is read');
  });

  test('history-only releases are never current and never documented', () => {
    const manifest = parseManifest({chart: 'c', versions: [entry('1.2.1', {historyOnly: true}), entry('1.2.0'), entry('1.1.5', {historyOnly: true}), entry('1.1.0'), entry('1.0.0')]}, 'm');
    assert.equal(currentVersion(manifest), '1.2.0');
    assert.deepEqual(documentedVersionsOf(manifest, ['1.1.0', '1.1.5']), ['1.2.0', '1.1.0']);
  });
});

describe('the docs layout', () => {
  test('the generated pages are the generator\'s files in every docs folder: gitignored, never committed', () => {
    const folders = [docsDirFor(PROJECT_ROOT, CURRENT, CURRENT), ...DOCUMENTED.filter((version) => version !== CURRENT).map((version) => docsDirFor(PROJECT_ROOT, version, CURRENT))];
    const files = folders.flatMap((folder) => GENERATED_PAGE_FILES.map((name) => path.relative(PROJECT_ROOT, path.join(folder, name))));
    const ignored = execFileSync('git', ['check-ignore', '--no-index', ...files], {cwd: PROJECT_ROOT, encoding: 'utf8'}).split('\n').filter(Boolean);
    assert.deepEqual(ignored.sort(), files.sort());
    assert.deepEqual(execFileSync('git', ['ls-files', ...files], {cwd: PROJECT_ROOT, encoding: 'utf8'}), '', 'none is tracked');
  });

  test('the current version in docs/, the others in their snapshot', () => {
    assert.equal(docsDirFor('/site', '2.0.0', '2.0.0'), path.join('/site', 'docs'));
    assert.equal(partialsDirFor('/site', '1.0.0', '2.0.0'), path.join('/site', 'versioned_docs', 'version-1.0.0', '_partials', 'config'));
    assert.equal(snapshotVersionOf(path.join('versioned_docs', 'version-1.0.0', 'sync.mdx')), '1.0.0');
    assert.equal(snapshotVersionOf(path.join('docs', 'sync.mdx')), undefined);
  });

  test('routes: /docs for the current version, /docs/<version> for the others', () => {
    assert.equal(versionRoutePath('2.0.0', '2.0.0'), '');
    assert.equal(docsRoute('2.0.0', '2.0.0', 'sync'), '/docs/sync');
    assert.equal(docsRoute('1.0.0', '2.0.0', ''), '/docs/1.0.0');
    assert.equal(docsRoute('1.0.0', '2.0.0', 'control-plane'), '/docs/1.0.0/control-plane');
  });
});
