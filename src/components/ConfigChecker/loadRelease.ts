/**
 * Fetching what a release publishes (its field data and schema, static files
 * of the site) and compiling its schema, once per release per page load.
 * Only these files are requested: nothing of the reader's config.
 */
import {compileChartSchema} from '../../reference/chartSchema';
import type {PublishedFields} from '../../reference/published';
import {PUBLISHED_FIELDS, PUBLISHED_SCHEMA, publishedUrl} from '../../reference/urls';
import {checkerRelease, type CheckerRelease} from '../../checker/release';

type WithBaseUrl = (url: string) => string;

const fieldReleases = new Map<string, Promise<CheckerRelease>>();
const checkedReleases = new Map<string, Promise<CheckerRelease>>();

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.json();
}

/** A release's field data alone: enough to tell which keys it has. */
export function loadFields(version: string, withBaseUrl: WithBaseUrl): Promise<CheckerRelease> {
  let loading = fieldReleases.get(version);
  if (!loading) {
    loading = fetchJson(withBaseUrl(publishedUrl(version, PUBLISHED_FIELDS))).then((data) => checkerRelease(data as PublishedFields));
    fieldReleases.set(version, loading);
    loading.catch(() => fieldReleases.delete(version));
  }
  return loading;
}

/** A release with its schema compiled, to check a file against. */
export function loadChecked(version: string, withBaseUrl: WithBaseUrl): Promise<CheckerRelease> {
  let loading = checkedReleases.get(version);
  if (!loading) {
    loading = Promise.all([loadFields(version, withBaseUrl), fetchJson(withBaseUrl(publishedUrl(version, PUBLISHED_SCHEMA)))]).then(([fields, schema]) => {
      const started = performance.now();
      const validate = compileChartSchema(schema as object);
      performance.measure(`config-checker compile ${version}`, {start: started, end: performance.now()});
      return checkerRelease(fields.data, schema, validate);
    });
    checkedReleases.set(version, loading);
    loading.catch(() => checkedReleases.delete(version));
  }
  return loading;
}
