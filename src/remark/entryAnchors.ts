/**
 * Remark plugin: the empty `<span id="…" />` targets the generated pages put
 * on list entries (a what-changed entry, an upgrade guide's move or
 * constraint) become `<EntryAnchor id="…" />` (src/theme/MDXComponents.tsx),
 * which registers the id with the build's broken-anchor check: links to them
 * (the upgrade guide's own entries, its what-changed links) are checked like
 * links to headings. The generated files keep the plain span.
 */
import type {Root} from 'mdast';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';

/** The component the targets become. */
export const ENTRY_ANCHOR = 'EntryAnchor';

function isEntryTarget(node: MdxJsxFlowElement | MdxJsxTextElement): boolean {
  return node.name === 'span' && node.children.length === 0 && node.attributes.length === 1 && node.attributes[0].type === 'mdxJsxAttribute' && node.attributes[0].name === 'id' && typeof node.attributes[0].value === 'string';
}

export default function entryAnchors() {
  return (tree: Root): void => {
    visit(tree, ['mdxJsxTextElement', 'mdxJsxFlowElement'], (node) => {
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (isEntryTarget(element)) element.name = ENTRY_ANCHOR;
    });
  };
}
