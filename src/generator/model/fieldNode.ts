import type {Segment} from '../../reference/configPath';
import type {CuratedFact} from '../../reference/facts';
import type {FieldHistory} from '../../reference/history';

/** One documented field: the typed AST the renderers and the field index are built from. */
export interface FieldNode {
  segments: Segment[];
  /** Display name: the key, or a placeholder for list items and map values. */
  name: string;
  /** Canonical written path (src/reference/configPath.ts `formatPath`). */
  path: string;
  anchor: string;
  /** Type label: `string`, `string[]`, `map[string]string`, `string | boolean`, `object`... */
  type: string;
  /** Markdown, with Go markers such as `+optional` removed. */
  description: string;
  required: boolean;
  /** By the schema's keyword, the description's wording (model/deprecation.ts) or a curated fact. */
  deprecated: boolean;
  /** The field to use instead: a curated fact's, else the one the description names. */
  replacement?: string;
  /** The description says a value set here is rejected. */
  rejected?: boolean;
  pro: boolean;
  enumValues?: unknown[];
  constValue?: {value: unknown};
  pattern?: string;
  format?: string;
  minimum?: number | string;
  maximum?: number | string;
  examples: unknown[];
  /** From values.yaml (or the schema's `default` where values.yaml has none). */
  defaultValue?: {value: unknown};
  /** Set where the schema recurses: the field repeats an ancestor's shape, which is documented there. */
  recursionOf?: {path: string; anchor: string};
  /** Where in the schema file this field is defined. */
  pointer: string;
  /** Curated facts of the docs version (model/mergeFacts.ts). */
  facts?: CuratedFact[];
  /** Set by a conditional Pro fact: the conditions under which the field needs Pro (`pro` is true). */
  proWhen?: string[];
  /** Its history across known releases (src/reference/history.ts), when the run knows them. */
  history?: FieldHistory;
  children: FieldNode[];
}

export function* walkFields(nodes: readonly FieldNode[]): Generator<FieldNode> {
  for (const node of nodes) {
    yield node;
    yield* walkFields(node.children);
  }
}
