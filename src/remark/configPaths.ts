/**
 * Looking up a config path as readers write it (`controlPlane.distro.k8s.env[0].name`,
 * `plugins.my-plugin.image`) in a version's field index, whose paths use
 * `[]` for list items and `*` for map values (`plugins.*.image`).
 */
import type {FieldRecord} from '../generator/model/fieldIndex';

export const ITEM = '[]';
export const MAP_VALUE = '*';

/** Path text → segments: keys, `[]` for a list item (`[0]` too), quoted keys (`["a.b"]`) unquoted. */
export function pathSegments(text: string): string[] {
  const segments: string[] = [];
  let i = 0;
  let key = '';
  const flush = (): void => {
    if (key) segments.push(key);
    key = '';
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '.') {
      flush();
      i++;
    } else if (char === '[') {
      flush();
      const close = text.indexOf(']', i);
      if (close < 0) {
        key += text.slice(i);
        break;
      }
      const inner = text.slice(i + 1, close);
      if (inner === '' || /^\d+$/u.test(inner)) segments.push(ITEM);
      else if (/^"(?:[^"\\]|\\.)*"$/u.test(inner)) segments.push(JSON.parse(inner) as string);
      else segments.push(inner);
      i = close + 1;
    } else {
      key += char;
      i++;
    }
  }
  flush();
  return segments;
}

interface TrieNode {
  record?: FieldRecord;
  children: Map<string, TrieNode>;
}

export type Resolution =
  | {
      found: true;
      record: FieldRecord;
      /** The path goes on inside a free-form value (a map of strings, `any`…). */
      inside: boolean;
      /** Every key was matched by name: no map key stood in for `*`, and nothing was inside a free-form value. */
      literal: boolean;
    }
  | {found: false; prefix?: FieldRecord; /** known keys below the prefix */ siblings: string[]; failedSegment: string};

/** Types whose values may hold keys the index does not list. */
function isFreeForm(record: FieldRecord): boolean {
  return /\b(any|map|object)\b/u.test(record.type);
}

export class PathResolver {
  private readonly root: TrieNode = {children: new Map()};

  constructor(records: readonly FieldRecord[]) {
    for (const record of records) {
      let node = this.root;
      for (const segment of pathSegments(record.path)) {
        let child = node.children.get(segment);
        if (!child) {
          child = {children: new Map()};
          node.children.set(segment, child);
        }
        node = child;
      }
      node.record = record;
    }
  }

  resolve(text: string): Resolution {
    let node = this.root;
    let deepest: FieldRecord | undefined;
    let literal = true;
    for (const segment of pathSegments(text)) {
      let next = node.children.get(segment);
      if (!next && segment !== ITEM) {
        next = node.children.get(MAP_VALUE);
        literal = false;
      }
      if (!next) {
        if (node.record && node.children.size === 0 && isFreeForm(node.record)) return {found: true, record: node.record, inside: true, literal: false};
        return {found: false, prefix: deepest, siblings: [...node.children.keys()], failedSegment: segment};
      }
      node = next;
      if (node.record) deepest = node.record;
    }
    if (!node.record) return {found: false, prefix: deepest, siblings: [...node.children.keys()], failedSegment: ''};
    return {found: true, record: node.record, inside: false, literal};
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** Up to `limit` keys close to `wanted` (case-insensitive match or a small edit distance), closest first. */
export function closeKeys(wanted: string, keys: readonly string[], limit = 3): string[] {
  const lower = wanted.toLowerCase();
  return keys
    .map((key) => ({key, distance: key.toLowerCase() === lower ? 0 : editDistance(lower, key.toLowerCase())}))
    .filter(({distance}) => distance <= Math.max(2, Math.floor(wanted.length / 4)))
    .sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map(({key}) => key);
}

/** `prefix` + one more segment, written as in the index. */
export function joinPath(prefix: string | undefined, segment: string): string {
  if (segment === ITEM) return `${prefix ?? ''}[]`;
  return prefix ? `${prefix}.${segment}` : segment;
}
