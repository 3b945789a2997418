import type {Root} from 'mdast';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {mdxToMarkdown} from 'mdast-util-mdx';
import {toMarkdown} from 'mdast-util-to-markdown';

/**
 * The one place a partial's syntax tree becomes text. The MDX and GFM
 * extensions escape every character MDX would read as syntax (`{`, `<`, `|`
 * in tables, ...), so text from the schema always shows as the text it is.
 */
export function serializePartial(tree: Root): string {
  return toMarkdown(tree, {extensions: [mdxToMarkdown(), gfmToMarkdown()], bullet: '-', emphasis: '_', fences: true, rule: '-'});
}
