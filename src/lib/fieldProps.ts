import type {FactKind} from '../reference/facts';

/**
 * What a generated partial passes to the `ConfigField` component for one
 * field. Written by the generator as a JSON object literal, read by the site.
 */
export interface FieldProps {
  name: string;
  /** Dotted path, e.g. `controlPlane.backingStore.etcd.embedded.enabled`. */
  path: string;
  anchor: string;
  /** Heading level on the page: 2 to 6; deeper fields use 6 with `aria-level` giving the true depth. */
  level: number;
  /** Depth below the partial's root, for `aria-level` past h6. */
  depth: number;
  type: string;
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
  /** The YAML keys from the root to this field (`-` for a list item), ready to print. */
  yamlKeys: string[];
  /** The field has fields of its own and renders collapsible. */
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
export interface SectionProps extends Pick<FieldProps, 'enum' | 'pattern' | 'format' | 'min' | 'max' | 'examples' | 'proWhen' | 'since' | 'removedIn' | 'was'> {
  path: string;
  anchor: string;
  type: string;
  deprecated?: true;
  pro?: true;
  default?: string;
  yamlKeys: string[];
}
