/**
 * What the remark plugins need to know about the site a Markdown file belongs
 * to (its root, the docs version of the file and that version's folders, from
 * src/reference), and how they fail a build: one error listing every problem
 * of a file, each with its file and line.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {MANIFEST_FILE, docsDirFor, isInside, partialsDirOf, snapshotVersionOf} from '../reference/files';
import {currentVersion, readManifestSync} from '../reference/manifest';

export interface SiteOptions {
  /** The project root (holds the version manifest). Found from the file's path when not given. */
  siteDir?: string;
}

/** The part of a vfile the plugins read; Docusaurus puts the page's front matter in `data`. */
export interface FileLike {
  path?: string;
  cwd?: string;
  data?: {frontMatter?: Record<string, unknown>; [key: string]: unknown};
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

/** The nearest directory at or above `start` holding the version manifest. */
export function findSiteDir(start: string): string | undefined {
  const cached = siteDirs.get(start);
  if (cached) return cached;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, MANIFEST_FILE))) {
      siteDirs.set(start, dir);
      return dir;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The site, version and directories of a file; throws when the file has no path or no site. */
export function fileContext(file: FileLike, options: SiteOptions = {}): FileContext {
  if (!file.path) throw new Error('config docs checks: the Markdown file has no path, so its docs version is unknown');
  const absolute = path.resolve(file.cwd ?? process.cwd(), file.path);
  const siteDir = options.siteDir ? path.resolve(options.siteDir) : findSiteDir(path.dirname(absolute));
  if (!siteDir) throw new Error(`${absolute}: no ${MANIFEST_FILE} in any directory above it; pass the site directory as the plugin's siteDir option`);
  const current = currentVersion(readManifestSync(siteDir));
  const inside = isInside(absolute, siteDir);
  const relative = path.relative(siteDir, absolute);
  const version = (inside ? snapshotVersionOf(relative) : undefined) ?? current;
  const docsDir = docsDirFor(siteDir, version, current);
  return {
    siteDir,
    file: absolute,
    displayPath: inside ? relative.split(path.sep).join('/') : absolute,
    version,
    docsDir,
    partialsDir: partialsDirOf(docsDir),
  };
}

/** Whether the file is part of its version's generated reference (not narrative: its text comes from the chart). */
export function isGeneratedFile(context: Pick<FileContext, 'file' | 'partialsDir'>): boolean {
  return isInside(context.file, context.partialsDir);
}

/** 1-based line of a character offset in `text`. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A problem as the build prints it: `docs/sync.mdx:12: message`. */
export function problemAt(context: Pick<FileContext, 'displayPath'>, line: number, message: string): string {
  return `${context.displayPath}:${line}: ${message}`;
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

/** Fails the file's compilation when there are problems: `title(count)` heads the list. */
export function failOnProblems(problems: readonly string[], title: (count: number, plural: string) => string): void {
  if (problems.length) throw new ConfigDocsError(title(problems.length, problems.length === 1 ? '' : 's'), problems);
}
