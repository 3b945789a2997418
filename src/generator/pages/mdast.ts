/**
 * Small builders of Markdown syntax trees for the generated pages, and the
 * one serialiser of a whole page: YAML front matter (the YAML library) above
 * the body (the MDX-aware serialiser of render/serialize.ts).
 */
import type {List, ListItem, Paragraph, PhrasingContent, Root, RootContent} from 'mdast';
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {stringify} from 'yaml';
import {serializePartial} from '../render/serialize';

export const text = (value: string): PhrasingContent => ({type: 'text', value});
export const code = (value: string): PhrasingContent => ({type: 'inlineCode', value});
export const strong = (value: string): PhrasingContent => ({type: 'strong', children: [text(value)]});
export const link = (url: string, label: string): PhrasingContent => ({type: 'link', url, children: [text(label)]});

export function paragraph(...children: PhrasingContent[]): Paragraph {
  return {type: 'paragraph', children};
}

export function list(...items: PhrasingContent[][]): List {
  return {type: 'list', ordered: false, spread: false, children: items.map((children): ListItem => ({type: 'listItem', spread: false, children: [paragraph(...children)]}))};
}

/** `import Name from 'specifier';` */
export function importDefault(name: string, specifier: string): MdxjsEsm {
  if (/['\\\n]/u.test(specifier)) throw new Error(`import specifier ${JSON.stringify(specifier)}: no quotes, backslashes or newlines`);
  return {type: 'mdxjsEsm', value: `import ${name} from '${specifier}';`} as MdxjsEsm;
}

/** `<Name />` */
export function element(name: string): MdxJsxFlowElement {
  return {type: 'mdxJsxFlowElement', name, attributes: [], children: []};
}

export interface PageTree {
  frontMatter: Record<string, unknown>;
  body: RootContent[];
}

/** A page's text: its front matter, then its body. */
export function serializePage({frontMatter, body}: PageTree): string {
  const root: Root = {type: 'root', children: body};
  return `---\n${stringify(frontMatter, {lineWidth: 0})}---\n\n${serializePartial(root)}`;
}
