/**
 * A link to a field anchor that does not exist fails the production build:
 * a copy of the project (node_modules symlinked) gets a page linking to
 * `#controlPlane-doesNotExist` on the control-plane page, and
 * `docusaurus build` must exit non-zero naming that anchor. The build runs
 * under `flock /tmp/docs-build.lock`, since builds share the machine.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {TEST_SITE_URL} from '../support/buildDir';
import {PROJECT_ROOT, ensureRealReference} from '../support/remarkSite';

const LEFT_OUT = new Set(['node_modules', 'build', '.docusaurus']);

let tmp: string | undefined;

before(() => {
  ensureRealReference();
});

after(() => {
  if (tmp) rmSync(tmp, {recursive: true, force: true});
});

test('a link to a missing field anchor fails `docusaurus build`', {timeout: 20 * 60_000}, () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'remark-broken-anchor-'));
  const site = path.join(tmp, 'site');
  cpSync(PROJECT_ROOT, site, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(PROJECT_ROOT, source);
      return !LEFT_OUT.has(relative.split(path.sep)[0]);
    },
  });
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(site, 'node_modules'), 'dir');
  writeFileSync(
    path.join(site, 'docs', 'zz-broken.mdx'),
    '---\ntitle: Broken anchor\n---\n\nThis links to a field that does not exist: [x](./control-plane/index.mdx#controlPlane-doesNotExist).\n',
  );

  const started = Date.now();
  const result = spawnSync('flock', ['/tmp/docs-build.lock', 'npx', 'docusaurus', 'build', '--out-dir', path.join(tmp, 'out')], {
    cwd: site,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // A clean compile: no persistent bundler cache, which would also land in the shared node_modules/.cache.
    // The current version only: the broken page is there, and `npm test`'s own build checks every version's links.
    env: {...process.env, DOCS_VERSIONS: 'current', DOCUSAURUS_NO_PERSISTENT_CACHE: 'true', NODE_ENV: 'production', DOCS_URL: process.env.DOCS_URL ?? TEST_SITE_URL},
  });
  const output = `${result.stdout}\n${result.stderr}`;
  console.log(`docusaurus build of the copy: exit ${result.status ?? result.signal} after ${Math.round((Date.now() - started) / 1000)} s`);

  assert.notEqual(result.status, 0, `the build must fail; output:\n${output.slice(-4000)}`);
  assert.match(output, /controlPlane-doesNotExist/u, `the failure names the anchor; output:\n${output.slice(-4000)}`);
  assert.match(output, /[Bb]roken anchor/u, `the failure is the broken-anchor check; output:\n${output.slice(-4000)}`);
  // Every page compiled (the config checks passed) and every other link, the generated field links
  // included, points at an anchor that exists: ours is the only broken one.
  const broken = [...output.matchAll(/-> linking to (\S+)/gu)].map((match) => match[1]);
  assert.ok(broken.length > 0, 'the broken anchor is listed');
  assert.deepEqual(
    broken.filter((link) => !link.endsWith('/docs/control-plane#controlPlane-doesNotExist')),
    [],
    'no other broken anchor',
  );
});
