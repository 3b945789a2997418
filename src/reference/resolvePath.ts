/**
 * Looking up a config path as readers write it (`controlPlane.distro.k8s.env[0].name`,
 * `plugins.my-plugin.image`) in a version's field index, whose paths use
 * `[]` for list items and `*` for map values (`plugins.*.image`), and
 * suggesting keys for a path that is not there. Browser-safe: the remark
 * plugins and the config checker use it.
 */
import {ITEM_LABEL, MAP_LABEL, formatPath, parsePath, property, item, mapValue, type Segment} from './configPath';
import type {FieldRecord, IndexedFields} from './fieldIndex';

/** What the lookup needs of a record: the field index's, or the browser's published field. */
export type PathRecord = Pick<FieldRecord, 'path' | 'type'>;

interface TrieNode<R extends PathRecord> {
  record?: R;
  keys: Map<string, TrieNode<R>>;
  item?: TrieNode<R>;
  map?: TrieNode<R>;
}

export type Resolution<R extends PathRecord = FieldRecord> =
  | {
      found: true;
      record: R;
      /** The path goes on inside a free-form value (a map of strings, `any`…). */
      inside: boolean;
      /** Every key was matched by name: no map key stood in for `*`, and nothing was inside a free-form value. */
      literal: boolean;
    }
  | {found: false; prefix?: R; /** known keys below the prefix (`[]`, `*` for items and map values) */ siblings: string[]; failedSegment: string};

/** Types whose values may hold keys the index does not list. */
function isFreeForm(record: PathRecord): boolean {
  return /\b(any|map|object)\b/u.test(record.type);
}

const emptyNode = <R extends PathRecord>(): TrieNode<R> => ({keys: new Map()});

function childCount(node: TrieNode<PathRecord>): number {
  return node.keys.size + (node.item ? 1 : 0) + (node.map ? 1 : 0);
}

function siblingsOf(node: TrieNode<PathRecord>): string[] {
  return [...node.keys.keys(), ...(node.item ? [ITEM_LABEL] : []), ...(node.map ? [MAP_LABEL] : [])];
}

function segmentText(segment: Segment): string {
  return segment.kind === 'property' ? segment.key : segment.kind === 'item' ? ITEM_LABEL : MAP_LABEL;
}

export class PathResolver<R extends PathRecord = FieldRecord> {
  private readonly root: TrieNode<R> = emptyNode();

  constructor(records: readonly R[]) {
    for (const record of records) {
      let node = this.root;
      for (const segment of parsePath(record.path)) {
        if (segment.kind === 'item') node = node.item ??= emptyNode();
        else if (segment.kind === 'map') node = node.map ??= emptyNode();
        else {
          let child = node.keys.get(segment.key);
          if (!child) node.keys.set(segment.key, (child = emptyNode()));
          node = child;
        }
      }
      node.record = record;
    }
  }

  resolve(text: string): Resolution<R> {
    return this.walk(parsePath(text));
  }

  /** The same lookup for an instance path already split into keys and list indexes (no text to parse: the checker looks up every key of a file). */
  resolveKeys(keys: ReadonlyArray<string | number>): Resolution<R> {
    return this.walk(keys.map((key) => (typeof key === 'number' ? item : property(key))));
  }

  private walk(segments: readonly Segment[]): Resolution<R> {
    let node = this.root;
    let deepest: R | undefined;
    let literal = true;
    for (const segment of segments) {
      let next: TrieNode<R> | undefined;
      if (segment.kind === 'item') next = node.item;
      else if (segment.kind === 'map') next = node.map;
      else {
        next = node.keys.get(segment.key);
        // A key the index does not name may be a key of a map.
        if (!next && node.map) {
          next = node.map;
          literal = false;
        }
      }
      if (!next) {
        if (node.record && childCount(node) === 0 && isFreeForm(node.record)) return {found: true, record: node.record, inside: true, literal: false};
        return {found: false, prefix: deepest, siblings: siblingsOf(node), failedSegment: segmentText(segment)};
      }
      node = next;
      if (node.record) deepest = node.record;
    }
    if (!node.record) return {found: false, prefix: deepest, siblings: siblingsOf(node), failedSegment: ''};
    return {found: true, record: node.record, inside: false, literal};
  }
}

const resolvers = new WeakMap<IndexedFields, PathResolver>();

/** The resolver of a version's indexed fields, built once. */
export function resolverOf(fields: IndexedFields): PathResolver {
  let resolver = resolvers.get(fields);
  if (!resolver) resolvers.set(fields, (resolver = new PathResolver(fields.index.fields)));
  return resolver;
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

/** `prefix` + one more segment (a key, `[]` or `*`), written as in the index. */
export function joinPath(prefix: string | undefined, segment: string): string {
  const next = segment === ITEM_LABEL ? item : segment === MAP_LABEL ? mapValue : property(segment);
  return formatPath([...(prefix ? parsePath(prefix) : []), next]);
}
