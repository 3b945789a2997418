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
