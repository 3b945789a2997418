/**
 * Reading the files for machines the way a consumer does: parsed as
 * CommonMark + GFM (mdast-util-from-markdown), independently of how the
 * plugin wrote them. Shared by the built-site, sub-path and hostile-site tests.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Heading, Link, Nodes, Root} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';
import {attr, findElement, parseHtmlDocument, walkElements, type HtmlElement} from '../../src/lib/html';

export function parseMarkdownFile(file: string): Root {
  return fromMarkdown(readFileSync(file, 'utf8'), {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]});
}

export function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* walk(child);
}

/** Raw HTML a Markdown renderer would pass through: there must be none. */
export function htmlNodes(tree: Root): string[] {
  return [...walk(tree)].filter((node) => node.type === 'html').map((node) => (node as {value: string}).value);
}

/** Every field entry's path: a heading that holds only inline code. */
export function fieldHeadings(tree: Root): string[] {
  return [...walk(tree)]
    .filter((node): node is Heading => node.type === 'heading' && node.children.length === 1 && node.children[0].type === 'inlineCode')
    .map((heading) => (heading.children[0] as {value: string}).value);
}

export function links(tree: Root): string[] {
  return [...walk(tree)].filter((node): node is Link => node.type === 'link').map((link) => link.url);
}

/** What a reader sees as text: text, inline code and code blocks. */
export function textOfMarkdown(tree: Root): string {
  return [...walk(tree)]
    .filter((node) => node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')
    .map((node) => (node as {value: string}).value)
    .join(' ');
}

/** Paths whose count is not 1 in `listed`, and the expected ones not listed at all. */
export function notExactlyOnce(listed: readonly string[], expected: readonly string[]): {duplicated: string[]; missing: string[]; unexpected: string[]} {
  const counts = new Map<string, number>();
  for (const entry of listed) counts.set(entry, (counts.get(entry) ?? 0) + 1);
  const wanted = new Set(expected);
  return {
    duplicated: [...counts].filter(([, count]) => count > 1).map(([entry, count]) => `${entry} (${count}x)`),
    missing: expected.filter((entry) => !counts.has(entry)),
    unexpected: [...counts.keys()].filter((entry) => !wanted.has(entry)),
  };
}

/** The `<link rel="alternate" type="text/markdown">` hrefs of a built HTML page. */
export function markdownAlternates(htmlFile: string): string[] {
  const document = parseHtmlDocument(readFileSync(htmlFile, 'utf8'));
  const head = findElement(document, 'head');
  return [...walkElements(head ? [head] : [])]
    .filter((element: HtmlElement) => element.tagName === 'link' && attr(element, 'rel') === 'alternate' && attr(element, 'type') === 'text/markdown')
    .map((element) => attr(element, 'href') ?? '');
}

/** Every id in a built HTML page. */
export function idsOf(htmlFile: string): Set<string> {
  const ids = new Set<string>();
  for (const element of walkElements(parseHtmlDocument(readFileSync(htmlFile, 'utf8')))) {
    const id = attr(element, 'id');
    if (id) ids.add(id);
  }
  return ids;
}

/** The site's URL as the build knows it (its home page's canonical link): `http://localhost:3000`. */
export function siteUrlOf(buildDir: string): string {
  const document = parseHtmlDocument(readFileSync(path.join(buildDir, 'index.html'), 'utf8'));
  const canonical = [...walkElements(document)].find((element) => element.tagName === 'link' && attr(element, 'rel') === 'canonical');
  return new URL(attr(canonical!, 'href')!).origin;
}
