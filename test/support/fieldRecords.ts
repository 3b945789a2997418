import {anchorOfPath, parentPath} from '../../src/reference/configPath';
import type {FieldRecord} from '../../src/reference/fieldIndex';

/** A field record for unit tests: a plain field in partial `a.mdx`, its anchor and parent from its path. */
export function fieldRecord(path: string, extra: Partial<FieldRecord> = {}): FieldRecord {
  return {
    path,
    anchor: anchorOfPath(path),
    type: 'object',
    required: false,
    deprecated: false,
    pro: false,
    partial: 'a.mdx',
    sectionPartial: 'a.mdx',
    description: '',
    parent: parentPath(path),
    partials: ['a.mdx'],
    ...extra,
  };
}
