import type {FieldIndex, FieldRecord} from '../../reference/fieldIndex';
import {sameDefault} from '../../reference/history';

export interface FieldChange {
  path: string;
  before?: FieldRecord;
  after?: FieldRecord;
}

export interface IndexDiff {
  from: string;
  to: string;
  added: FieldChange[];
  removed: FieldChange[];
  typeChanged: FieldChange[];
  defaultChanged: FieldChange[];
  /** Fields in both that the newer release marks deprecated (schema or fact) and the older did not. */
  deprecated: FieldChange[];
}

/** The config changes between two versions' field indexes, each list in the newer index's order (removed: the older's). */
export function diffIndexes(before: FieldIndex, after: FieldIndex): IndexDiff {
  const old = new Map(before.fields.map((record) => [record.path, record]));
  const now = new Map(after.fields.map((record) => [record.path, record]));
  const diff: IndexDiff = {from: before.version, to: after.version, added: [], removed: [], typeChanged: [], defaultChanged: [], deprecated: []};
  for (const record of after.fields) {
    const previous = old.get(record.path);
    if (!previous) {
      diff.added.push({path: record.path, after: record});
      continue;
    }
    if (previous.type !== record.type) diff.typeChanged.push({path: record.path, before: previous, after: record});
    if (!sameDefault(previous.default, record.default)) diff.defaultChanged.push({path: record.path, before: previous, after: record});
    if (record.deprecated && !previous.deprecated) diff.deprecated.push({path: record.path, before: previous, after: record});
  }
  for (const record of before.fields) if (!now.has(record.path)) diff.removed.push({path: record.path, before: record});
  return diff;
}
