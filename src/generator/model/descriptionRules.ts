/**
 * Normalisation of description text, as a list of named rules applied in
 * order. Each rule is a pure function of the text.
 */
export interface DescriptionRule {
  name: string;
  apply(text: string): string;
}

export const descriptionRules: DescriptionRule[] = [
  {
    // Lines such as `+optional`, `+listType=atomic` or `+kubebuilder:validation:Enum=a;b` are code-generation markers for Go, not prose.
    name: 'stripGoMarkers',
    apply: (text) =>
      text
        .split('\n')
        .filter((line) => !/^\s*\+[a-zA-Z][\w.:/-]*(=.*)?\s*$/.test(line))
        .join('\n'),
  },
  {
    name: 'normaliseLineEndings',
    apply: (text) => text.replace(/\r\n?/g, '\n'),
  },
  {
    name: 'trimBlankEdges',
    apply: (text) => text.replace(/^\s*\n/, '').trimEnd(),
  },
];

export function normaliseDescription(text: string | undefined): string {
  return descriptionRules.reduce((current, rule) => rule.apply(current), text ?? '');
}
