/**
 * The releases the tests run on, from the manifest (chart-versions.json) and
 * Docusaurus's snapshots, never written into a test: adding a release
 * changes what they cover, not their code.
 *
 * Tests that loop over versions take a sample by default: the current docs
 * version, the oldest documented one, and a documented one that follows a
 * history-only release (when there is one); tests over chart files add the
 * newest and the oldest release of the line. `TEST_ALL_VERSIONS=1` runs
 * every documented version, and every release.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {CHART_SCHEMA_FILE, CHART_VALUES_FILE} from '../../src/reference/files';
import {documentedVersionsSync, readManifestSync, releaseLineOf} from '../../src/reference/manifest';
import type {ReleaseLine} from '../../src/reference/releases';
import {CHART_SOURCE, PROJECT_ROOT} from './chart';

export const ALL_VERSIONS = process.env.TEST_ALL_VERSIONS === '1';

const manifest = readManifestSync(PROJECT_ROOT);

/** Documented versions, newest first; the first is current. */
export const DOCUMENTED: readonly string[] = documentedVersionsSync(PROJECT_ROOT, manifest);
export const CURRENT = DOCUMENTED[0];
export const OLDEST_DOCUMENTED = DOCUMENTED.at(-1)!;

/** Every release of the manifest, oldest first, with which are documented. */
export const LINE: ReleaseLine = releaseLineOf(manifest, DOCUMENTED);

/** Every release, newest first; each must be in CHART_SOURCE. */
export const RELEASES: readonly string[] = (() => {
  const releases = [...LINE.releases].reverse();
  for (const version of releases) {
    const dir = path.join(CHART_SOURCE, version);
    if (!existsSync(path.join(dir, CHART_SCHEMA_FILE)) || !existsSync(path.join(dir, CHART_VALUES_FILE))) {
      throw new Error(`${dir} has no ${CHART_SCHEMA_FILE} + ${CHART_VALUES_FILE}: set CHART_SOURCE to the directory holding <version>/ for ${releases.join(', ')}`);
    }
  }
  return releases;
})();

/** A documented version whose predecessor in the line is history-only, if any. */
export const AFTER_GAP: string | undefined = DOCUMENTED.find((version) => {
  const before = LINE.releases[LINE.releases.indexOf(version) - 1];
  return before !== undefined && !DOCUMENTED.includes(before);
});

const unique = (versions: ReadonlyArray<string | undefined>): string[] => [...new Set(versions.filter((version): version is string => version !== undefined))];

/** The documented versions a looping test covers, newest first. */
export const SAMPLE_DOCUMENTED: readonly string[] = ALL_VERSIONS ? DOCUMENTED : DOCUMENTED.filter((version) => unique([CURRENT, OLDEST_DOCUMENTED, AFTER_GAP]).includes(version));

/** The releases a test over chart files covers, newest first: the documented sample, and the line's newest and oldest. */
export const SAMPLE_RELEASES: readonly string[] = ALL_VERSIONS ? RELEASES : RELEASES.filter((version) => unique([...SAMPLE_DOCUMENTED, RELEASES[0], RELEASES.at(-1)]).includes(version));

/** The documented version before `version`, if any. */
export function previousDocumented(version: string): string | undefined {
  return DOCUMENTED[DOCUMENTED.indexOf(version) + 1];
}
