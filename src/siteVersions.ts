import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Options as DocsOptions} from '@docusaurus/plugin-content-docs';

/**
 * The docs plugin's version options, from the two committed lists:
 * chart-versions.json (the first entry is the current release, whose pages
 * live in docs/) and Docusaurus's versions.json (snapshots of older
 * releases in versioned_docs/). The current release is served at /docs/,
 * older ones at /docs/<version>/.
 */
export function docsVersionOptions(siteDir: string): Pick<DocsOptions, 'lastVersion' | 'versions' | 'onlyIncludeVersions'> {
  const manifest = JSON.parse(readFileSync(path.join(siteDir, 'chart-versions.json'), 'utf8')) as {versions: Array<{version: string}>};
  const current = manifest.versions[0].version;
  const snapshotsFile = path.join(siteDir, 'versions.json');
  const snapshots = existsSync(snapshotsFile) ? (JSON.parse(readFileSync(snapshotsFile, 'utf8')) as string[]) : [];
  // DOCS_VERSIONS=current (or a comma list) builds fewer versions, for quick previews while writing.
  const only = process.env.DOCS_VERSIONS?.split(',').map((name) => name.trim()).filter(Boolean);
  return {
    lastVersion: 'current',
    versions: {
      current: {label: current, path: ''},
      ...Object.fromEntries(snapshots.map((version) => [version, {label: version, path: version, banner: 'unmaintained' as const}])),
    },
    ...(only?.length ? {onlyIncludeVersions: only} : {}),
  };
}
