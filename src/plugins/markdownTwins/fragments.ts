/**
 * Fragments in the Markdown twins, as Markdown renderers make them.
 *
 * A twin's headings carry no ids of their own: Markdown has no syntax for
 * one that CommonMark renderers keep, and the twins hold no raw HTML. What
 * renderers do agree on (GitHub, GitLab, markdown-it-anchor, Docusaurus
 * itself) is an id slugged from the heading's text, GitHub's way, numbered
 * when it repeats (github-slugger). So every heading is marked, while the
 * twin is made, with the id it has on the web page (a field entry its
 * field's anchor, a narrative heading its fixed id or Docusaurus's slug), and
 * once every twin is made each link into a twin is given the slug of the
 * heading that has its id there: `sync.md#sync-toHost-pods` becomes
 * `sync.md#synctohostpods`, the heading `` `sync.toHost.pods` ``.
 */
import GithubSlugger from 'github-slugger';
import type {Heading, Nodes, Root} from 'mdast';

declare module 'mdast' {
  interface HeadingData {
    /** The heading's id on the web page (a field's anchor, or a narrative heading's id). */
    webId?: string;
    /** Ids of entries in the list below it (a what-changed entry): links to one lead to this heading. */
    entryIds?: string[];
  }
}

/** The text a renderer slugs a heading by: its text and code, without markup. */
export function headingText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(headingText).join('') : '';
}

export function markWebId(heading: Heading, webId: string): void {
  heading.data = {...heading.data, webId};
}

export function markEntryId(heading: Heading, id: string): void {
  heading.data = {...heading.data, entryIds: [...(heading.data?.entryIds ?? []), id]};
}

function* nodesOf(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children as Nodes[]) yield* nodesOf(child);
}

/** Each web id of a twin's headings and the fragment renderers give that heading, in document order. */
export function fragmentsOf(tree: Root): Map<string, string> {
  const slugger = new GithubSlugger();
  const fragments = new Map<string, string>();
  for (const node of nodesOf(tree)) {
    if (node.type !== 'heading') continue;
    const slug = slugger.slug(headingText(node));
    const webId = node.data?.webId;
    for (const id of [webId, ...(node.data?.entryIds ?? [])]) if (id !== undefined && !fragments.has(id)) fragments.set(id, slug);
  }
  return fragments;
}

/**
 * Gives each link of `tree` into a twin (an absolute URL, a key of
 * `fragmentsByTwin`) the fragment of the heading that has its web id there;
 * links whose id no heading of the twin has are left as they are.
 */
export function retargetFragments(tree: Root, fragmentsByTwin: ReadonlyMap<string, ReadonlyMap<string, string>>): void {
  for (const node of nodesOf(tree)) {
    if (node.type !== 'link' && node.type !== 'definition') continue;
    const at = node.url.indexOf('#');
    if (at < 0) continue;
    const fragment = fragmentsByTwin.get(node.url.slice(0, at))?.get(decodeURIComponent(node.url.slice(at + 1)));
    if (fragment !== undefined) node.url = `${node.url.slice(0, at)}#${fragment}`;
  }
}
