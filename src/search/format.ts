/**
 * The search index of one docs version, as written to `<outDir>/search/<version>.json`
 * (src/reference/files.ts) by the configSearch plugin and read by the navbar's SearchBar.
 *
 * Tuples rather than objects keep the file small; `src/theme/SearchBar/rank.ts`
 * turns them back into objects (`prepareIndex`). Bump FORMAT when the shape changes.
 */
export const FORMAT = 3;

/** [heading id, heading text, distinct words of the section below it] */
export type WireHeading = [id: string, text: string, words: string];

/** [title, route without baseUrl, distinct words before the first heading, headings] */
export type WirePage = [title: string, route: string, words: string, headings: WireHeading[]];

/** bit 0: Pro, bit 1: deprecated */
export type WireFlags = number;

/** What a result shows beside its badges: the Pro condition, and the field's history in releases. */
export interface WireMarks {
  /** Needs Pro only under these conditions. */
  proWhen?: string[];
  since?: string;
  removedIn?: string;
  /** A deprecated field's replacement path (from the facts or its description). */
  use?: string;
  /** Its old names: keys of earlier releases, and of the charts before 0.20, the curated moves carry to it (src/checker/moves/aliases.ts). */
  was?: string[];
}

/**
 * [path suffix, parent, page, type, flags, first sentence of the description, anchor, marks?]
 *
 * The path is the parent field's path followed by `suffix` (`.enabled`, `[]`, `.*`,
 * `["app.kubernetes.io/name"]`); parent -1 means `suffix` is the whole path.
 * Parents come before their children. `page` indexes `pages`: the most focused page
 * showing the field. The anchor is left out, or '' when marks follow, when it is `anchorOfPath(path)` (src/reference/configPath.ts).
 */
export type WireField = [suffix: string, parent: number, page: number, type: string, flags: WireFlags, description: string, anchor?: string, marks?: WireMarks];

export interface WireIndex {
  format: typeof FORMAT;
  /** `current` or a version number. */
  version: string;
  pages: WirePage[];
  fields: WireField[];
}
