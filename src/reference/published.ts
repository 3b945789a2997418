/**
 * A field as code in the browser sees it in one release (the config
 * checker, the missing-field notice): what the release data (releases.ts,
 * published at urls.ts `RELEASES_URL`) says of it there, its route and its
 * history. No evidence, no descriptions.
 */
export type {ReleaseFieldAt as PublishedField} from './releases';
