/**
 * The field data each docs version publishes for code in the browser (the
 * config checker, the notice for a deep link to a field a version lacks),
 * at urls.ts `publishedUrl(version, PUBLISHED_FIELDS)`. Made by
 * src/generator/publish/fieldData.ts from the field index, its facts and
 * history and the page policy; no evidence, no descriptions.
 */
import type {Fact} from './facts';
import type {FieldHistory} from './history';

export const PUBLISHED_FORMAT = 1;

export interface PublishedField extends FieldHistory {
  path: string;
  anchor: string;
  type: string;
  /** The route (without the site's baseUrl) of the page a link to the field leads to; absent when no page shows it. */
  route?: string;
  required?: true;
  deprecated?: true;
  pro?: true;
  /** Needs Pro only under these conditions. */
  proWhen?: string[];
  default?: unknown;
  defaultYaml?: string;
  allowedValues?: unknown[];
  facts?: Fact[];
}

export interface PublishedFields {
  format: typeof PUBLISHED_FORMAT;
  version: string;
  /** The current docs version, and every documented one, newest first. */
  current: string;
  documented: string[];
  fields: PublishedField[];
}

/** Every field anchor of a version by the page a link to it leads to: route → anchors joined by spaces. */
export interface PublishedAnchors {
  format: typeof PUBLISHED_FORMAT;
  version: string;
  pages: Record<string, string>;
}

/** The route that shows `anchor` in a version's anchors, if any. */
export function routeOfAnchor(anchors: PublishedAnchors, anchor: string): string | undefined {
  for (const [route, list] of Object.entries(anchors.pages)) if (` ${list} `.includes(` ${anchor} `)) return route;
  return undefined;
}
