/**
 * Curated facts: what a release does that its schema cannot say, kept per
 * docs version in its facts file (files.ts `FACTS_FILE`), keyed by config
 * path, each naming its evidence in vCluster's source. Browser-safe types
 * and rules; the generator reads and checks the files
 * (src/generator/load/loadFacts.ts) and merges them into the field index.
 */

export const FACT_KINDS = ['pro', 'default', 'requires', 'deprecated', 'note'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One fact as readers see it. */
export interface Fact {
  kind: FactKind;
  /** `pro`: the condition, in a few words ("with the k8s distro"); absent when always Pro. */
  when?: string;
  /** Inline Markdown, one or two sentences (`default`, `requires`, `note`; optional for `deprecated`). */
  text?: string;
  /** `deprecated`: the config path to use instead, a field of the same version. */
  replacement?: string;
  /** `requires`, `note`: a URL to read more. */
  link?: string;
  /**
   * `requires`, `pro`: the config checker's rule (src/checker/rules) that reads
   * the condition from a file; the checker then shows the rule's finding,
   * only when the file does not meet it, instead of the fact.
   */
  rule?: string;
}

/** A fact as the facts file has it: with its evidence (for maintainers, not shown to readers) and its line. */
export interface CuratedFact extends Fact {
  evidence: string;
  /** 1-based line of the fact in its file. */
  line: number;
}

/** Which keys each kind takes, besides `kind` and `evidence`; `required` ones must be there. */
export const FACT_FIELDS: Record<FactKind, {required: ReadonlyArray<keyof Fact>; optional: ReadonlyArray<keyof Fact>}> = {
  pro: {required: [], optional: ['when', 'text', 'link', 'rule']},
  default: {required: ['text'], optional: ['link']},
  requires: {required: ['text'], optional: ['link', 'rule']},
  deprecated: {required: [], optional: ['replacement', 'text', 'link']},
  note: {required: ['text'], optional: ['link']},
};

/** How a fact's text is introduced: `Note: …`, `Effective default: …`. */
export const FACT_TITLES: Record<FactKind, string> = {pro: 'Pro', default: 'Effective default', requires: 'Requires', deprecated: 'Deprecated', note: 'Note'};

/** The short label a fact gives a field: `Pro with the k8s distro`, `deprecated: use x`. */
export function factLabel(fact: Fact): string {
  switch (fact.kind) {
    case 'pro':
      return fact.when ? `Pro ${fact.when}` : 'Pro';
    case 'deprecated':
      return fact.replacement ? `deprecated: use ${fact.replacement}` : 'deprecated';
    case 'default':
      return 'effective default';
    case 'requires':
      return 'requires';
    case 'note':
      return 'note';
  }
}

/** A field needs Pro: always (the schema's flag or an unconditional fact), or under the facts' conditions. */
export function proConditions(schemaPro: boolean, facts: readonly Fact[] = []): {pro: boolean; when: string[]} {
  const pro = facts.filter((fact) => fact.kind === 'pro');
  const always = schemaPro || pro.some((fact) => !fact.when);
  return {pro: always || pro.length > 0, when: always ? [] : pro.map((fact) => fact.when!)};
}

/** The replacement a deprecation fact names, if any. */
export function replacementOf(facts: readonly Fact[] = []): string | undefined {
  return facts.find((fact) => fact.kind === 'deprecated' && fact.replacement)?.replacement;
}
