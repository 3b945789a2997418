/**
 * Every file name and path rule of the project's on-disk layout, in one
 * module (Node only; browser code uses urls.ts):
 *
 *   chart-versions.json                     the manifest (manifest.ts)
 *   versions.json                           Docusaurus's list of snapshots
 *   docs/                                   the current version's pages
 *   versioned_docs/version-<v>/             each older version's pages
 *   <docs dir>/_facts.yaml                  curated facts of that version
 *   moves/<release>.yaml                    curated moves and upgrade constraints a release made (moves.ts)
 *   <docs dir>/_partials/config/            the generated reference:
 *     *.mdx, changes.mdx, _defaults.mdx, fields.json, values.schema.json
 *   static/schemas/<v>/                     the published schema, .d.ts and values.yaml of a documented version
 *   static/schemas/releases.json            every release's fields, for the browser (releases.ts)
 *   static/schemas/moves.json               every curated move and constraint, for the browser (moves.ts)
 *   static/schemas/<v>/vcluster.schema.json the chart schema of every release of the line (history-only ones too)
 *   .chart-cache/<v>/                       downloaded chart files (CHART_CACHE_DIR)
 *   node_modules/.cache/gen-partials/       the generator's bundle and cached field states of history-only releases
 *   <build>/search/<name>.json              the search index of a version
 */
import path from 'node:path';
import {PUBLISHED_DIR, SEARCH_DIR} from './urls';

export const MANIFEST_FILE = 'chart-versions.json';
export const SNAPSHOTS_FILE = 'versions.json';
export const CURRENT_DOCS_DIR = 'docs';
export const VERSIONED_DOCS_DIR = 'versioned_docs';
/** A docs folder's reference, below the docs folder, as pages import it (`/`-separated) and as a file path. */
export const PARTIALS_SUBDIR_POSIX = '_partials/config';
export const PARTIALS_SUBDIR = path.join(...PARTIALS_SUBDIR_POSIX.split('/'));
/** The field index, beside the partials. */
export const INDEX_FILE = 'fields.json';
/** The chart's schema, unchanged, beside the partials: example validation reads it. */
export const SCHEMA_COPY_FILE = 'values.schema.json';
/** The what-changed partial of a version, beside the others. */
export const CHANGES_FILE = 'changes.mdx';
/** The default-values partial of a version: its values.yaml with every key linked. No section partial starts with `_` (segments.ts escapes it). */
export const DEFAULTS_FILE = '_defaults.mdx';
/** Curated facts of a docs version, in its docs folder. */
export const FACTS_FILE = '_facts.yaml';
/** The chart's own two files, in a chart directory. */
export const CHART_SCHEMA_FILE = 'values.schema.json';
export const CHART_VALUES_FILE = 'values.yaml';
export const DEFAULT_CHART_CACHE_DIR = '.chart-cache';

/** The curated moves (src/reference/moves.ts): one file per release that made moves, `moves/<release>.yaml`. */
export const MOVES_DIR = 'moves';

export function movesDirFor(siteDir: string): string {
  return path.join(siteDir, MOVES_DIR);
}

export function movesFileFor(siteDir: string, release: string): string {
  return path.join(movesDirFor(siteDir), `${release}.yaml`);
}

/** The release a moves file belongs to, from its name (`0.32.0.yaml`); undefined for any other name. */
export function movesFileRelease(fileName: string): string | undefined {
  return /^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.ya?ml$/u.exec(fileName)?.[1];
}

/** `docs/` for the current version, `versioned_docs/version-<v>/` for the others. */
export function docsDirFor(siteDir: string, version: string, current: string): string {
  return version === current ? path.join(siteDir, CURRENT_DOCS_DIR) : path.join(siteDir, VERSIONED_DOCS_DIR, `version-${version}`);
}

export function partialsDirFor(siteDir: string, version: string, current: string): string {
  return path.join(docsDirFor(siteDir, version, current), PARTIALS_SUBDIR);
}

/** The partials directory of a docs folder. */
export function partialsDirOf(docsDir: string): string {
  return path.join(docsDir, PARTIALS_SUBDIR);
}

/** The docs folder a partials directory belongs to. */
export function docsDirOfPartials(partialsDir: string): string {
  return path.resolve(partialsDir, '..', '..');
}

/** Docusaurus's sidebar of a snapshot: `versioned_sidebars/version-<v>-sidebars.json`. */
export function versionedSidebarFile(siteDir: string, version: string): string {
  return path.join(siteDir, 'versioned_sidebars', `version-${version}-sidebars.json`);
}

export function factsFileFor(siteDir: string, version: string, current: string): string {
  return path.join(docsDirFor(siteDir, version, current), FACTS_FILE);
}

/** Where downloaded chart files are kept: `CHART_CACHE_DIR` or `.chart-cache/`. */
export function chartCacheDir(siteDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(siteDir, env.CHART_CACHE_DIR ?? DEFAULT_CHART_CACHE_DIR);
}

/** `static/schemas/`: what the site publishes for editors and the browser. */
export function publishedRootFor(siteDir: string): string {
  return path.join(siteDir, 'static', PUBLISHED_DIR);
}

/** `static/schemas/<version>/`: the files a version publishes for editors. */
export function publishedDirFor(siteDir: string, version: string): string {
  return path.join(publishedRootFor(siteDir), version);
}

/** The generator's own cache: its bundle (scripts/gen-partials.mjs) and the field states of history-only releases. */
export function generatorCacheDir(siteDir: string): string {
  return path.join(siteDir, 'node_modules', '.cache', 'gen-partials');
}

export function releaseStateCacheDir(siteDir: string): string {
  return path.join(generatorCacheDir(siteDir), 'release-states');
}

/** `<build>/search/<versionName>.json`. */
export function searchIndexFile(outDir: string, versionName: string): string {
  return path.join(outDir, SEARCH_DIR, `${versionName}.json`);
}

const VERSIONED_PAGE = new RegExp(`^${VERSIONED_DOCS_DIR}[\\\\/]version-([^\\\\/]+)[\\\\/]`, 'u');

/** The snapshot version a file (relative to the site) belongs to, or undefined for the current version's files and files elsewhere. */
export function snapshotVersionOf(relativeFile: string): string | undefined {
  return VERSIONED_PAGE.exec(relativeFile)?.[1];
}

/** Whether `file` is inside `dir` (or is it). */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
