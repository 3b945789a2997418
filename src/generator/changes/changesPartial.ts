import path from 'node:path';
import {partialsDirOf} from '../../reference/files';
import type {PageMap} from '../../reference/pageMap';
import {changesBaseOf, diffReleases, type ReleaseFieldAt, type Releases} from '../../reference/releases';
import {docsRoute} from '../../reference/urls';
import {serializePartial} from '../render/serialize';
import {createChangesPartial as createChangesTree, type FieldLinker} from './createChangesPartial';

/**
 * Links a field to the page of a documented release that shows it (the
 * routes in the release data follow src/reference/pageForField.ts). Within
 * the changes page's own version the link is a relative file path, which
 * Docusaurus resolves and checks. Into another version it is that version's
 * route (`pathname:///docs/0.21.0/...`, base URL added by Docusaurus): a
 * build may leave other versions out (DOCS_VERSIONS). A field of a
 * history-only release links to the newest documented release before it
 * that shows the field, if any.
 */
function linkerFor(releases: Releases, own: string, pages: ReadonlyMap<string, PageMap>): FieldLinker {
  const current = releases.current;
  const ownPages = pages.get(own);
  const pageOfRoute = new Map([...(ownPages?.routes ?? [])].map(([page, route]) => [docsRoute(own, current, route), page]));
  return (version: string, field: ReleaseFieldAt) => {
    if (version === own) {
      const page = field.route === undefined ? undefined : pageOfRoute.get(field.route);
      if (!page || !ownPages) return undefined;
      // The changes partial sits in the version's partials directory.
      const target = path.relative(partialsDirOf(ownPages.docsDir), page).split(path.sep).join('/');
      return `${target.startsWith('.') ? target : `./${target}`}#${field.anchor}`;
    }
    if (field.route !== undefined) return `pathname://${field.route}#${field.anchor}`;
    const record = releases.byPath.get(field.path);
    const at = releases.indexOf(version);
    const place = record && releases.shownIn(record).find((shown) => releases.indexOf(shown.version) <= at);
    return place && `pathname://${place.route}#${place.anchor}`;
  };
}

/**
 * The "what changed" partial of a documented release: every field added,
 * removed, retyped, given a new default or newly deprecated since the
 * newest release of the minor before it (src/reference/releases.ts
 * `changesBaseOf`), each change named by the release that made it when the
 * comparison spans several. Undefined for a release with no earlier minor.
 */
export function createChangesPartial(releases: Releases, version: string, pages: ReadonlyMap<string, PageMap>): string | undefined {
  const base = changesBaseOf(releases.data, version);
  if (base === undefined) return undefined;
  return serializePartial(createChangesTree(diffReleases(releases, base, version), linkerFor(releases, version, pages)));
}
