/**
 * A docs page's MDX source as a plain Markdown tree: parsed as Docusaurus
 * parses it (MDX, GFM, front matter, directives for admonitions), then
 * turned node by node into CommonMark + GFM:
 *
 * - imports, exports, `{expressions}` and `{/* comments *\/}` (heading ids) are dropped;
 * - an admonition becomes a quote led by its kind and title (`> **Warning: Deprecated**`);
 *   any other directive (`key=value:Effect` reads as one) is its source text again,
 *   as Docusaurus leaves it;
 * - a JSX element is replaced by its meaning: an imported reference partial by the
 *   `reference` callback (the compact entries of its fields), another imported
 *   page file by that file's content, a known component by `component`, anything
 *   else by its children;
 * - links to pages lead to their Markdown twins (links.ts).
 *
 * Nothing of the result is HTML: MDX has no raw HTML, and JSX is replaced.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Heading, Paragraph, PhrasingContent, Root, RootContent} from 'mdast';
import type {ContainerDirective} from 'mdast-util-directive';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import GithubSlugger from 'github-slugger';
import {unified} from 'unified';
import {partialOfImport} from '../../reference/pageMap';
import {headingText, markEntryId, markWebId} from './fragments';
import type {TwinLinks} from './links';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).use(remarkGfm).use(remarkDirective);

/** Docusaurus's admonition keywords. */
const ADMONITIONS = new Set(['note', 'tip', 'info', 'warning', 'danger', 'caution', 'important', 'secondary', 'success']);

export interface ConvertOptions {
  siteDir: string;
  /** The partials directory of the page's docs version. */
  partialsDir: string;
  links: TwinLinks;
  /** Whether a partial file (relative to the partials directory) is a reference partial of the field index. */
  isReferencePartial(partial: string): boolean;
  /** What stands for a reference partial whose element sits below a heading of `headingDepth` (0: none). */
  reference(partial: string, headingDepth: number): RootContent[];
  /** The Markdown meaning of a component imported from `module` (an absolute path without extension, or a package name), or undefined. */
  component(module: string): RootContent[] | undefined;
  /** The Markdown meaning of a component used without an import (one the site provides to every page), or undefined. */
  unimportedComponent(name: string): RootContent[] | undefined;
  warn(message: string): void;
}

interface FileState {
  file: string;
  source: string;
  /** Local name → import specifier. */
  imports: Map<string, string>;
}

interface PageState {
  permalink: string;
  /** Depth of the last heading seen, in document order, across inlined files. */
  headingDepth: number;
  /** The last heading seen: an entry target below it (`<span id>`) is reached through it in the twin. */
  heading?: Heading;
  /** Files being inlined, against import cycles. */
  open: Set<string>;
  /** Docusaurus's slugs of the page's headings (their ids on the web page). */
  slugger: GithubSlugger;
  options: ConvertOptions;
}

export function parseMdx(source: string): Root {
  return parser.parse(source) as Root;
}

function importsOf(tree: Root): Map<string, string> {
  const imports = new Map<string, string>();
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    for (const statement of (node as MdxjsEsm).data?.estree?.body ?? []) {
      if (statement.type !== 'ImportDeclaration') continue;
      for (const specifier of statement.specifiers) imports.set(specifier.local.name, String(statement.source.value));
    }
  }
  return imports;
}

const text = (value: string): PhrasingContent => ({type: 'text', value});

/** The source text of a node, as Docusaurus leaves a directive that is no admonition. */
function sourceOf(node: RootContent, file: FileState): string {
  const {start, end} = node.position ?? {};
  return start?.offset !== undefined && end?.offset !== undefined ? file.source.slice(start.offset, end.offset) : '';
}

function admonition(node: ContainerDirective, file: FileState, page: PageState): RootContent[] {
  const [first, ...rest] = node.children;
  const labelled = first?.type === 'paragraph' && (first.data as {directiveLabel?: boolean} | undefined)?.directiveLabel;
  const kind = node.name.charAt(0).toUpperCase() + node.name.slice(1);
  const title: PhrasingContent[] = labelled ? [text(`${kind}: `), ...convertPhrasing((first as Paragraph).children, file, page)] : [text(kind)];
  const body = convertAll(labelled ? rest : node.children, file, page);
  return [{type: 'blockquote', children: [{type: 'paragraph', children: [{type: 'strong', children: title}]}, ...(body as never[])]}];
}

/** An import specifier as an absolute path (`@site/` and relative ones), else as written (a package). */
function resolveSpecifier(specifier: string, file: FileState, options: ConvertOptions): string {
  if (specifier.startsWith('@site/')) return path.join(options.siteDir, specifier.slice('@site/'.length));
  return specifier.startsWith('.') ? path.resolve(path.dirname(file.file), specifier) : specifier;
}

/** The id of an empty `<span id="…" />`, the target the generated lists put on an entry (a what-changed entry, a move). */
function entryTargetId(node: MdxJsxFlowElement | MdxJsxTextElement): string | undefined {
  if (node.name !== 'span' || node.children.length || node.attributes.length !== 1) return undefined;
  const [attribute] = node.attributes;
  return attribute.type === 'mdxJsxAttribute' && attribute.name === 'id' && typeof attribute.value === 'string' ? attribute.value : undefined;
}

function jsxElement(node: MdxJsxFlowElement | MdxJsxTextElement, file: FileState, page: PageState): RootContent[] {
  const {options} = page;
  const entry = entryTargetId(node);
  // Markdown has no target inside a list: a link to the entry leads to the heading of its list (fragments.ts).
  if (entry !== undefined) {
    if (page.heading) markEntryId(page.heading, entry);
    return [];
  }
  const specifier = node.name ? file.imports.get(node.name) : undefined;
  if (specifier !== undefined) {
    const partial = partialOfImport(specifier, file.file, options.partialsDir, options.siteDir);
    if (partial !== undefined && options.isReferencePartial(partial)) return options.reference(partial, page.headingDepth);
    const module = resolveSpecifier(specifier, file, options);
    // Another page file (MDX or Markdown): its content in place.
    if (/\.mdx?$/u.test(module) && existsSync(module)) return convertFile(module, page);
    const meaning = options.component(module.replace(/\.[jt]sx?$/u, ''));
    if (meaning) return meaning;
  } else if (node.name) {
    const meaning = options.unimportedComponent(node.name);
    if (meaning) return meaning;
  }
  if (node.name && /^[A-Z]/u.test(node.name)) options.warn(`${path.relative(options.siteDir, file.file)}: <${node.name}> has no Markdown form: its children stand for it`);
  return convertAll(node.children as RootContent[], file, page);
}

function convertPhrasing(children: PhrasingContent[], file: FileState, page: PageState): PhrasingContent[] {
  return convertAll(children, file, page) as PhrasingContent[];
}

/** A heading's fixed id, written `## Title {/* #id *\/}` (Docusaurus reads the last child's single comment). */
function fixedId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== 'mdxTextExpression') return undefined;
  const program = (last.data as {estree?: {body: unknown[]; comments?: Array<{value: string}>}} | undefined)?.estree;
  if (!program || program.body.length || program.comments?.length !== 1) return undefined;
  const first = program.comments[0].value.trim().split(' ')[0];
  return first.startsWith('#') && first.length > 1 ? first.slice(1) : undefined;
}

/** Trailing spaces left where a `{/* #id *\/}` was. */
function trimEnd(children: PhrasingContent[]): PhrasingContent[] {
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/u, '');
  return children;
}

function convertNode(node: RootContent, file: FileState, page: PageState): RootContent[] {
  switch (node.type) {
    case 'yaml':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsxElement(node, file, page);
    case 'containerDirective':
      if (ADMONITIONS.has(node.name)) return admonition(node, file, page);
      return [{type: 'paragraph', children: [text(sourceOf(node, file))]}];
    case 'leafDirective':
      return [{type: 'paragraph', children: [text(sourceOf(node, file))]}];
    case 'textDirective':
      return [text(sourceOf(node, file))];
    case 'heading': {
      page.headingDepth = node.depth;
      page.heading = node;
      const fixed = fixedId(node);
      node.children = trimEnd(convertPhrasing(node.children, file, page));
      // Its id on the web page, as Docusaurus gives it: the fixed one, else the slug of its text (fragments.ts).
      markWebId(node, fixed ?? page.slugger.slug(headingText(node)));
      return [node];
    }
    case 'link':
    case 'definition':
    case 'image': {
      const url = page.options.links.resolve(node.url, file.file, page.permalink);
      if (url === undefined) page.options.warn(`${path.relative(page.options.siteDir, file.file)}: the link ${node.url} leads to no docs page`);
      else node.url = url;
      break;
    }
  }
  if ('children' in node) (node as {children: RootContent[]}).children = convertAll(node.children as RootContent[], file, page);
  return [node];
}

function convertAll(children: RootContent[], file: FileState, page: PageState): RootContent[] {
  return children.flatMap((child) => convertNode(child, file, page));
}

function convertFile(fileName: string, page: PageState): RootContent[] {
  if (page.open.has(fileName)) {
    page.options.warn(`${fileName} imports itself: left out the second time`);
    return [];
  }
  page.open.add(fileName);
  const source = readFileSync(fileName, 'utf8');
  const tree = parseMdx(source);
  const content = convertAll(tree.children, {file: fileName, source, imports: importsOf(tree)}, page);
  page.open.delete(fileName);
  return content;
}

/** The Markdown content of the page at `file` (its front matter left out), served at `permalink`. */
export function mdxPageToMarkdown(file: string, permalink: string, options: ConvertOptions): RootContent[] {
  return convertFile(file, {permalink, headingDepth: 0, open: new Set(), slugger: new GithubSlugger(), options});
}

/** Whether content starts with its own title (a `# heading`), as Docusaurus reads it. */
export function startsWithTitle(content: readonly RootContent[]): boolean {
  return content[0]?.type === 'heading' && (content[0] as Heading).depth === 1;
}
