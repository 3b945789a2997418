/**
 * Where the site serves what each docs version publishes, relative to its
 * baseUrl. Browser-safe: the theme, the checker and the build plugins use it.
 */

/** The docs route prefix: the current version at `/docs`, each older one at `/docs/<version>`. */
export const DOCS_ROUTE = 'docs';

/** A version's path below `/docs` (Docusaurus's version `path` option): '' for the current one. */
export function versionRoutePath(version: string, current: string): string {
  return version === current ? '' : version;
}

/**
 * The permanent address of a page of `version`, under the release's own path even while it is
 * current (`/docs/0.36.1/sync`): a link copied today keeps showing this release after the next one.
 * While the release is current a redirect page there leads to its page under `/docs`; once it is
 * snapshotted, its snapshot is served there.
 */
export function permalinkRoute(version: string, pageRoute = ''): string {
  return `/${[DOCS_ROUTE, version, pageRoute].filter(Boolean).join('/')}`;
}

/**
 * The route inside the current version of a site path relative to the baseUrl (`/docs/sync` → `sync`,
 * `/docs` → ''), or undefined when the path is not a page of the current version: outside `/docs`,
 * or under one of `otherVersions`' paths.
 */
export function currentPageRoute(pathname: string, otherVersions: readonly string[]): string | undefined {
  const trimmed = pathname.replace(/\/+$/u, '');
  if (trimmed !== `/${DOCS_ROUTE}` && !trimmed.startsWith(`/${DOCS_ROUTE}/`)) return undefined;
  const route = trimmed.slice(DOCS_ROUTE.length + 2);
  return otherVersions.some((version) => route === version || route.startsWith(`${version}/`)) ? undefined : route;
}

/** `/docs` or `/docs/0.21.0`, then the page's route inside its version, if given. */
export function docsRoute(version: string, current: string, pageRoute = ''): string {
  return `/${[DOCS_ROUTE, versionRoutePath(version, current), pageRoute].filter(Boolean).join('/')}`;
}

/** The file names a version publishes for editors, under `/schemas/<version>/`. */
export const PUBLISHED_SCHEMA = 'vcluster.schema.json';
export const PUBLISHED_TYPES = 'vcluster.d.ts';
/** The release's default values, the chart's values.yaml unchanged (the default-values page offers it for download). */
export const PUBLISHED_VALUES = 'values.yaml';
export const PUBLISHED_DIR = 'schemas';

/** A release's published file; every release of the line publishes its schema (PUBLISHED_SCHEMA), the documented ones the rest too. */
export function publishedUrl(version: string, file: string): string {
  return `/${PUBLISHED_DIR}/${version}/${file}`;
}

/** Every release's fields for code in the browser (releases.ts `ReleasesData`): the checker, the missing-field notice. */
export const RELEASES_FILE = 'releases.json';
export const RELEASES_URL = `/${PUBLISHED_DIR}/${RELEASES_FILE}`;

/** Every curated move and upgrade constraint (moves.ts `MovesData`), beside the release data: the upgrade reads both. */
export const MOVES_FILE = 'moves.json';
export const MOVES_URL = `/${PUBLISHED_DIR}/${MOVES_FILE}`;

/** The config checker's page (src/pages/check.tsx), outside the docs versions. */
export const CHECKER_ROUTE = '/check';

/** The checker set to a release: the docs of each version link it so. */
export function checkerUrl(version: string): string {
  return `${CHECKER_ROUTE}?version=${encodeURIComponent(version)}`;
}

/** The route, inside each docs version, of the page showing that release's default values.yaml (docs/defaults.mdx). */
export const DEFAULTS_PAGE = 'defaults';

/**
 * The id of a field's line on the default-values page, from the field's
 * anchor: `controlPlane-proxy-bindAddress` → `values-controlPlane-proxy-bindAddress`.
 * The prefix keeps these ids apart from the page's own headings.
 */
export function defaultsLineId(anchor: string): string {
  return `values-${anchor}`;
}

/** The search index of a docs version, by Docusaurus version name (`current`, `0.21.0`). */
export const SEARCH_DIR = 'search';

export function searchIndexUrl(versionName: string): string {
  return `/${SEARCH_DIR}/${versionName}.json`;
}

/** The what-changed page's route inside a version (each documented version after the first has one). */
export const CHANGES_ROUTE = 'changes';

/** The kinds of change the what-changed page lists, each a section with this id. */
export const CHANGE_KINDS = ['added', 'removed', 'retyped', 'default', 'deprecated'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The id of one field's entry on the what-changed page: `default-controlPlane-distro-k8s-version`. */
export function changeEntryId(kind: ChangeKind, anchor: string): string {
  return `${kind}-${anchor}`;
}

/** The upgrade guide's route inside a version (src/generator/pages/upgradePage.ts): every curated move up to that release. */
export const UPGRADE_ROUTE = 'upgrade';

/**
 * The route, inside the current version, of the upgrade journeys
 * (docs/upgrade-journeys/): narrative upgrades of one setup from an older
 * release to the current one. The generated upgrade guide and the banner of
 * older releases link there.
 */
export const UPGRADE_JOURNEYS_ROUTE = 'upgrade-journeys';

/** The id of a move's or a constraint's entry on the upgrade guide: `move-sleepModeToSleep`, `constraint-etcd35to36`. */
export function upgradeEntryId(kind: 'move' | 'constraint', id: string): string {
  return `${kind}-${id}`;
}

/** The Markdown twin of a page, beside its HTML: `/docs/sync` → `/docs/sync.md` (a route with or without the baseUrl). */
export function markdownTwinUrl(route: string): string {
  return `${route.replace(/\/+$/u, '') || '/index'}.md`;
}

/** The site's index for language models (llmstxt.org), at the site root. */
export const LLMS_TXT = '/llms.txt';
/** Every page and the whole reference of a version in one file. */
export const LLMS_FULL_FILE = 'llms-full.txt';

/** `/llms-full.txt` for the current version (where tools look for it), `/docs/<version>/llms-full.txt` for older ones. */
export function llmsFullUrl(version: string, current: string): string {
  return version === current ? `/${LLMS_FULL_FILE}` : `${docsRoute(version, current)}/${LLMS_FULL_FILE}`;
}
