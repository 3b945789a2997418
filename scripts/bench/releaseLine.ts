/**
 * gen-partials for the site with the whole release line against the same
 * run with only the documented releases in the manifest, each in a copy of
 * the project of its own (so neither rewrites the other's output), warm:
 * after one run that fills the bundle and the field-state cache. Runs are
 * interleaved so that machine noise hits both alike.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {MANIFEST_FILE} from '../../src/reference/files';
import {documentedVersionsOf, manifestText, readSnapshotsSync, type VersionManifest} from '../../src/reference/manifest';
import {copyProject} from '../../test/support/projectCopy';

function timeGenPartials(site: string, source: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/gen-partials.mjs', '--source', source, '--quiet'], {cwd: site, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`gen-partials in ${site} failed:\n${result.stderr}`);
  return performance.now() - started;
}

export interface ReleaseLineBench {
  releases: number;
  documented: number;
  runs: number;
  wholeLineMs: number;
  documentedOnlyMs: number;
  ratio: number;
}

export function benchReleaseLine(root: string, source: string, runs: number, median: (values: number[]) => number): ReleaseLineBench {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-line-'));
  try {
    const whole = path.join(tmp, 'whole');
    const documentedOnly = path.join(tmp, 'documented');
    copyProject(whole);
    copyProject(documentedOnly);
    const manifest = JSON.parse(readFileSync(path.join(root, MANIFEST_FILE), 'utf8')) as VersionManifest;
    const documented = documentedVersionsOf(manifest, readSnapshotsSync(root));
    writeFileSync(path.join(documentedOnly, MANIFEST_FILE), manifestText({...manifest, versions: manifest.versions.filter((entry) => documented.includes(entry.version))}));
    // Warm: the bundle built, history-only releases' states cached.
    timeGenPartials(whole, source);
    timeGenPartials(documentedOnly, source);
    const [wholeRuns, documentedRuns]: [number[], number[]] = [[], []];
    for (let run = 0; run < runs; run++) {
      wholeRuns.push(timeGenPartials(whole, source));
      documentedRuns.push(timeGenPartials(documentedOnly, source));
    }
    const [wholeLineMs, documentedOnlyMs] = [median(wholeRuns), median(documentedRuns)];
    return {releases: manifest.versions.length, documented: documented.length, runs, wholeLineMs, documentedOnlyMs, ratio: wholeLineMs / documentedOnlyMs};
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
}
