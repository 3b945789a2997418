/**
 * A docs page's description when its front matter gives none: the text of its
 * first paragraph. Docusaurus's own excerpt (`createExcerpt` in
 * @docusaurus/utils) strips Markdown with regular expressions, one of which
 * removes emoji short codes: everything from one colon to the next on a line,
 * so "runs its own control plane: an API server, … the control plane only:
 * its size" lost the words between the two colons, in the meta description,
 * the Markdown twins and llms.txt. Here the page is parsed as the twins parse
 * it (MDX, GFM, directives) and the paragraph's text is read from the tree.
 *
 * It runs as the site's `markdown.parseFrontMatter` hook, the one step of
 * Docusaurus's pipeline that can supply a description: the docs plugin
 * takes the front matter's before its excerpt.
 */
import path from 'node:path';
import type {Nodes, RootContent} from 'mdast';
import type {MarkdownConfig} from '@docusaurus/types';
import {parse} from 'yaml';
import {parseMdx} from './markdownTwins/mdxToMarkdown';

/** The text a reader sees of a node: text and inline code, JSX elements by their children, no expressions. */
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return '';
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

/** The text of the first top-level paragraph of an MDX page (front matter, imports, headings and components skipped), one line. */
export function firstParagraphText(source: string): string | undefined {
  const paragraph = parseMdx(source).children.find((node: RootContent) => node.type === 'paragraph');
  const text = paragraph && textOf(paragraph).replace(/\s+/gu, ' ').trim();
  return text || undefined;
}

/**
 * Whether a page's own front matter gives a description (the others get their
 * first paragraph's here, and the Markdown twins quote only a page's own).
 */
export function hasOwnDescription(source: string): boolean {
  const [first] = parseMdx(source).children;
  if (first?.type !== 'yaml') return false;
  const frontMatter: unknown = parse(first.value);
  return typeof frontMatter === 'object' && frontMatter !== null && typeof (frontMatter as {description?: unknown}).description === 'string';
}

/** Files that are no page of their own: partials and anything else under a `_` folder or named `_…`. */
function isPageFile(filePath: string): boolean {
  return !filePath.split(path.sep).some((segment) => segment.startsWith('_'));
}

/** The site's `markdown.parseFrontMatter`: Docusaurus's parser, and a page without a description gets its first paragraph's text. */
export const parseFrontMatter: MarkdownConfig['parseFrontMatter'] = async (params) => {
  const result = await params.defaultParseFrontMatter(params);
  if (result.frontMatter.description !== undefined || !isPageFile(params.filePath)) return result;
  const description = firstParagraphText(result.content);
  return description === undefined ? result : {...result, frontMatter: {...result.frontMatter, description}};
};
