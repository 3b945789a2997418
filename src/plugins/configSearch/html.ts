/**
 * Reads what search needs from one page of the built site: its title, the
 * narrative text under each h2/h3, and every element id (fields' anchors
 * included, which place each field on its pages). Parsed with parse5.
 */
import {REFERENCE_ATTRIBUTE} from '../../search/markup';
import {attr, findElement, isElement, parseHtmlDocument, textOf, type HtmlElement, type HtmlNode} from '../../lib/html';

export interface PageSection {
  /** Undefined for the text before the first heading. */
  id?: string;
  heading?: string;
  text: string;
}

export interface ExtractedPage {
  title: string;
  sections: PageSection[];
  /** Every id inside the page's article, fields' anchors included. */
  ids: Set<string>;
}

/** Never text: code blocks (their keys would match every field), navigation, controls, pictures. */
const SKIP_TAGS = new Set(['script', 'style', 'svg', 'nav', 'pre', 'button', 'footer', 'noscript', 'template', 'select', 'textarea']);
/** Docusaurus's diagrams, mobile table of contents, and the version's badge and banner. */
const SKIP_CLASSES = ['docusaurus-mermaid-container', 'theme-doc-toc-mobile', 'theme-doc-version-badge', 'theme-doc-version-banner'];
const HEADING = /^h[1-6]$/u;

function condense(text: string): string {
  return text.replace(/[\u200b\s]+/g, ' ').trim();
}

function classesOf(element: HtmlElement): string[] {
  return (attr(element, 'class') ?? '').split(/\s+/);
}

/** Left out of the text (ids inside still count): see SKIP_TAGS, SKIP_CLASSES, and the rendered reference, which search indexes from the field index. */
function isSkipped(element: HtmlElement): boolean {
  if (SKIP_TAGS.has(element.tagName) || attr(element, REFERENCE_ATTRIBUTE) !== undefined) return true;
  const classes = classesOf(element);
  return SKIP_CLASSES.some((name) => classes.includes(name));
}

function childrenOf(node: HtmlNode): HtmlNode[] {
  // A <template>'s content is a fragment of its own, not its children.
  return 'childNodes' in node ? node.childNodes : [];
}

function collectIds(nodes: HtmlNode[], ids: Set<string>): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const id = attr(node, 'id');
    if (id) ids.add(id);
    collectIds(node.childNodes, ids);
  }
}

/** A heading's text, without the parts search never reads (its `#` link's icon, buttons). */
function headingText(nodes: HtmlNode[], ids: Set<string>): string {
  let text = '';
  for (const node of nodes) {
    if (!isElement(node)) {
      text += textOf(node);
      continue;
    }
    const id = attr(node, 'id');
    if (id) ids.add(id);
    if (isSkipped(node)) collectIds(node.childNodes, ids);
    else text += headingText(node.childNodes, ids);
  }
  return text;
}

export function extractPage(html: string): ExtractedPage {
  const document = parseHtmlDocument(html);
  const root = findElement(document, 'article') ?? findElement(document, 'main');
  const ids = new Set<string>();
  const sections: PageSection[] = [{text: ''}];
  let title = '';
  const append = (text: string) => (sections[sections.length - 1].text += text);

  const visit = (nodes: HtmlNode[]): void => {
    for (const node of nodes) {
      if (!isElement(node)) {
        append(textOf(node));
        continue;
      }
      const id = attr(node, 'id');
      if (id) ids.add(id);
      if (isSkipped(node)) {
        collectIds(childrenOf(node), ids);
        continue;
      }
      if (HEADING.test(node.tagName)) {
        const text = condense(headingText(node.childNodes, ids));
        if (node.tagName === 'h1' && !title) title = text;
        else if ((node.tagName === 'h2' || node.tagName === 'h3') && id) sections.push({id, heading: text, text: ''});
        else append(` ${text} `);
        continue;
      }
      // Element boundaries separate words that minified HTML writes without a space.
      append(' ');
      visit(node.childNodes);
      append(' ');
    }
  };
  visit(root ? root.childNodes : document);

  for (const section of sections) section.text = condense(section.text);
  const titleElement = findElement(document, 'title');
  const documentTitle = titleElement ? condense(textOf(titleElement)).replace(/\s+\|[^|]*$/, '') : '';
  return {title: title || documentTitle, sections, ids};
}
