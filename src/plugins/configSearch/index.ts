import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {aliasesOf} from '../../checker/moves/aliases';
import {readFieldIndex} from '../../reference/fieldIndexFile';
import {INDEX_FILE, partialsDirOf, publishedRootFor, searchIndexFile} from '../../reference/files';
import type {MovesData} from '../../reference/moves';
import {Releases, type ReleasesData} from '../../reference/releases';
import {MOVES_FILE, RELEASES_FILE} from '../../reference/urls';
import {buildVersionIndex, type BuiltPage} from './buildIndex';
import {extractPage} from './html';

/**
 * Offline search for narrative pages and every reference field. After the build,
 * writes one index per docs version (src/reference/files.ts `searchIndexFile`,
 * by version name: `current`, `0.21.0`, …), read by `src/theme/SearchBar`:
 *
 * - pages: title, route and the words under each h2/h3, read from the built HTML;
 * - fields: from that version's field index, each pointing at the built page
 *   that shows its anchor among the fewest other fields.
 */

/** What this plugin reads of the docs plugin's loaded content. */
interface DocsVersion {
  versionName: string;
  /** With the baseUrl: `/pr-1/docs/0.21.0`. */
  path: string;
  tagsPath: string;
  contentPath: string;
  docs: Array<{permalink: string; unlisted?: boolean}>;
}

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

export function stripBaseUrl(route: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, '');
  return base && (route === base || route.startsWith(`${base}/`)) ? route.slice(base.length) || '/' : route;
}

/** The routes of one version: under its path and not under a longer version path or its tags. */
export function versionRoutes(version: DocsVersion, all: readonly DocsVersion[], routesPaths: readonly string[]): string[] {
  const within = (route: string, base: string) => route === base || route.startsWith(base.endsWith('/') ? base : `${base}/`);
  const unlisted = new Set(version.docs.filter((doc) => doc.unlisted).map((doc) => doc.permalink));
  const deeper = all.filter((other) => other !== version && other.path.length > version.path.length && within(other.path, version.path));
  return [...new Set(routesPaths)]
    .filter((route) => within(route, version.path) && !within(route, version.tagsPath) && !unlisted.has(route))
    .filter((route) => !deeper.some((other) => within(route, other.path)))
    .sort();
}

function htmlFile(outDir: string, route: string): string | undefined {
  const base = path.join(outDir, route);
  return [`${base}.html`, path.join(base, 'index.html')].find((file) => existsSync(file));
}

/** The old names of each field of every release, from the release data and moves gen-partials publishes; none when they are missing. */
async function readAliases(siteDir: string): Promise<(version: string) => Map<string, string[]>> {
  const root = publishedRootFor(siteDir);
  try {
    const line = new Releases(JSON.parse(await readFile(path.join(root, RELEASES_FILE), 'utf8')) as ReleasesData);
    const moves = JSON.parse(await readFile(path.join(root, MOVES_FILE), 'utf8')) as MovesData;
    return (version) => (line.has(version) ? aliasesOf(line, moves, version) : new Map());
  } catch {
    console.warn('[config-search] no release data or moves in static/schemas: no old key names in the index');
    return () => new Map();
  }
}

export default function configSearchPlugin(context: LoadContext): Plugin {
  return {
    name: 'config-search',
    async postBuild({outDir, siteConfig, routesPaths, plugins}) {
      const docsPlugin = plugins.find((plugin) => plugin.name === DOCS_PLUGIN && (plugin.options.id ?? 'default') === 'default');
      const versions = (docsPlugin?.content as {loadedVersions?: DocsVersion[]} | undefined)?.loadedVersions;
      if (!versions?.length) {
        console.warn('[config-search] no docs versions found: search index not written');
        return;
      }
      await mkdir(path.dirname(searchIndexFile(outDir, 'current')), {recursive: true});
      const aliasesAt = await readAliases(context.siteDir);
      for (const version of versions) {
        const pages: BuiltPage[] = [];
        for (const route of versionRoutes(version, versions, routesPaths)) {
          const file = htmlFile(outDir, stripBaseUrl(route, siteConfig.baseUrl));
          if (!file) continue;
          pages.push({route: stripBaseUrl(route, siteConfig.baseUrl), ...extractPage(await readFile(file, 'utf8'))});
        }
        const fieldIndex = await readFieldIndex(partialsDirOf(version.contentPath));
        const fields = fieldIndex?.fields;
        if (!fields) console.warn(`[config-search] ${version.versionName}: no ${path.join(partialsDirOf(version.contentPath), INDEX_FILE)}: pages only`);
        // The release a docs version documents (the current one's is in its field index).
        const aliases = aliasesAt(fieldIndex?.version ?? version.versionName);
        const {index, unplaced} = buildVersionIndex(version.versionName, pages, (fields ?? []).map((field) => (aliases.has(field.path) ? {...field, was: aliases.get(field.path)} : field)));
        if (unplaced.length) {
          console.warn(`[config-search] ${version.versionName}: ${unplaced.length} fields are on no page, left out: ${unplaced.slice(0, 5).join(', ')}${unplaced.length > 5 ? ', …' : ''}`);
        }
        const json = JSON.stringify(index);
        await writeFile(searchIndexFile(outDir, version.versionName), json);
        console.log(
          `[config-search] ${version.versionName}: ${index.pages.length} pages, ${index.fields.length} fields, ` +
            `${(Buffer.byteLength(json) / 1024).toFixed(1)} kB (${(gzipSync(json).length / 1024).toFixed(1)} kB gzipped)`,
        );
      }
    },
  };
}
