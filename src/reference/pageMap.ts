/**
 * Which docs page of a version renders which generated partial: every
 * `.md`/`.mdx` page under the version's docs directory and the partials of
 * its reference it imports. Pages are what Docusaurus turns into routes, so
 * files and folders starting with `_` or `.` are left out, as Docusaurus does.
 *
 * Cached per docs directory; the cache is kept while no page was added,
 * removed or modified (one `stat` per page), so the dev server stays right.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {isInside, partialsDirOf} from './files';
import {outlineMdx} from './mdxOutline';

export interface PageMap {
  docsDir: string;
  /** Partial file (relative to the partials directory, `/`-separated) → pages importing it (absolute), canonical first. */
  pagesByPartial: ReadonlyMap<string, readonly string[]>;
  /** Page (absolute path) → partial files it imports. */
  partialsByPage: ReadonlyMap<string, readonly string[]>;
  /** Page (absolute path) → its route inside the version (`control-plane/backing-store`). */
  routes: ReadonlyMap<string, string>;
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
 * The partial file (relative to `partialsDir`, `/`-separated) an import
 * specifier of `fromFile` points to, or undefined when it is no partial.
 */
export function partialOfImport(specifier: string, fromFile: string, partialsDir: string, siteDir: string): string | undefined {
  let target: string;
  if (specifier.startsWith('@site/')) target = path.join(siteDir, specifier.slice('@site/'.length));
  else if (specifier.startsWith('.')) target = path.resolve(path.dirname(fromFile), specifier);
  else if (path.isAbsolute(specifier)) target = specifier;
  else return undefined;
  if (!isInside(target, partialsDir)) return undefined;
  const file = path.relative(partialsDir, target).split(path.sep).join('/');
  return PAGE.test(file) ? file : `${file}.mdx`;
}

/** The partials an MDX text imports, as files relative to `partialsDir`. */
export function importedPartials(text: string, fromFile: string, partialsDir: string, siteDir: string): string[] {
  return outlineMdx(text)
    .imports.map((specifier) => partialOfImport(specifier, fromFile, partialsDir, siteDir))
    .filter((partial): partial is string => partial !== undefined);
}

const cache = new Map<string, {signature: string; map: PageMap}>();

/** The page map of one version's docs directory. */
export function pageMapFor(docsDir: string, siteDir: string): PageMap {
  const partialsDir = partialsDirOf(docsDir);
  const pages = listPages(docsDir).sort();
  const signature = pages
    .map((page) => {
      const stats = statSync(page);
      return `${page}\0${stats.mtimeMs}\0${stats.size}`;
    })
    .join('\n');
  const cached = cache.get(docsDir);
  if (cached && cached.signature === signature) return cached.map;

  const pagesByPartial = new Map<string, string[]>();
  const partialsByPage = new Map<string, string[]>();
  const routes = new Map<string, string>();
  for (const page of pages) {
    const text = readFileSync(page, 'utf8');
    const partials = importedPartials(text, page, partialsDir, siteDir);
    partialsByPage.set(page, partials);
    routes.set(page, pageRoute(text, page, docsDir));
    for (const partial of partials) {
      const list = pagesByPartial.get(partial) ?? [];
      if (!list.includes(page)) list.push(page);
      pagesByPartial.set(partial, list);
    }
  }
  // The canonical page of a partial is its first page: the shallowest, then in path order.
  const depth = (file: string): number => file.split(path.sep).length;
  for (const list of pagesByPartial.values()) list.sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const map: PageMap = {docsDir, pagesByPartial, partialsByPage, routes};
  cache.set(docsDir, {signature, map});
  return map;
}

/** A page's route inside its version: `control-plane/index.mdx` → `control-plane`; an absolute `slug` in its front matter wins. */
export function pageRoute(text: string, page: string, docsDir: string): string {
  const slug = /^---\n[^]*?^slug:\s*['"]?([^'"\n]+)['"]?\s*$[^]*?^---$/mu.exec(text)?.[1];
  if (slug?.startsWith('/')) return slug.replace(/^\/+|\/+$/gu, '');
  return path.relative(docsDir, page).split(path.sep).join('/').replace(/\.mdx?$/u, '').replace(/(^|\/)index$/u, '');
}
