/** The generated pages' entry targets become registered anchors (src/remark/entryAnchors.ts); other spans stay. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Root} from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import entryAnchors, {ENTRY_ANCHOR} from '../../src/remark/entryAnchors';

function elementNames(mdx: string): string[] {
  const processor = unified().use(remarkParse).use(remarkMdx);
  const tree = processor.parse(mdx) as Root;
  entryAnchors()(tree);
  const names: string[] = [];
  visit(tree, ['mdxJsxTextElement', 'mdxJsxFlowElement'], (node) => {
    names.push((node as {name: string}).name);
  });
  return names;
}

test('an empty span with only an id becomes the anchor component; a span with content or other attributes stays a span', () => {
  assert.deepEqual(elementNames('- <span id="move-a" />**0.24.0**: moved.\n'), [ENTRY_ANCHOR]);
  assert.deepEqual(elementNames('<span id="x">text</span> and <span id="y" className="z" /> and <span />\n'), ['span', 'span', 'span']);
});
