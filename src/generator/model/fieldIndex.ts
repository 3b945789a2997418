import type {FieldIndex, FieldRecord} from '../../reference/fieldIndex';
import {toJson, toYaml} from './defaults';
import type {FieldNode} from './fieldNode';
import {walkFields} from './fieldNode';
import {partialFileFor} from './segments';
import {allowedValues} from '../render/fieldProps';

/** The partials that show a field, deepest first: its own (when it has fields), then each ancestor's. */
function partialsShowing(node: FieldNode): string[] {
  const partials: string[] = [];
  const own = node.children.length > 0 || node.segments.length === 1;
  for (let length = own ? node.segments.length : node.segments.length - 1; length > 0; length--) {
    partials.push(partialFileFor(node.segments.slice(0, length)));
  }
  return partials;
}

/**
 * The field index (src/reference/fieldIndex.ts) of a field tree, made last,
 * from the finished tree: its curated facts, deprecations and history are
 * already on its nodes.
 */
export function buildFieldIndex(version: string, sections: readonly FieldNode[]): FieldIndex {
  const fields: FieldRecord[] = [];
  const partials: Record<string, string> = {};
  for (const section of sections) {
    const sectionPartial = partialFileFor(section.segments);
    const parents = new Map<FieldNode, FieldNode>();
    for (const node of walkFields([section])) {
      for (const child of node.children) parents.set(child, node);
      const shownBy = partialsShowing(node);
      const record: FieldRecord = {
        path: node.path,
        anchor: node.anchor,
        type: node.type,
        required: node.required,
        deprecated: node.deprecated,
        ...(node.replacement === undefined ? {} : {replacement: node.replacement}),
        ...(node.rejected ? {rejected: true} : {}),
        pro: node.pro,
        partial: shownBy[0],
        sectionPartial,
        description: node.description,
      } as FieldRecord;
      if (node.children.length || node === section) partials[partialFileFor(node.segments)] = node.anchor;
      if (node.defaultValue && !node.children.length) {
        record.default = toJson(node.defaultValue.value);
        record.defaultYaml = toYaml(node.defaultValue.value);
      }
      const allowed = allowedValues(node);
      if (allowed) record.allowedValues = allowed.map(toJson);
      // Last, so that the records read as before with what was added at the end.
      const parent = parents.get(node);
      if (parent) record.parent = parent.path;
      record.partials = shownBy;
      if (node.facts?.length) record.facts = node.facts.map(({line: _line, ...fact}) => fact);
      if (node.proWhen) record.proWhen = node.proWhen;
      const history = node.history;
      if (history?.since) record.since = history.since;
      if (history?.removedIn) record.removedIn = history.removedIn;
      if (history?.defaultChanges) record.defaultChanges = history.defaultChanges;
      if (history?.deprecatedIn) record.deprecatedIn = history.deprecatedIn;
      fields.push(record);
    }
  }
  return {version, fields, partials};
}
