/**
 * Docs for machines, written after the build (documents.ts says what each holds):
 *
 * - each docs page's Markdown twin beside its HTML (urls.ts `markdownTwinUrl`:
 *   `/docs/sync.md`, `/docs/0.21.0/sync.md`), which the page links with
 *   `<link rel="alternate" type="text/markdown">` (src/theme/DocItem/Metadata);
 * - each version's `llms-full.txt` (urls.ts `llmsFullUrl`);
 * - the site's `llms.txt` (urls.ts `LLMS_TXT`).
 *
 * Twins are made from the pages' MDX sources and the field index, not from
 * the built HTML: the narrative keeps its own Markdown (code blocks with their
 * language and title, tables, lists) and the reference is rendered from data,
 * compactly. The dev server writes none of them.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadedVersion} from '@docusaurus/plugin-content-docs';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {indexFields} from '../../reference/fieldIndex';
import {MissingReferenceError, fieldIndexFile, readFieldIndex} from '../../reference/fieldIndexFile';
import {partialsDirOf} from '../../reference/files';
import {LLMS_TXT, llmsFullUrl, markdownTwinUrl} from '../../reference/urls';
import {stripBaseUrl} from '../configSearch';
import {hasOwnDescription} from '../pageDescription';
import {llmsFull, llmsTxt, pageTwin, type SiteInfo, type TwinPage, type VersionPages} from './documents';
import {fragmentsOf, retargetFragments} from './fragments';
import {TwinLinks, servedPath} from './links';
import {serializeMarkdown} from './markdown';
import {sidebarOrder} from './sidebarOrder';

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';
const NAME = 'markdown-twins';

function sourceFile(siteDir: string, source: string): string {
  return source.startsWith('@site/') ? path.join(siteDir, source.slice('@site/'.length)) : path.resolve(siteDir, source);
}

async function write(outDir: string, sitePath: string, markdown: string): Promise<number> {
  const file = path.join(outDir, sitePath);
  await mkdir(path.dirname(file), {recursive: true});
  await writeFile(file, markdown);
  return Buffer.byteLength(markdown);
}

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

export default function markdownTwinsPlugin(context: LoadContext): Plugin {
  return {
    name: NAME,
    async postBuild({outDir, siteConfig, plugins}) {
      const docsPlugin = plugins.find((plugin) => plugin.name === DOCS_PLUGIN && (plugin.options.id ?? 'default') === 'default');
      const loaded = (docsPlugin?.content as {loadedVersions?: LoadedVersion[]} | undefined)?.loadedVersions;
      if (!loaded?.length) throw new Error(`[${NAME}] no docs versions found`);
      const {siteDir} = context;
      const links = new TwinLinks({
        siteUrl: siteConfig.url.replace(/\/+$/u, ''),
        baseUrl: siteConfig.baseUrl,
        permalinkOfSource: new Map(loaded.flatMap((version) => version.docs.map((doc) => [sourceFile(siteDir, doc.source), doc.permalink] as const))),
      });
      const site: SiteInfo = {siteDir, title: siteConfig.title, tagline: siteConfig.tagline, links, warn: (message) => console.warn(`[${NAME}] ${message}`)};
      const current = (loaded.find((version) => version.isLast) ?? loaded[0]).label;

      const versions: VersionPages[] = [];
      for (const loadedVersion of loaded) {
        const partialsDir = partialsDirOf(loadedVersion.contentPath);
        const index = await readFieldIndex(partialsDir);
        if (!index) throw new MissingReferenceError(fieldIndexFile(partialsDir), loadedVersion.label);
        const order = sidebarOrder(loadedVersion.sidebars);
        const rank = (id: string) => (order.has(id) ? order.get(id)! : order.size);
        const docs = [...loadedVersion.docs].sort((a, b) => rank(a.id) - rank(b.id) || (a.permalink < b.permalink ? -1 : 1));
        const pages: TwinPage[] = await Promise.all(
          docs.map(async (doc) => ({
            title: doc.title,
            description: doc.description,
            ownDescription: hasOwnDescription(await readFile(sourceFile(siteDir, doc.source), 'utf8')),
            permalink: servedPath(doc.permalink),
            sourceFile: sourceFile(siteDir, doc.source),
            listed: !doc.unlisted,
          })),
        );
        versions.push({version: loadedVersion.label, current, partialsDir, fields: indexFields(index), pages});
      }

      // Every twin first: a link's fragment becomes the slug of the heading it names in its twin (fragments.ts).
      const twins = versions.map((version) => version.pages.map((page) => ({page, tree: pageTwin(page, version, site).tree})));
      const fragments = new Map(twins.flat().map(({page, tree}) => [links.twinOf(page.permalink), fragmentsOf(tree)]));
      for (const [i, version] of versions.entries()) {
        let twinBytes = 0;
        for (const {page, tree} of twins[i]) {
          retargetFragments(tree, fragments);
          twinBytes += await write(outDir, markdownTwinUrl(stripBaseUrl(page.permalink, siteConfig.baseUrl)), serializeMarkdown(tree));
        }
        const full = llmsFull(version, site);
        retargetFragments(full, fragments);
        const fullBytes = await write(outDir, llmsFullUrl(version.version, version.current), serializeMarkdown(full));
        console.log(
          `[${NAME}] ${version.version}: ${version.pages.length} twins (${kB(twinBytes)}), ` +
            `${llmsFullUrl(version.version, version.current)} ${kB(fullBytes)} with ${version.fields.index.fields.length} fields`,
        );
      }
      const indexBytes = await write(outDir, LLMS_TXT, serializeMarkdown(llmsTxt(versions, site)));
      console.log(`[${NAME}] ${LLMS_TXT}: ${kB(indexBytes)}, ${versions.length} versions`);
    },
  };
}
