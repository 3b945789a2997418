import {toJson, toYaml} from './defaults';
import type {FieldNode} from './fieldNode';
import {walkFields} from './fieldNode';
import {partialFileFor} from './segments';
import {allowedValues} from '../render/fieldProps';

/** One record of the field index: what copy-as-YAML, search, example checks and version diffs read. */
export interface FieldRecord {
  path: string;
  anchor: string;
  type: string;
  required: boolean;
  deprecated: boolean;
  pro: boolean;
  /** The default as JSON, for fields without fields of their own. */
  default?: unknown;
  /** The same default as YAML text. */
  defaultYaml?: string;
  allowedValues?: unknown[];
  /** The most specific partial that shows the field, relative to the output directory. */
  partial: string;
  /** The partial of its top-level section, which shows every field of the section. */
  sectionPartial: string;
  description: string;
}

export interface FieldIndex {
  version: string;
  fields: FieldRecord[];
  /** Each partial file and the anchor of the field (or section) it documents. */
  partials: Record<string, string>;
}

export function buildFieldIndex(version: string, sections: readonly FieldNode[]): FieldIndex {
  const fields: FieldRecord[] = [];
  const partials: Record<string, string> = {};
  for (const section of sections) {
    const sectionPartial = partialFileFor(section.segments);
    for (const node of walkFields([section])) {
      const holder = node.children.length ? node.segments : node.segments.slice(0, -1);
      const record: FieldRecord = {
        path: node.path,
        anchor: node.anchor,
        type: node.type,
        required: node.required,
        deprecated: node.deprecated,
        pro: node.pro,
        partial: holder.length ? partialFileFor(holder) : sectionPartial,
        sectionPartial,
        description: node.description,
      };
      if (node.children.length || node === section) partials[partialFileFor(node.segments)] = node.anchor;
      if (node.defaultValue && !node.children.length) {
        record.default = toJson(node.defaultValue.value);
        record.defaultYaml = toYaml(node.defaultValue.value);
      }
      const allowed = allowedValues(node);
      if (allowed) record.allowedValues = allowed.map(toJson);
      fields.push(record);
    }
  }
  return {version, fields, partials};
}
