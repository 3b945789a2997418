/**
 * The release data of the whole line (src/reference/releases.ts), fetched
 * once per page load from urls.ts `RELEASES_URL`: what the config checker
 * and the missing-field notice read. Browser code only.
 */
import {Releases, type ReleasesData} from '../reference/releases';
import {RELEASES_URL} from '../reference/urls';

let loading: Promise<Releases> | undefined;

export function loadReleases(withBaseUrl: (url: string) => string): Promise<Releases> {
  if (!loading) {
    loading = fetch(withBaseUrl(RELEASES_URL)).then(async (response) => {
      if (!response.ok) throw new Error(`${RELEASES_URL}: ${response.status} ${response.statusText}`);
      return new Releases((await response.json()) as ReleasesData);
    });
    // A failed load is tried again on the next call.
    loading.catch(() => (loading = undefined));
  }
  return loading;
}
