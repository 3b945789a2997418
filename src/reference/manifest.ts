/**
 * The version manifest and Docusaurus's snapshot list (files.ts
 * `MANIFEST_FILE`, `SNAPSHOTS_FILE`): which releases the site knows, which have docs, which is
 * current. One validator, read sync (build plugins, remark) or async (the CLI).
 */
import {existsSync, readFileSync, statSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {MANIFEST_FILE, SNAPSHOTS_FILE} from './files';
import {RELEASE_VERSION, compareVersions, type ReleaseLine} from './releases';

export interface ReleaseFile {
  url: string;
  sha256: string;
}

export interface ManifestEntry {
  version: string;
  files: Record<string, ReleaseFile>;
  /** A release with no docs pages of its own: it counts for field history only. */
  historyOnly?: boolean;
}

/** Newest release first; the first entry that is not history-only is the current docs version. */
export interface VersionManifest {
  chart: string;
  versions: ManifestEntry[];
}

/** Checks a parsed manifest; errors name the file and the entry. */
export function parseManifest(json: unknown, file: string): VersionManifest {
  const fail = (where: string, problem: string): never => {
    throw new Error(`${file}: ${where}: ${problem}`);
  };
  if (!json || typeof json !== 'object') fail('(top level)', 'must be an object');
  const {versions} = json as {versions?: unknown};
  if (!Array.isArray(versions) || versions.length === 0) return fail('"versions"', 'must list at least one version');
  const seen = new Set<string>();
  versions.forEach((entry: Partial<ManifestEntry>, i) => {
    const where = `versions[${i}]`;
    if (typeof entry?.version !== 'string' || !entry.version) fail(where, 'needs a "version"');
    if (!RELEASE_VERSION.test(entry.version!)) fail(where, `"${entry.version}" is not a release version such as 0.36.1`);
    if (seen.has(entry.version!)) fail(where, `version ${entry.version} is listed twice`);
    const newer = versions[i - 1] as Partial<ManifestEntry> | undefined;
    if (typeof newer?.version === 'string' && compareVersions(newer.version, entry.version!) <= 0) fail(where, `${entry.version} must come after ${newer.version}: the manifest lists releases newest first`);
    seen.add(entry.version!);
    if (!entry.files || typeof entry.files !== 'object') fail(where, 'needs "files"');
    // A file may be left out (a site that never downloads); one that is listed must be complete.
    for (const [name, release] of Object.entries(entry.files!)) {
      if (typeof release?.url !== 'string' || !/^[0-9a-f]{64}$/u.test(release.sha256 ?? '')) {
        fail(`${where}.files["${name}"]`, 'needs a "url" and a 64-digit hex "sha256"');
      }
    }
    if (entry.historyOnly !== undefined && typeof entry.historyOnly !== 'boolean') fail(`${where}.historyOnly`, 'must be true or false');
  });
  if (versions.every((entry: ManifestEntry) => entry.historyOnly)) fail('"versions"', 'must have one version with docs (not historyOnly)');
  return json as VersionManifest;
}

export async function readManifest(siteDir: string, manifestFile?: string): Promise<VersionManifest> {
  const file = path.resolve(siteDir, manifestFile ?? MANIFEST_FILE);
  return parseManifest(JSON.parse(await readFile(file, 'utf8')), file);
}

const manifestCache = new Map<string, {mtimeMs: number; manifest: VersionManifest}>();

/** The same, synchronously, cached until the file's modification time changes. */
export function readManifestSync(siteDir: string): VersionManifest {
  const file = path.join(siteDir, MANIFEST_FILE);
  const {mtimeMs} = statSync(file);
  const cached = manifestCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.manifest;
  const manifest = parseManifest(JSON.parse(readFileSync(file, 'utf8')), file);
  manifestCache.set(file, {mtimeMs, manifest});
  return manifest;
}

/** The manifest with `entry` in its place among the releases (newest first), `replacing` (a release of the same minor) taken out. */
export function withRelease(manifest: VersionManifest, entry: ManifestEntry, replacing?: string): VersionManifest {
  const versions = manifest.versions.filter((candidate) => candidate.version !== entry.version && candidate.version !== replacing);
  const at = versions.findIndex((candidate) => compareVersions(candidate.version, entry.version) < 0);
  versions.splice(at < 0 ? versions.length : at, 0, entry);
  return {...manifest, versions};
}

/** The manifest as it is written: two-space JSON, its other keys kept. */
export function manifestText(manifest: VersionManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The current docs version: the newest release that has docs. */
export function currentVersion(manifest: VersionManifest): string {
  return manifest.versions.find((entry) => !entry.historyOnly)!.version;
}

/** Every release in the manifest, newest first (history-only ones included). */
export function allReleases(manifest: VersionManifest): string[] {
  return manifest.versions.map((entry) => entry.version);
}

/** The release line (releases.ts) of the manifest, given the documented versions (newest first). */
export function releaseLineOf(manifest: VersionManifest, documented: readonly string[]): ReleaseLine {
  return {releases: allReleases(manifest).reverse(), documented: [...documented]};
}

function parseSnapshots(text: string, file: string): string[] {
  const snapshots = JSON.parse(text) as unknown;
  if (!Array.isArray(snapshots) || !snapshots.every((entry) => typeof entry === 'string')) throw new Error(`${file}: must be a list of version names`);
  return snapshots;
}

/** Docusaurus's snapshots (versions.json), or none. */
export function readSnapshotsSync(siteDir: string): string[] {
  const file = path.join(siteDir, SNAPSHOTS_FILE);
  return existsSync(file) ? parseSnapshots(readFileSync(file, 'utf8'), file) : [];
}

export async function readSnapshots(siteDir: string): Promise<string[]> {
  const file = path.join(siteDir, SNAPSHOTS_FILE);
  try {
    return parseSnapshots(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Versions that have docs, newest first: the current one, plus those Docusaurus has snapshots of. */
export function documentedVersionsOf(manifest: VersionManifest, snapshots: readonly string[]): string[] {
  const current = currentVersion(manifest);
  return manifest.versions
    .filter((entry) => !entry.historyOnly)
    .map((entry) => entry.version)
    .filter((version) => version === current || snapshots.includes(version));
}

export async function documentedVersions(siteDir: string, manifest: VersionManifest): Promise<string[]> {
  return documentedVersionsOf(manifest, await readSnapshots(siteDir));
}

export function documentedVersionsSync(siteDir: string, manifest: VersionManifest): string[] {
  return documentedVersionsOf(manifest, readSnapshotsSync(siteDir));
}
