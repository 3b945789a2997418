import type {Options as DocsOptions} from '@docusaurus/plugin-content-docs';
import {currentVersion, readManifestSync, readSnapshotsSync} from './reference/manifest';
import {versionRoutePath} from './reference/urls';

/**
 * The docs plugin's version options, from the two committed lists:
 * the version manifest (its current release's pages live in docs/) and
 * Docusaurus's versions.json (snapshots of older releases in versioned_docs/).
 * The current release is served at /docs/, older ones at /docs/<version>/.
 */
export function docsVersionOptions(siteDir: string): Pick<DocsOptions, 'lastVersion' | 'versions' | 'onlyIncludeVersions'> {
  const current = currentVersion(readManifestSync(siteDir));
  const snapshots = readSnapshotsSync(siteDir);
  // DOCS_VERSIONS=current (or a comma list) builds fewer versions, for quick previews while writing.
  const only = process.env.DOCS_VERSIONS?.split(',').map((name) => name.trim()).filter(Boolean);
  return {
    lastVersion: 'current',
    versions: {
      current: {label: current, path: versionRoutePath(current, current)},
      ...Object.fromEntries(snapshots.map((version) => [version, {label: version, path: versionRoutePath(version, current), banner: 'unmaintained' as const}])),
    },
    ...(only?.length ? {onlyIncludeVersions: only} : {}),
  };
}
