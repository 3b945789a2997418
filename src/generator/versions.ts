import {readFile} from 'node:fs/promises';
import path from 'node:path';

/** The committed list of docs versions (chart-versions.json): newest first, the first one is current. */
export interface VersionManifest {
  chart: string;
  versions: Array<{
    version: string;
    files: Record<string, {url: string; sha256: string}>;
  }>;
}

export const MANIFEST_FILE = 'chart-versions.json';

export async function readManifest(projectDir: string, manifestFile?: string): Promise<VersionManifest> {
  const file = path.resolve(projectDir, manifestFile ?? MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as VersionManifest;
  if (!Array.isArray(manifest.versions) || manifest.versions.length === 0) throw new Error(`${file}: "versions" must list at least one version`);
  return manifest;
}

export function currentVersion(manifest: VersionManifest): string {
  return manifest.versions[0].version;
}

/** Versions that have docs: the current one, plus those Docusaurus has snapshots of (versions.json). */
export async function documentedVersions(projectDir: string, manifest: VersionManifest): Promise<string[]> {
  let snapshots: string[] = [];
  try {
    snapshots = JSON.parse(await readFile(path.join(projectDir, 'versions.json'), 'utf8')) as string[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const known = manifest.versions.map((entry) => entry.version);
  return known.filter((version, index) => index === 0 || snapshots.includes(version));
}

/** Where a version's partials go: the current version's in docs/, the others' in their Docusaurus snapshot. */
export function partialsDirFor(projectDir: string, manifest: VersionManifest, version: string): string {
  const docsDir = version === currentVersion(manifest) ? 'docs' : path.join('versioned_docs', `version-${version}`);
  return path.join(projectDir, docsDir, '_partials', 'config');
}
