/**
 * A warm build re-checks pages when only the chart changes. The remark
 * plugins read each version's schema copy and field index; the
 * referenceDependencies plugin declares those files as dependencies of every
 * page, so the bundler's persistent cache does not keep an unchanged page's
 * old verdict. On a copy of the project (own bundler cache, current version
 * only): a cold build passes; the schema copy is then edited so that the
 * examples on unchanged pages no longer validate, and the warm build must
 * fail naming them. Builds run under `flock /tmp/docs-build.lock`.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {SCHEMA_COPY_FILE, partialsDirFor} from '../../src/reference/files';
import {currentVersion, readManifestSync} from '../../src/reference/manifest';
import {TEST_SITE_URL} from '../support/buildDir';
import {copyProject} from '../support/projectCopy';
import {CHART_SOURCE, PROJECT_ROOT} from '../support/remarkSite';

let tmp: string | undefined;
let site: string;

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'warm-build-'));
  site = path.join(tmp, 'site');
  copyProject(site);
});

after(() => {
  if (tmp) rmSync(tmp, {recursive: true, force: true});
});

function build(): {status: number | null; output: string; seconds: number} {
  const started = Date.now();
  const {DOCUSAURUS_NO_PERSISTENT_CACHE: _cacheOff, ...inherited} = process.env;
  const result = spawnSync('flock', ['/tmp/docs-build.lock', 'npx', 'docusaurus', 'build', '--out-dir', path.join(tmp!, 'out')], {
    cwd: site,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {...inherited, DOCS_VERSIONS: 'current', NODE_ENV: 'production', DOCS_URL: process.env.DOCS_URL ?? TEST_SITE_URL},
  });
  return {status: result.status, output: `${result.stdout}\n${result.stderr}`, seconds: Math.round((Date.now() - started) / 1000)};
}

test('a warm build re-validates unchanged pages when the schema copy changes', {timeout: 20 * 60_000}, () => {
  const generated = spawnSync(process.execPath, ['scripts/gen-partials.mjs', '--quiet', '--source', CHART_SOURCE], {cwd: site, encoding: 'utf8'});
  assert.equal(generated.status, 0, generated.stderr);

  const cold = build();
  console.log(`cold build of the copy: exit ${cold.status} after ${cold.seconds} s`);
  assert.equal(cold.status, 0, cold.output.slice(-4000));
  assert.ok(existsSync(path.join(site, 'node_modules', '.cache', 'rspack')), 'the cold build left a persistent cache');

  // The schema copy, not any page: `controlPlane` may now only be a string.
  const current = currentVersion(readManifestSync(PROJECT_ROOT));
  const schemaFile = path.join(partialsDirFor(site, current, current), SCHEMA_COPY_FILE);
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {properties: Record<string, unknown>};
  schema.properties.controlPlane = {type: 'string'};
  writeFileSync(schemaFile, JSON.stringify(schema));

  const warm = build();
  console.log(`warm build after the schema change: exit ${warm.status} after ${warm.seconds} s`);
  assert.notEqual(warm.status, 0, `the warm build must fail; output:\n${warm.output.slice(-4000)}`);
  assert.match(warm.output, /invalid vcluster\.yaml example/u, warm.output.slice(-4000));
  assert.match(warm.output, /docs\/control-plane\/[\w/-]+\.mdx:\d+: controlPlane: must be string/u, 'an unchanged control-plane page is checked again');
});
