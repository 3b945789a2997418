/**
 * Which docs page of a version renders which generated partial: every
 * `.md`/`.mdx` page under the version's docs directory (`docs/` or
 * `versioned_docs/version-X/`) and the partials of `_partials/config/` it
 * imports. Pages are what Docusaurus turns into routes, so files and folders
 * starting with `_` are left out, as Docusaurus does.
 *
 * Cached per docs directory; the cache is kept while no page was added,
 * removed or modified (one `stat` per page), so the dev server stays right.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';

export interface PageMap {
  /** Partial file (relative to the partials directory, `/`-separated) → pages importing it, sorted. */
  pagesByPartial: Map<string, string[]>;
  /** Page (absolute path) → partial files it imports. */
  partialsByPage: Map<string, string[]>;
}

const PAGE = /\.mdx?$/u;

function listPages(dir: string, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, {withFileTypes: true});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw error;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listPages(full, out);
    else if (PAGE.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * The module specifiers of the top-level `import` statements of an MDX text,
 * skipping fenced code blocks (where an import is only an example).
 */
export function importSpecifiers(text: string): string[] {
  const specifiers: string[] = [];
  const lines = text.split(/\r?\n/u);
  let fence: {char: string; length: number} | undefined;
  let frontMatter = lines[0]?.trim() === '---';
  for (let i = frontMatter ? 1 : 0; i < lines.length; i++) {
    const line = lines[i];
    if (frontMatter) {
      if (line.trim() === '---') frontMatter = false;
      continue;
    }
    const marker = /^ {0,3}(`{3,}|~{3,})/u.exec(line);
    if (fence) {
      if (marker && marker[1][0] === fence.char && marker[1].length >= fence.length && line.trim() === marker[1]) fence = undefined;
      continue;
    }
    if (marker) {
      fence = {char: marker[1][0], length: marker[1].length};
      continue;
    }
    if (!/^import[\s{*]/u.test(line)) continue;
    // An import statement may span lines: read on until its source string.
    let statement = line;
    let j = i;
    const source = /\bfrom\s*(['"])([^'"]+)\1|^import\s*(['"])([^'"]+)\3/u;
    while (!source.test(statement) && j + 1 < lines.length && j - i < 50) statement += `\n${lines[++j]}`;
    const match = source.exec(statement);
    if (match) specifiers.push(match[2] ?? match[4]);
    i = j;
  }
  return specifiers;
}

/**
 * The partial file (relative to `partialsDir`, `/`-separated) an import
 * specifier of `fromFile` points to, or undefined when it is no partial.
 */
export function partialOfImport(specifier: string, fromFile: string, partialsDir: string, siteDir: string): string | undefined {
  let target: string;
  if (specifier.startsWith('@site/')) target = path.join(siteDir, specifier.slice('@site/'.length));
  else if (specifier.startsWith('.')) target = path.resolve(path.dirname(fromFile), specifier);
  else if (path.isAbsolute(specifier)) target = specifier;
  else return undefined;
  const relative = path.relative(partialsDir, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const file = relative.split(path.sep).join('/');
  return PAGE.test(file) ? file : `${file}.mdx`;
}

const cache = new Map<string, {signature: string; map: PageMap}>();

/** The page map of one version's docs directory. */
export function pageMapFor(docsDir: string, partialsDir: string, siteDir: string): PageMap {
  const pages = listPages(docsDir).sort();
  const signature = pages
    .map((page) => {
      const stats = statSync(page);
      return `${page}\0${stats.mtimeMs}\0${stats.size}`;
    })
    .join('\n');
  const key = `${docsDir}\0${partialsDir}`;
  const cached = cache.get(key);
  if (cached && cached.signature === signature) return cached.map;

  const pagesByPartial = new Map<string, string[]>();
  const partialsByPage = new Map<string, string[]>();
  for (const page of pages) {
    const partials = importSpecifiers(readFileSync(page, 'utf8'))
      .map((specifier) => partialOfImport(specifier, page, partialsDir, siteDir))
      .filter((partial): partial is string => partial !== undefined);
    partialsByPage.set(page, partials);
    for (const partial of partials) {
      const list = pagesByPartial.get(partial) ?? [];
      if (!list.includes(page)) list.push(page);
      pagesByPartial.set(partial, list);
    }
  }
  // The canonical page of a partial is its first page: the shallowest, then in path order.
  const depth = (file: string): number => file.split(path.sep).length;
  for (const list of pagesByPartial.values()) list.sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const map = {pagesByPartial, partialsByPage};
  cache.set(key, {signature, map});
  return map;
}
