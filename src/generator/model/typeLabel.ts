import type {Located} from '../resolve/resolver';
import type {SchemaView, SchemaViewer} from '../resolve/schemaView';

const MAX_DEPTH = 4;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

const unique = (labels: string[]) => [...new Set(labels)];
const wrapUnion = (label: string) => (label.includes(' | ') ? `(${label})` : label);

/**
 * A readable type label for a schema: `string`, `integer`, `string[]`,
 * `object[]`, `map[string]string`, `map[string]object`, `string | boolean`,
 * `string | null`. Unions come from `type: [...]`, `oneOf` and `anyOf`.
 */
export function typeLabel(view: SchemaView, viewer: SchemaViewer, depth = 0): string {
  const labelOf = (located: Located) => (depth >= MAX_DEPTH ? 'any' : typeLabel(viewer.view(located), viewer, depth + 1));

  let labels: string[] = [];
  let types = view.types;
  if (types.length === 0) {
    if (view.constValue) types = [jsonType(view.constValue.value)];
    else if (view.enumValues?.length) types = unique(view.enumValues.map(jsonType));
    else if (view.properties.length || view.patterns.length || typeof view.additional === 'object') types = ['object'];
    else if (view.items) types = ['array'];
  }
  for (const type of types) {
    if (type === 'array') labels.push(view.items ? `${wrapUnion(labelOf(view.items))}[]` : 'any[]');
    else if (type === 'object') labels.push(objectLabel(view, labelOf));
    else labels.push(type);
  }
  if (view.variants.length) {
    const variantLabels = view.variants.map(labelOf);
    // A bare `type: object` next to object variants says nothing the variants don't.
    labels = labels.filter((label) => !(label === 'object' && variantLabels.some((v) => v === 'object' || v.startsWith('map['))));
    labels.push(...variantLabels);
  }
  if (labels.length === 0) labels.push('any');
  if (view.nullable) labels.push('null');
  return unique(labels).join(' | ');
}

function objectLabel(view: SchemaView, labelOf: (located: Located) => string): string {
  if (view.properties.length) return 'object';
  const valueLabels = [
    ...view.patterns.map((p) => labelOf(p)),
    ...(typeof view.additional === 'object' ? [labelOf(view.additional)] : []),
  ];
  if (valueLabels.length) return `map[string]${wrapUnion(unique(valueLabels).join(' | '))}`;
  return 'object';
}
