/** The one place the twins' Markdown is parsed and written: CommonMark with GFM, no MDX, no HTML. */
import type {Root} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {gfm} from 'micromark-extension-gfm';

/** The serialiser escapes what Markdown would read as syntax or HTML (`<script>` is written `\<script>`). */
export function serializeMarkdown(tree: Root): string {
  return toMarkdown(tree, {extensions: [gfmToMarkdown({tablePipeAlign: false})], bullet: '-', emphasis: '_', fences: true, rule: '-', listItemIndent: 'one'});
}

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]});
}
