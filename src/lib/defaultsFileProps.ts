/**
 * What a generated default-values partial passes to the `DefaultsFile`
 * component (src/components/DefaultsFile): a release's values.yaml cut into
 * parts, in order, whose texts joined are the file. Written by the generator
 * (src/generator/defaults/) as a JavaScript literal, read by the site.
 *
 * Arrays only, no objects: MDX re-parses an attribute expression at every
 * `}` it meets, so a literal of a thousand objects would compile in
 * quadratic time (see render/escape.ts `jsLiteral`).
 */

export const COMMENT = 0;
export const KEY = 1;
export const STUBS = 2;
export const CHANGED = 3;

/** The field a key of the file sets. */
export type FieldLink = [
  /** The field's path (`controlPlane.distro.k8s.enabled`): the link's accessible name. */
  path: string,
  anchor: string,
  /** Index in `routes` of the page that shows the field (src/reference/pageForField.ts); -1: no page shows it. */
  route: number,
  /** 1 on the field's first key: that key carries the field's line id (urls.ts `defaultsLineId`). */
  line: 0 | 1,
];

/** Text shown as it is: values, indicators, white space. */
export type TextPart = string;
/** A YAML comment, `#` included. */
export type CommentPart = [kind: typeof COMMENT, text: string];
/** A key as written; without a field when the schema has none for it (or it sits inside a field's free-form value). */
export type KeyPart = [kind: typeof KEY, text: string, field?: FieldLink];
/**
 * Line ids of fields that have no key of their own in the file (list items,
 * keys values.yaml leaves out): just before their nearest ancestor's key, or
 * at the start of the file when no ancestor has one. No text.
 */
export type StubsPart = [kind: typeof STUBS, anchors: string[]];
/**
 * After the line of a key whose default changed since the previous
 * documented release: in which release, and the value before (YAML; null:
 * no default). No text of the file.
 */
export type ChangedPart = [kind: typeof CHANGED, version: string, previousYaml: string | null];

export type DefaultsPart = TextPart | CommentPart | KeyPart | StubsPart | ChangedPart;

export type DefaultsFileProps = [
  /** The release whose values.yaml this is. */
  version: string,
  /** The release its changes are counted from (the previous documented one); '' for none. */
  previous: string,
  /** The published copy of the file (urls.ts `publishedUrl`), without the site's base URL. */
  download: string,
  /** Routes (without the base URL) of the pages keys link to. */
  routes: string[],
  parts: DefaultsPart[],
];

/** The file's own text of a part ('' for marks). */
export function partText(part: DefaultsPart): string {
  if (typeof part === 'string') return part;
  return part[0] === COMMENT || part[0] === KEY ? part[1] : '';
}

/** The file, as the chart ships it. */
export function fileText(parts: readonly DefaultsPart[]): string {
  return parts.map(partText).join('');
}
