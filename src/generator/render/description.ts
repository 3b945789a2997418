import type {Nodes, Parent, PhrasingContent, Root, RootContent} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';

/**
 * Rules that make a parsed description safe to place inside a partial. Each
 * is a small pure function from one mdast node to its replacement(s).
 */
interface NodeRule {
  name: string;
  applies(node: Nodes): boolean;
  replace(node: Nodes): RootContent[];
}

const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/)|\.{1,2}\/)/i;

const text = (value: string): PhrasingContent => ({type: 'text', value});

export const descriptionNodeRules: NodeRule[] = [
  {
    // Raw HTML such as `<controlPlane-component>` or `<script>` is shown as the text it is, never as markup.
    name: 'rawHtmlAsText',
    applies: (node) => node.type === 'html',
    replace: (node) => [text((node as {value: string}).value)],
  },
  {
    // The table of contents lists fields only, so a heading inside a description becomes a bold paragraph.
    name: 'headingsAsStrongParagraphs',
    applies: (node) => node.type === 'heading',
    replace: (node) => [{type: 'paragraph', children: [{type: 'strong', children: (node as Parent).children as PhrasingContent[]}]}],
  },
  {
    // Images would fetch from anywhere; show their alt text and address instead.
    name: 'imagesAsText',
    applies: (node) => node.type === 'image' || node.type === 'imageReference',
    replace: (node) => {
      const image = node as {alt?: string | null; url?: string};
      return [text(image.url ? `${image.alt ?? ''} (${image.url})` : (image.alt ?? ''))];
    },
  },
  {
    // Only web, mail and relative links stay links: no `javascript:` or `data:`.
    name: 'unsafeLinksAsText',
    applies: (node) => node.type === 'link' && !SAFE_URL.test((node as {url: string}).url.trim()),
    replace: (node) => [...((node as Parent).children as PhrasingContent[]), text(` (${(node as {url: string}).url})`)],
  },
  {
    // Reference-style definitions render nothing and would clash between fields.
    name: 'dropDefinitions',
    applies: (node) => node.type === 'definition' || node.type === 'footnoteDefinition',
    replace: () => [],
  },
  {
    name: 'footnoteReferencesAsText',
    applies: (node) => node.type === 'footnoteReference' || node.type === 'linkReference',
    replace: (node) => {
      const reference = node as {label?: string | null; identifier: string; children?: PhrasingContent[]};
      return reference.children ?? [text(`[^${reference.label ?? reference.identifier}]`)];
    },
  },
];

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem']);
const PHRASING = new Set(['text', 'strong', 'emphasis', 'delete', 'inlineCode', 'link', 'break']);

function applyRules(parent: Parent): void {
  const next: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const rule = descriptionNodeRules.find((candidate) => candidate.applies(child));
    const replaced = rule ? rule.replace(child) : [child];
    for (const node of replaced) {
      if ('children' in node) applyRules(node as Parent);
      // Block-level raw HTML became text: it needs a paragraph around it.
      if (FLOW_PARENTS.has(parent.type) && PHRASING.has(node.type)) {
        next.push({type: 'paragraph', children: [node as PhrasingContent]});
      } else next.push(node);
    }
  }
  parent.children = next as Parent['children'];
}

/**
 * Parses a description as GFM Markdown (not MDX: braces and angle brackets
 * are text) and applies {@link descriptionNodeRules}. The result is placed in
 * the partial's tree and serialised with the MDX-aware serialiser, which
 * escapes whatever MDX would otherwise read as syntax.
 */
export function descriptionToMdast(markdown: string): RootContent[] {
  if (!markdown.trim()) return [];
  // A field shows in every partial above it; parse its description once. The trees are never mutated after this.
  let cached = parsed.get(markdown);
  if (!cached) {
    cached = isPlainProse(markdown) ? plainParagraphs(markdown) : parseMarkdown(markdown);
    parsed.set(markdown, cached);
  }
  return cached;
}

export function parseMarkdown(markdown: string): RootContent[] {
  const tree: Root = fromMarkdown(markdown, {extensions: [gfmSyntax], mdastExtensions: [gfmTree]});
  applyRules(tree);
  return tree.children;
}

/**
 * Most descriptions are prose with no Markdown in them. Those skip the
 * parser (the slowest step of the generator) and become paragraphs directly;
 * a test checks this gives the parser's tree for every description in the
 * real charts.
 */
export function isPlainProse(markdown: string): boolean {
  return (
    !/[`*_[\]<>{}\\|~&!]|:\/\/|www\.|@|\t|^ {4}|^ *(?:[#>=+-]|\d+[.)])|\n *\n *\n/m.test(markdown) &&
    // A line of its own that is not prose.
    !/^ *$/.test(markdown) &&
    !/(^|\n) +\S/.test(markdown) &&
    !/ {2,}\n|\s\n|\n$/.test(markdown)
  );
}

export function plainParagraphs(markdown: string): RootContent[] {
  return markdown.split(/\n *\n/).map((block) => ({type: 'paragraph', children: [text(block)]}));
}

const gfmSyntax = gfm();
const gfmTree = gfmFromMarkdown();
const parsed = new Map<string, RootContent[]>();
