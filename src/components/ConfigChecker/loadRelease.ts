/**
 * Fetching what the site publishes for the checker, once per page load: the
 * release data of the whole line (one file, urls.ts `RELEASES_URL`) and the
 * schema of the release being checked, compiled. Only these files are
 * requested: nothing of the reader's config.
 */
import {compileChartSchema} from '../../reference/chartSchema';
import {PUBLISHED_SCHEMA, publishedUrl} from '../../reference/urls';
import {checkerRelease, type CheckerRelease} from '../../checker/release';
import {loadReleases as loadLine} from '../../lib/releaseData';

type WithBaseUrl = (url: string) => string;

const checkedReleases = new Map<string, Promise<CheckerRelease>>();

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.json();
}

/** A release with its schema compiled, to check a file against. */
export function loadChecked(version: string, withBaseUrl: WithBaseUrl): Promise<CheckerRelease> {
  let loading = checkedReleases.get(version);
  if (!loading) {
    loading = Promise.all([loadLine(withBaseUrl), fetchJson(withBaseUrl(publishedUrl(version, PUBLISHED_SCHEMA)))]).then(([releases, schema]) => {
      const started = performance.now();
      const validate = compileChartSchema(schema as object);
      performance.measure(`config-checker compile ${version}`, {start: started, end: performance.now()});
      return checkerRelease(releases, version, schema, validate);
    });
    checkedReleases.set(version, loading);
    loading.catch(() => checkedReleases.delete(version));
  }
  return loading;
}
