import {escapeHtml} from '../generator/render/escape';
import {anchorOfPath, lastKey} from '../reference/configPath';
import type {FactKind} from '../reference/facts';

/**
 * What a generated partial tells the `ConfigField` component about one
 * field, written compactly because a page holds hundreds of fields: the
 * partial's `toc` export lists each field once, as the tree the fields form,
 * each by the suffix its config path adds to its parent's (its path, name,
 * anchor and heading level all follow from that), and each
 * `<ConfigField f={{...toc[i], type: …}}>` takes its entry (in page order)
 * and adds its own facts. The entry is at the same time what Docusaurus's
 * table of contents reads (`value`, `id`, `level`).
 *
 *   import {fieldToc} from '@site/src/lib/fieldProps';
 *   export const toc = fieldToc("sync", [".toHost", [".pods", [".enabled"]], ".fromHost"]);
 *   // sync.toHost, sync.toHost.pods, sync.toHost.pods.enabled, sync.fromHost
 */

/**
 * One field as the partial lists it: the suffix its path adds to its
 * parent's (`.enabled`, `[]`, `.*`, `["app.kubernetes.io/name"]`: see
 * configPath.ts `splitParent`), with its name and anchor only where the path
 * does not give them (a list item's or map value's name; an anchor with a
 * clash suffix or of a map's further pattern).
 */
export type FieldEntry = string | {key: string; name?: string; anchor?: string};
/** Entries in page order; an array after an entry holds that field's own fields. */
export type FieldEntries = ReadonlyArray<FieldEntry | FieldEntries>;

/** A field's entry of the partial's `toc` export: a Docusaurus TOC item (`value`, `id`, `level`) and the field's identity. */
export interface FieldIdentity {
  /** The name as HTML (Docusaurus renders TOC values as HTML). */
  value: string;
  /** The anchor (the field index's own). */
  id: string;
  /** Heading level on the page: 2 to 6; deeper fields use 6 with `aria-level` giving the true depth. */
  level: number;
  /** Dotted path, e.g. `controlPlane.backingStore.etcd.embedded.enabled`. */
  path: string;
  name: string;
  anchor: string;
  /** Depth below the partial's root (0 for the root's children), for `aria-level` past h6. */
  depth: number;
  /** Position in the partial, in page order (its `toc[i]`). */
  index: number;
}

const MAX_HEADING_LEVEL = 6;

/** The name a path gives a field: its last key (list items and map values pass their own). */
export function nameOfPath(path: string): string {
  return lastKey(path);
}

/** Every field of a partial below the section at `sectionPath`, in page order, from its entries. */
export function fieldToc(sectionPath: string, entries: FieldEntries): FieldIdentity[] {
  const fields: FieldIdentity[] = [];
  const walk = (parentPath: string, depth: number, list: FieldEntries): void => {
    let previous: FieldIdentity | undefined;
    for (const item of list) {
      if (Array.isArray(item)) {
        if (!previous) throw new Error(`fieldToc: fields without a parent under ${parentPath}`);
        walk(previous.path, depth + 1, item);
        continue;
      }
      const {key, name: ownName, anchor: ownAnchor} = typeof item === 'string' ? {key: item} : (item as Exclude<FieldEntry, string>);
      const path = parentPath + key;
      const name = ownName ?? nameOfPath(path);
      const anchor = ownAnchor ?? anchorOfPath(path);
      previous = {value: escapeHtml(name), id: anchor, level: Math.min(2 + depth, MAX_HEADING_LEVEL), path, name, anchor, depth, index: fields.length};
      fields.push(previous);
    }
  };
  walk(sectionPath, 0, entries);
  return fields;
}

/** What a partial passes for one field: its toc entry and its facts. */
export interface FieldProps extends FieldIdentity {
  type: string;
  /** The description when it is one paragraph of plain text (else it is the first children, as Markdown). */
  description?: string;
  required?: true;
  deprecated?: true;
  pro?: true;
  /** Default from values.yaml, as YAML text. */
  default?: string;
  /** Allowed values, each as YAML text. */
  enum?: string[];
  pattern?: string;
  format?: string;
  min?: number | string;
  max?: number | string;
  /** Examples, each as YAML text. */
  examples?: string[];
  /** The field has fields of its own and folds them. */
  object?: true;
  /** The field repeats an ancestor's shape (a recursive schema). */
  recursion?: {path: string; anchor?: string};
  /** Conditions under which the field needs Pro (`pro` is set too); absent when it always does. */
  proWhen?: string[];
  /** The first release with the field, when it is newer than the oldest known release. */
  since?: string;
  /** The first later release without the field. */
  removedIn?: string;
  /** Each earlier release (up to this page's) whose default differed: the release and the default before it, as YAML. */
  was?: Array<{in: string; yaml?: string}>;
}

/** The facts of a field, without its identity: what the generator writes beside `...toc[i]`. */
export type FieldFacts = Omit<FieldProps, keyof FieldIdentity>;

/**
 * A curated fact in a partial: `<ConfigFact k="note">text</ConfigFact>`,
 * among a field's children after its description (see src/reference/facts.ts).
 */
export interface FactProps {
  k: FactKind;
  /** `deprecated`: the path to use instead. */
  use?: string;
}

/**
 * What the partial passes to `ConfigSection`, its root element. A top-level
 * field without fields of its own has only this element, so it carries the
 * field's facts (allowed values, examples, ...) too.
 */
export const SECTION_FACT_KEYS = ['deprecated', 'pro', 'default', 'enum', 'pattern', 'format', 'min', 'max', 'examples', 'proWhen', 'since', 'removedIn', 'was'] as const satisfies ReadonlyArray<keyof FieldFacts>;

export interface SectionProps extends Pick<FieldFacts, (typeof SECTION_FACT_KEYS)[number]> {
  path: string;
  /** Only where the index's own anchor is not the path's. */
  anchor?: string;
  type: string;
}

/** The anchor of a section: its own where given, else its path's. */
export function sectionAnchor(f: Pick<SectionProps, 'path' | 'anchor'>): string {
  return f.anchor ?? anchorOfPath(f.path);
}
