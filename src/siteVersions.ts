import type {Options as DocsOptions} from '@docusaurus/plugin-content-docs';
import {currentVersion, documentedVersionsOf, readManifestSync, readSnapshotsSync, releaseLineOf} from './reference/manifest';
import {supportedReleases} from './reference/releases';
import {currentPageRoute, permalinkRoute, versionRoutePath} from './reference/urls';

/** The documented releases by standing, newest first, for the version menu and the banners (site config `customFields.releases`). */
export interface ReleaseGroups {
  current: string;
  supported: string[];
  archived: string[];
}

export function releaseGroups(siteDir: string): ReleaseGroups {
  const manifest = readManifestSync(siteDir);
  const documented = documentedVersionsOf(manifest, readSnapshotsSync(siteDir));
  const supported = supportedReleases(releaseLineOf(manifest, documented));
  return {current: currentVersion(manifest), supported, archived: documented.filter((version) => !supported.includes(version))};
}

/**
 * The docs plugin's version options, from the two committed lists:
 * the version manifest (its current release's pages live in docs/) and
 * Docusaurus's versions.json (snapshots of older releases in versioned_docs/).
 * The current release is served at /docs/, older ones at /docs/<version>/.
 */
export function docsVersionOptions(siteDir: string): Pick<DocsOptions, 'lastVersion' | 'versions' | 'onlyIncludeVersions'> {
  const current = currentVersion(readManifestSync(siteDir));
  const snapshots = readSnapshotsSync(siteDir);
  const {archived} = releaseGroups(siteDir);
  // DOCS_VERSIONS=current (or a comma list) builds fewer versions, for quick previews while writing.
  const only = process.env.DOCS_VERSIONS?.split(',').map((name) => name.trim()).filter(Boolean);
  return {
    lastVersion: 'current',
    versions: {
      current: {label: current, path: versionRoutePath(current, current)},
      // Archived releases carry the end-of-life banner (src/theme/DocVersionBanner); supported older ones a note.
      ...Object.fromEntries(snapshots.map((version) => [version, {label: version, path: versionRoutePath(version, current), banner: archived.includes(version) ? ('unmaintained' as const) : ('none' as const)}])),
    },
    ...(only?.length ? {onlyIncludeVersions: only} : {}),
  };
}

/**
 * The permanent address of each page of the current release (src/reference/urls.ts permalinkRoute), for
 * the client-redirects plugin: given a route the site has, the address under the release's own path that
 * leads to it (`/docs/sync` → `/docs/0.36.1/sync`), or nothing for a route that is no page of the current
 * release. Routes are relative to the baseUrl.
 */
export function currentReleasePermalinks(siteDir: string): (existingPath: string) => string[] | undefined {
  const current = currentVersion(readManifestSync(siteDir));
  const snapshots = readSnapshotsSync(siteDir);
  return (existingPath) => {
    const route = currentPageRoute(existingPath, snapshots);
    return route === undefined ? undefined : [permalinkRoute(current, route)];
  };
}
