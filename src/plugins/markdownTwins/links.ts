/**
 * Where a link in a Markdown twin points. Every link to a docs page goes to
 * that page's twin, as an absolute URL (a twin is often read away from the
 * site, pasted into a model's context): `./database.mdx#x`,
 * `pathname:///docs/0.21.0/sync#x`, `/docs/sync` and `#x` alike. Links to
 * anything else on the site become absolute too; links elsewhere stay.
 */
import path from 'node:path';
import {markdownTwinUrl} from '../../reference/urls';

export interface SitePages {
  /** The site's URL without a trailing slash: `https://example.org`. */
  siteUrl: string;
  /** `/` or `/pr-123/`. */
  baseUrl: string;
  /** Each docs page's source file (absolute) and its permalink (with the baseUrl). */
  permalinkOfSource: ReadonlyMap<string, string>;
}

const PAGE_FILE = /\.mdx?$/u;
const SCHEME = /^[a-z][a-z0-9+.-]*:/iu;

/** A permalink as the build serves it: Docusaurus keeps a trailing slash on a folder's index page (`/docs/control-plane/`). */
export function servedPath(permalink: string): string {
  return permalink.replace(/\/+$/u, '') || '/';
}

function splitHash(url: string): [string, string] {
  const at = url.indexOf('#');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

export class TwinLinks {
  private readonly permalinks: ReadonlySet<string>;

  constructor(private readonly site: SitePages) {
    this.permalinks = new Set([...site.permalinkOfSource.values()].map(servedPath));
  }

  /** A path on the site (with the baseUrl) as an absolute URL. */
  absolute(sitePath: string): string {
    return `${this.site.siteUrl}${sitePath}`;
  }

  /** A route of the site (without the baseUrl: `/schemas/0.22.0/x.json`) as an absolute URL. */
  route(route: string): string {
    return this.absolute(`${this.site.baseUrl.replace(/\/$/u, '')}${route}`);
  }

  /** The absolute URL of a page's twin, from its permalink. */
  twinOf(permalink: string): string {
    return this.absolute(markdownTwinUrl(permalink));
  }

  /** A site path (with the baseUrl): the twin when it is a docs page, else the path itself; absolute. */
  private sitePath(pathname: string, hash: string): string {
    const page = servedPath(pathname);
    return this.permalinks.has(page) ? `${this.twinOf(page)}${hash}` : `${this.absolute(pathname)}${hash}`;
  }

  /**
   * Where `url`, written in `fromFile` (a page or a partial it imports), leads
   * in the twin of the page at `fromPermalink`; undefined for a link to a
   * page file that is no docs page.
   */
  resolve(url: string, fromFile: string, fromPermalink: string): string | undefined {
    const [target, hash] = splitHash(url.trim());
    // Docusaurus adds the baseUrl to pathname:// and root-relative links.
    const rooted = target.startsWith('pathname://') ? target.slice('pathname://'.length) : target;
    if (SCHEME.test(rooted) || rooted.startsWith('//')) return url;
    if (rooted === '') return `${this.twinOf(fromPermalink)}${hash}`;
    if (rooted.startsWith('/')) return this.sitePath(`${this.site.baseUrl.replace(/\/$/u, '')}${rooted}`, hash);
    if (PAGE_FILE.test(rooted)) {
      const permalink = this.site.permalinkOfSource.get(path.resolve(path.dirname(fromFile), decodeURIComponent(rooted)));
      return permalink === undefined ? undefined : `${this.twinOf(permalink)}${hash}`;
    }
    // A relative URL, as the browser resolves it against the page.
    return this.sitePath(new URL(rooted, `http://site${fromPermalink}`).pathname, hash);
  }
}
