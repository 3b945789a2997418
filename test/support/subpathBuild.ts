import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {TEST_SITE_URL, projectRoot} from './buildDir';
import {ALL_VERSIONS, CURRENT} from './versions';

let cached: string | undefined;

/**
 * A production build of the site under a non-root base path, as PR previews
 * are built (the partials must already be generated, which `npm test`'s build
 * did). Built once per test process and removed when it exits. With `versions`, only those docs
 * versions are built (all of them with TEST_ALL_VERSIONS=1): a whole build per base path costs minutes.
 */
export function subpathBuild(baseUrl: string, versions?: readonly string[]): string {
  if (cached) return cached;
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'docs-subpath-'));
  const result = spawnSync('flock', ['/tmp/docs-build.lock', 'npx', 'docusaurus', 'build', '--out-dir', outDir], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DOCS_BASE_URL: baseUrl,
      DOCS_URL: TEST_SITE_URL,
      // Docusaurus names the current docs version `current` (src/siteVersions.ts DOCS_VERSIONS).
      ...(versions && !ALL_VERSIONS ? {DOCS_VERSIONS: [...new Set(versions)].map((version) => (version === CURRENT ? 'current' : version)).join(',')} : {}),
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`sub-path build failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
  cached = outDir;
  process.once('exit', () => rmSync(outDir, {recursive: true, force: true}));
  return outDir;
}
