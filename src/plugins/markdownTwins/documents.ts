/**
 * The files for machines, as Markdown trees: each page's twin (its narrative,
 * each reference partial replaced by the compact entries of its fields, each
 * field once per page), each version's `llms-full.txt` (every page, then
 * every field of the release exactly once) and the site's `llms.txt`
 * (llmstxt.org: a title, a summary, one section per version listing its
 * pages' twins).
 */
import type {BlockContent, Heading, PhrasingContent, Root, RootContent} from 'mdast';
import {partialShows, type FieldRecord, type IndexedFields} from '../../reference/fieldIndex';
import {LLMS_TXT, llmsFullUrl} from '../../reference/urls';
import {componentMeaning, unimportedComponentMeaning} from './components';
import {fieldEntries} from './fieldEntries';
import type {TwinLinks} from './links';
import {mdxPageToMarkdown, startsWithTitle, type ConvertOptions} from './mdxToMarkdown';

export interface TwinPage {
  title: string;
  /** Docusaurus's description: the front matter's, else the page's first paragraph. */
  description: string;
  /** Whether the description is the front matter's (a summary of its own, quoted under the title) or the first paragraph's. */
  ownDescription: boolean;
  /** With the baseUrl: `/docs/sync`. */
  permalink: string;
  /** The page's MDX file, absolute. */
  sourceFile: string;
  /** Unlisted pages get a twin but are in no list. */
  listed: boolean;
}

export interface VersionPages {
  /** The release: `0.22.0`. */
  version: string;
  current: string;
  partialsDir: string;
  fields: IndexedFields;
  /** In sidebar order. */
  pages: TwinPage[];
}

export interface SiteInfo {
  siteDir: string;
  title: string;
  tagline: string;
  links: TwinLinks;
  warn(message: string): void;
}

const text = (value: string): PhrasingContent => ({type: 'text', value});
const code = (value: string): PhrasingContent => ({type: 'inlineCode', value});
const link = (url: string, label: PhrasingContent[]): PhrasingContent => ({type: 'link', url, children: label});
const paragraph = (children: PhrasingContent[]): BlockContent => ({type: 'paragraph', children});
const heading = (depth: number, children: PhrasingContent[]): Heading => ({type: 'heading', depth: Math.min(depth, 6) as Heading['depth'], children});
const oneLine = (value: string): string => value.replace(/\s+/gu, ' ').trim();

/** A page's line in llms.txt: its own description, or the first sentence of its first paragraph. */
function listLine(page: TwinPage): string {
  const line = oneLine(page.description);
  return page.ownDescription ? line : (line.split(/(?<=[.!?])\s+(?=[A-Z`])/u)[0] ?? line);
}

/** The fields a reference partial shows, in the index's (schema) order. */
function fieldsOfPartial(fields: IndexedFields, partial: string): FieldRecord[] {
  return fields.index.fields.filter((record) => partialShows(record, partial));
}

function convertOptions(version: VersionPages, site: SiteInfo, reference: ConvertOptions['reference']): ConvertOptions {
  const context = {siteDir: site.siteDir, version: version.version, links: site.links};
  return {
    siteDir: site.siteDir,
    partialsDir: version.partialsDir,
    links: site.links,
    isReferencePartial: (partial) => Object.hasOwn(version.fields.index.partials, partial),
    reference,
    component: (module) => componentMeaning(module, context),
    unimportedComponent: (name) => unimportedComponentMeaning(name, context),
    warn: site.warn,
  };
}

/** The lines under a page's title: its summary, and where the rest is. */
function pageHead(page: TwinPage, version: VersionPages, site: SiteInfo, full: boolean): RootContent[] {
  const head: RootContent[] = [];
  if (page.description && page.ownDescription) head.push({type: 'blockquote', children: [paragraph([text(oneLine(page.description))])]});
  const where: PhrasingContent[] = [text(`vCluster ${version.version} · `), link(site.links.absolute(page.permalink), [text('web page')])];
  where.push(text(' · '), full ? link(site.links.twinOf(page.permalink), [text('this page alone')]) : link(site.links.route(llmsFullUrl(version.version, version.current)), [text(`all of ${version.version} in one file`)]));
  head.push(paragraph(where));
  return head;
}

/** A page's twin, and the paths of the fields it lists (each once). */
export function pageTwin(page: TwinPage, version: VersionPages, site: SiteInfo): {tree: Root; fields: string[]} {
  const shown = new Set<string>();
  const content = mdxPageToMarkdown(
    page.sourceFile,
    page.permalink,
    convertOptions(version, site, (partial, headingDepth) => {
      const records = fieldsOfPartial(version.fields, partial).filter((record) => !shown.has(record.path));
      for (const record of records) shown.add(record.path);
      return fieldEntries(records, Math.max(headingDepth + 1, 2));
    }),
  );
  const title = startsWithTitle(content) ? [content.shift()!] : [heading(1, [text(page.title)])];
  return {tree: {type: 'root', children: [...title, ...pageHead(page, version, site, false), ...content]}, fields: [...shown]};
}

/** Headings one level deeper (at most h6), inside quotes and lists too: a page becomes a section of a larger file. */
function demoteHeadings(nodes: RootContent[]): RootContent[] {
  for (const node of nodes) {
    if (node.type === 'heading') node.depth = Math.min(node.depth + 1, 6) as Heading['depth'];
    else if ('children' in node) demoteHeadings(node.children as RootContent[]);
  }
  return nodes;
}

/** Where a page's reference is in llms-full.txt: the fields are listed once, at its end. */
function referencePointer(version: VersionPages, partial: string): RootContent[] {
  const root = version.fields.byAnchor.get(version.fields.index.partials[partial]);
  const count = fieldsOfPartial(version.fields, partial).length;
  const what: PhrasingContent[] = root ? [text('The reference of '), code(root.path), text(` (${count} ${count === 1 ? 'field' : 'fields'})`)] : [text(`The reference of this page (${count} fields)`)];
  return [paragraph([...what, text(' is in the Reference part at the end of this file, where every field is listed once.')])];
}

const REFERENCE_HEADING = 'Reference';

/** A version's llms-full.txt: every listed page, then every field of the release exactly once. */
export function llmsFull(version: VersionPages, site: SiteInfo): Root {
  const {fields} = version;
  const children: RootContent[] = [
    heading(1, [text(`${site.title}: vCluster ${version.version}`)]),
    {type: 'blockquote', children: [paragraph([text(site.tagline)])]},
    paragraph([
      text(`Every page of the docs for vCluster ${version.version} as Markdown, then the reference: every field of `),
      code('vcluster.yaml'),
      text(` in this release (${fields.index.fields.length}), each once, under its full path. The index of all versions is `),
      link(site.links.route(LLMS_TXT), [text('llms.txt')]),
      text('.'),
    ]),
  ];
  for (const page of version.pages.filter((candidate) => candidate.listed)) {
    const content = mdxPageToMarkdown(page.sourceFile, page.permalink, convertOptions(version, site, (partial) => referencePointer(version, partial)));
    const title = startsWithTitle(content) ? [content.shift()!] : [heading(1, [text(page.title)])];
    children.push(...demoteHeadings([...title, ...pageHead(page, version, site, true), ...content]));
  }
  children.push(
    heading(2, [text(REFERENCE_HEADING)]),
    paragraph([text(`Every field of vCluster ${version.version}, in the order of the chart's schema: a field's path names every field above it.`)]),
    ...fieldEntries(fields.index.fields, 3),
  );
  return {type: 'root', children};
}

/** The site's llms.txt: one section per version, newest first, each listing its llms-full.txt and its pages' twins. */
export function llmsTxt(versions: readonly VersionPages[], site: SiteInfo): Root {
  const children: RootContent[] = [
    heading(1, [text(site.title)]),
    {type: 'blockquote', children: [paragraph([text(site.tagline)])]},
    paragraph([
      text('Each page is also served as Markdown beside its HTML (its URL with '),
      code('.md'),
      text(' added), with the reference written out field by field: full path, type, default, allowed values, Pro and deprecation notes, and the release that added it. Each version\'s '),
      code('llms-full.txt'),
      text(' holds all of its pages and every field of its release once.'),
    ]),
  ];
  for (const version of versions) {
    children.push(heading(2, [text(`vCluster ${version.version}${version.version === version.current ? ' (current)' : ''}`)]));
    const items: RootContent[][] = [
      [paragraph([link(site.links.route(llmsFullUrl(version.version, version.current)), [text(`vCluster ${version.version} in one file`)]), text(`: every page and all ${version.fields.index.fields.length} fields of the reference`)])],
      ...version.pages
        .filter((page) => page.listed)
        .map((page) => [paragraph([link(site.links.twinOf(page.permalink), [text(page.title)]), ...(page.description ? [text(`: ${listLine(page)}`)] : [])])]),
    ];
    children.push({type: 'list', ordered: false, spread: false, children: items.map((item) => ({type: 'listItem', spread: false, children: item as BlockContent[]}))});
  }
  return {type: 'root', children};
}
