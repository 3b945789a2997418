/**
 * Reads what search needs from one page of the built site: its title, the
 * narrative text under each h2/h3, and every element id. The HTML is the
 * minified output of `docusaurus build` (unquoted attributes, omitted `</p>` and
 * `</li>`), so this walks tags with a small tokenizer rather than a parser: only
 * elements that always have an end tag are ever skipped as a whole.
 */
import {STOP_WORDS, words} from '../../theme/SearchBar/rank';

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

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Never text: code blocks (their keys would match every field), navigation, controls, pictures. */
const SKIP_TAGS = new Set(['script', 'style', 'svg', 'nav', 'pre', 'button', 'footer', 'noscript', 'template', 'select', 'textarea']);
/** Rendered reference fields (indexed from fields.json instead), diagrams and the version's badge and banner. */
const SKIP_CLASSES = ['cfg', 'cfg-section', 'docusaurus-mermaid-container', 'theme-doc-toc-mobile', 'theme-doc-version-badge', 'theme-doc-version-banner'];
/** Elements that can be skipped as a whole: their end tag is never omitted. */
const SKIPPABLE = new Set(['div', 'details', 'section', 'aside', 'span', 'figure', 'table']);

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

export function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes.set(match[1].toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

function condense(text: string): string {
  return text.replace(/[\u200b\s]+/g, ' ').trim();
}

/** The `<article>` of a docs page (or `<main>`, or the whole document). */
function mainContent(html: string): string {
  for (const tag of ['article', 'main']) {
    const start = html.search(new RegExp(`<${tag}[\\s>]`, 'i'));
    const end = html.lastIndexOf(`</${tag}>`);
    if (start >= 0 && end > start) return html.slice(start, end);
  }
  return html;
}

function documentTitle(html: string): string {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  return match ? condense(decodeEntities(match[1])).replace(/\s+\|[^|]*$/, '') : '';
}

export function extractPage(html: string): ExtractedPage {
  const ids = new Set<string>();
  const sections: PageSection[] = [{text: ''}];
  let title = '';
  let skip: {tag: string; depth: number} | undefined;
  let heading: {tag: string; id?: string; text: string; field: boolean} | undefined;

  for (const match of mainContent(html).matchAll(TOKEN)) {
    const [, slash, rawTag, rawAttributes, text] = match;
    if (text !== undefined || (rawTag === undefined && match[0] === '<')) {
      if (skip) continue;
      const decoded = decodeEntities(text ?? '<');
      if (heading) heading.text += decoded;
      else sections[sections.length - 1].text += decoded;
      continue;
    }
    if (rawTag === undefined) continue; // a comment
    const tag = rawTag.toLowerCase();
    const closing = slash === '/';
    const selfClosing = !closing && (VOID.has(tag) || /\/\s*$/.test(rawAttributes));

    if (!closing) {
      const attributes = parseAttributes(rawAttributes);
      const id = attributes.get('id');
      if (id) ids.add(id);
      if (skip) {
        if (tag === skip.tag && !selfClosing) skip.depth++;
        continue;
      }
      const classes = (attributes.get('class') ?? '').split(/\s+/);
      if (!selfClosing && (SKIP_TAGS.has(tag) || (SKIPPABLE.has(tag) && SKIP_CLASSES.some((name) => classes.includes(name))))) {
        skip = {tag, depth: 1};
        continue;
      }
      if (/^h[1-6]$/.test(tag) && !heading) {
        heading = {tag, id, text: '', field: classes.includes('cfg__name')};
        continue;
      }
      // Block boundaries separate words that minified HTML writes without a space.
      if (!selfClosing && !heading) sections[sections.length - 1].text += ' ';
      continue;
    }

    if (skip) {
      if (tag === skip.tag && --skip.depth === 0) skip = undefined;
      continue;
    }
    if (heading && tag === heading.tag) {
      const headingText = condense(heading.text);
      if (heading.tag === 'h1' && !title) title = headingText;
      else if ((heading.tag === 'h2' || heading.tag === 'h3') && heading.id && !heading.field) {
        sections.push({id: heading.id, heading: headingText, text: ''});
      } else sections[sections.length - 1].text += ` ${headingText} `;
      heading = undefined;
      continue;
    }
    if (!heading) sections[sections.length - 1].text += ' ';
  }

  for (const section of sections) section.text = condense(section.text);
  return {title: title || documentTitle(html), sections, ids};
}

/** Lowercase words, split as the search box splits a query. */
export const wordsOf = words;

/** The distinct words of a section worth searching, in order of appearance, without those in `known`. */
export function condensedWords(text: string, known: Iterable<string> = []): string {
  const seen = new Set<string>(known);
  const words: string[] = [];
  for (const word of wordsOf(text)) {
    if (word.length < 2 || STOP_WORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words.join(' ');
}
