import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {Releases, type ReleasesData} from '../../src/reference/releases';
import {RELEASES_URL} from '../../src/reference/urls';

export const projectRoot = path.resolve(__dirname, '../..');

/**
 * The address the tests' production builds are given (a production build needs one: src/siteAddress.ts).
 * `.test` is reserved for testing: nothing the build writes with it can be mistaken for the real site.
 */
export const TEST_SITE_URL = 'https://vcluster-docs.test';

/** The production build the browser tests read (made by `npm test` before the tests run). */
export function builtSite(): string {
  const dir = process.env.SITE_BUILD_DIR ?? path.join(projectRoot, 'build');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no site build in ${dir}: run "npm run build" first (npm test does it)`);
  }
  return dir;
}

const lines = new Map<string, Releases>();

/** The release data a build publishes (every release's fields, and the routes that show them). */
export function builtReleases(dir = builtSite()): Releases {
  let releases = lines.get(dir);
  if (!releases) {
    releases = new Releases(JSON.parse(readFileSync(path.join(dir, RELEASES_URL), 'utf8')) as ReleasesData);
    lines.set(dir, releases);
  }
  return releases;
}

/** The route of a docs version's page with the most fields, from the release data's routes. */
export function pageWithMostFields(version: string): string {
  const count = new Map<string, number>();
  for (const field of builtReleases().fieldsOf(version)) if (field.route) count.set(field.route, (count.get(field.route) ?? 0) + 1);
  return [...count].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}
