/**
 * What the remark plugins need to know about the site a Markdown file belongs
 * to: its root (the directory holding chart-versions.json), the docs version
 * of the file, that version's docs directory and generated reference (field
 * index and chart schema). Everything is read synchronously and cached, with
 * a modification-time check so the dev server sees regenerated files.
 */
import {existsSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {MANIFEST_FILE, currentVersion, partialsDirFor, type VersionManifest} from '../generator/versions';
import type {FieldIndex, FieldRecord} from '../generator/model/fieldIndex';

import {INDEX_FILE, SCHEMA_COPY_FILE as SCHEMA_FILE} from '../generator/outputFiles';

/** Written by the generator next to the partials. */
export {INDEX_FILE, SCHEMA_FILE};

export interface SiteOptions {
  /** The project root (holds chart-versions.json). Found from the file's path when not given. */
  siteDir?: string;
}

/** The part of a vfile the plugins read. */
export interface FileLike {
  path?: string;
  cwd?: string;
}

/** Where a Markdown file sits: its site, its docs version and that version's directories. */
export interface FileContext {
  siteDir: string;
  /** Absolute path of the file. */
  file: string;
  /** The path shown in messages: relative to the site root when inside it. */
  displayPath: string;
  version: string;
  /** `docs/` or `versioned_docs/version-X/`. */
  docsDir: string;
  /** Where the version's generated partials, field index and schema are. */
  partialsDir: string;
}

const siteDirs = new Map<string, string>();

/** The nearest directory at or above `start` holding chart-versions.json. */
export function findSiteDir(start: string): string | undefined {
  const cached = siteDirs.get(start);
  if (cached) return cached;
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, MANIFEST_FILE))) {
      siteDirs.set(start, dir);
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const manifests = new Map<string, {mtimeMs: number; manifest: VersionManifest}>();

export function readManifestSync(siteDir: string): VersionManifest {
  const file = path.join(siteDir, MANIFEST_FILE);
  const {mtimeMs} = statSync(file);
  const cached = manifests.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.manifest;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as VersionManifest;
  if (!Array.isArray(manifest.versions) || manifest.versions.length === 0) throw new Error(`${file}: "versions" must list at least one version`);
  manifests.set(file, {mtimeMs, manifest});
  return manifest;
}

const VERSIONED_DIR = /(?:^|[\\/])versioned_docs[\\/]version-([^\\/]+)[\\/]/u;

/** The site, version and directories of a file; throws when the file has no path or no site. */
export function fileContext(file: FileLike, options: SiteOptions = {}): FileContext {
  if (!file.path) throw new Error('config docs checks: the Markdown file has no path, so its docs version is unknown');
  const absolute = path.resolve(file.cwd ?? process.cwd(), file.path);
  const siteDir = options.siteDir ? path.resolve(options.siteDir) : findSiteDir(path.dirname(absolute));
  if (!siteDir) throw new Error(`${absolute}: no ${MANIFEST_FILE} in any directory above it; pass the site directory as the plugin's siteDir option`);
  const manifest = readManifestSync(siteDir);
  const relative = path.relative(siteDir, absolute);
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  const versioned = inside ? VERSIONED_DIR.exec(relative) : null;
  const version = versioned ? versioned[1] : currentVersion(manifest);
  const docsDir = versioned ? path.join(siteDir, 'versioned_docs', `version-${version}`) : path.join(siteDir, 'docs');
  return {
    siteDir,
    file: absolute,
    displayPath: inside ? relative.split(path.sep).join('/') : absolute,
    version,
    docsDir,
    partialsDir: partialsDirFor(siteDir, manifest, version),
  };
}

function missing(file: string, version: string): Error {
  return new Error(
    `${file} does not exist: the generated reference of vCluster ${version} is missing. Run \`npm run gen-partials\` (with CHART_SOURCE set) first.`,
  );
}

/** Reads a generated JSON file, cached until its modification time changes. */
export function cachedJson<T>(cache: Map<string, {mtimeMs: number; value: T}>, file: string, version: string, build: (json: unknown) => T): T {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    throw missing(file, version);
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.value;
  const value = build(JSON.parse(readFileSync(file, 'utf8')));
  cache.set(file, {mtimeMs, value});
  return value;
}

/** A version's field index, with lookups built once. */
export interface IndexedFields {
  index: FieldIndex;
  byPath: Map<string, FieldRecord>;
  /** Partial file → the anchor it covers, and the reverse. */
  partialByAnchor: Map<string, string>;
  /** Top-level keys (records whose path has no `.` or `[`). */
  topLevel: Set<string>;
}

const indexes = new Map<string, {mtimeMs: number; value: IndexedFields}>();

export function loadFieldIndex(context: Pick<FileContext, 'partialsDir' | 'version'>): IndexedFields {
  return cachedJson(indexes, path.join(context.partialsDir, INDEX_FILE), context.version, (json) => {
    const index = json as FieldIndex;
    const byPath = new Map(index.fields.map((record) => [record.path, record]));
    const partialByAnchor = new Map<string, string>();
    for (const [file, anchor] of Object.entries(index.partials ?? {})) partialByAnchor.set(anchor, file);
    const topLevel = new Set(index.fields.filter((record) => !/[.[]/u.test(record.path)).map((record) => record.path));
    return {index, byPath, partialByAnchor, topLevel};
  });
}

/** 1-based line of a character offset in `text`. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Depth-first walk over an mdast-like tree, with the ancestors of each node. */
export interface TreeNode {
  type: string;
  children?: TreeNode[];
  position?: {start: {line: number; column: number; offset?: number}};
  [key: string]: unknown;
}

export function walk(node: TreeNode, visit: (node: TreeNode, ancestors: readonly TreeNode[], index: number) => void): void {
  const ancestors: TreeNode[] = [];
  const go = (current: TreeNode, index: number): void => {
    visit(current, ancestors, index);
    if (!current.children) return;
    ancestors.push(current);
    // The visitor may replace current.children[i]; read it again each time.
    for (let i = 0; i < current.children.length; i++) go(current.children[i], i);
    ancestors.pop();
  };
  go(node, -1);
}

/** One error for all of a file's problems, so one build run shows them all. */
export class ConfigDocsError extends Error {
  declare readonly problems: readonly string[];

  constructor(title: string, problems: readonly string[]) {
    super(`${title}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigDocsError';
    // Not enumerable: Docusaurus prints an error's enumerable properties again as "Details".
    Object.defineProperty(this, 'problems', {value: problems, enumerable: false});
  }
}
