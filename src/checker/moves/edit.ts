/**
 * Editing a parsed `vcluster.yaml` (the yaml package's Document) key by key,
 * keeping what the library keeps: the comments and blank lines attached to a
 * key travel with it, and the order of keys stays, a moved key taking the
 * place of the branch it left. A map left empty by a removal goes too.
 * Browser-safe.
 */
import {Alias, isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair, YAMLMap} from 'yaml';

export type Keys = readonly string[];

/** Where a removal left a hole: a map and the index its pair had. */
export interface Hole {
  map: YAMLMap;
  index: number;
  /** The blank line and comment above the key that left: the key that takes its place takes them over. */
  spaceBefore?: boolean;
  commentBefore?: string;
}

/** The blank line and comment above a pair's key. */
function lead(pair: Pair): Pick<Hole, 'spaceBefore' | 'commentBefore'> {
  const key = pair.key as {spaceBefore?: boolean; commentBefore?: string | null} | null;
  return {...(key?.spaceBefore ? {spaceBefore: true} : {}), ...(key?.commentBefore ? {commentBefore: key.commentBefore} : {})};
}

export interface Detached {
  pair: Pair<Node, Node | null>;
  /** The pair's own hole first, then those of the maps it left empty. */
  holes: Hole[];
}

const MERGE = '<<';

/** Whether a pair is a merge key (`<<: *base`) as the yaml package parses it with `merge: true`. */
export function isMergePair(pair: unknown): boolean {
  if (!isPair(pair) || !isScalar(pair.key)) return false;
  const {value, source} = pair.key as {value: unknown; source?: string};
  return source === MERGE || (typeof value === 'symbol' && value.description === MERGE);
}

function keyOf(pair: Pair): string | undefined {
  if (!isScalar(pair.key) || isMergePair(pair)) return undefined;
  return String(pair.key.value);
}

export class ConfigEditor {
  /** Set by every change: a file no move touched keeps its own text. */
  changed = false;
  /** The last pair one move put into each map: its next pair there follows it. */
  private cursors = new Map<YAMLMap, Pair>();

  constructor(readonly doc: Document) {
    if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) doc.contents = new YAMLMap() as unknown as typeof doc.contents;
  }

  get root(): YAMLMap {
    return this.doc.contents as unknown as YAMLMap;
  }

  /** The pair of `keys` in its map, with the map and its index there. */
  pairAt(keys: Keys): {map: YAMLMap; index: number; pair: Pair<Node, Node | null>} | undefined {
    let map: unknown = this.root;
    for (let depth = 0; depth < keys.length; depth++) {
      if (!isMap(map)) return undefined;
      const index = map.items.findIndex((pair) => keyOf(pair as Pair) === keys[depth]);
      if (index < 0) return undefined;
      const pair = map.items[index] as Pair<Node, Node | null>;
      if (depth === keys.length - 1) return {map, index, pair};
      map = pair.value;
    }
    return undefined;
  }

  /** The value node at `keys`; undefined when the key is not there (a key set to nothing gives null). */
  node(keys: Keys): Node | null | undefined {
    if (!keys.length) return this.root;
    const found = this.pairAt(keys);
    return found ? found.pair.value : undefined;
  }

  has(keys: Keys): boolean {
    return this.pairAt(keys) !== undefined;
  }

  /** The value at `keys` as data; undefined when the key is not there. */
  value(keys: Keys): unknown {
    const node = this.node(keys);
    if (node === undefined) return undefined;
    return node === null ? null : (node.toJS(this.doc, {maxAliasCount: -1}) as unknown);
  }

  /** The keys of the map at `keys`, in order (none when it is not a map). */
  keysAt(keys: Keys): string[] {
    const node = this.node(keys);
    return isMap(node) ? node.items.flatMap((pair) => keyOf(pair as Pair) ?? []) : [];
  }

  /** Takes the pair at `keys` out of its map, and the maps it leaves empty out of theirs (those deeper than `keep` keys). */
  detach(keys: Keys, keep = 0): Detached | undefined {
    const found = this.pairAt(keys);
    if (!found) return undefined;
    found.map.items.splice(found.index, 1);
    this.changed = true;
    const holes: Hole[] = [{map: found.map, index: found.index}];
    for (let depth = keys.length - 1; depth > keep; depth--) {
      const emptied = holes.at(-1)!.map;
      if (emptied.items.length) break;
      const parent = this.pairAt(keys.slice(0, depth));
      if (!parent || parent.pair.value !== emptied) break;
      parent.map.items.splice(parent.index, 1);
      holes.push({map: parent.map, index: parent.index, ...lead(parent.pair as Pair)});
    }
    return {pair: found.pair, holes};
  }

  /** Removes the key at `keys`; false when it was not there. */
  delete(keys: Keys): boolean {
    return this.detach(keys) !== undefined;
  }

  /** A new move starts: its keys go where its own removals left holes, not after the previous move's. */
  beginMove(): void {
    this.cursors.clear();
  }

  /** Where a new pair goes in `map`: after the pair this move put there last, in the hole a removal left there, after the branch `near` goes through, or last. */
  private insertIndex(map: YAMLMap, depth: number, near: Keys | undefined, holes: readonly Hole[]): {index: number; hole?: Hole} {
    const cursor = this.cursors.get(map);
    const after = cursor ? map.items.indexOf(cursor as (typeof map.items)[number]) : -1;
    if (after >= 0) return {index: after + 1};
    const hole = holes.find((candidate) => candidate.map === map);
    if (hole) return {index: Math.min(hole.index, map.items.length), hole};
    if (near && near.length > depth) {
      const branch = map.items.findIndex((pair) => keyOf(pair as Pair) === near[depth]);
      if (branch >= 0) return {index: branch + 1};
    }
    return {index: map.items.length};
  }

  /** Puts `pair` into `map` where insertIndex says; a key taking a removed key's place takes its blank line and comment. */
  private insert(map: YAMLMap, pair: Pair, depth: number, near: Keys | undefined, holes: readonly Hole[]): void {
    const {index, hole} = this.insertIndex(map, depth, near, holes);
    const key = pair.key as {spaceBefore?: boolean; commentBefore?: string | null} | null;
    if (hole && key && typeof key === 'object' && !key.spaceBefore && !key.commentBefore) {
      if (hole.spaceBefore) key.spaceBefore = true;
      if (hole.commentBefore) key.commentBefore = hole.commentBefore;
      delete hole.spaceBefore;
      delete hole.commentBefore;
    }
    map.items.splice(index, 0, pair as (typeof map.items)[number]);
    this.cursors.set(map, pair);
  }

  /**
   * Puts `pair` (its key renamed to the last of `keys`) at `keys`, making the
   * maps above it as needed. False, and nothing changed, when the key is
   * already there or a key above it holds something other than a map.
   */
  attach(keys: Keys, pair: Pair<Node, Node | null>, options: {near?: Keys; holes?: readonly Hole[]} = {}): boolean {
    const holes = options.holes ?? [];
    let map = this.root;
    for (let depth = 0; depth < keys.length - 1; depth++) {
      const index = map.items.findIndex((candidate) => keyOf(candidate as Pair) === keys[depth]);
      if (index >= 0) {
        const child = (map.items[index] as Pair).value;
        if (isMap(child)) {
          map = child;
          continue;
        }
        if (child !== null && !(isScalar(child) && child.value === null)) return false;
        const made = new YAMLMap();
        (map.items[index] as Pair).value = made;
        map = made;
        continue;
      }
      const made = new YAMLMap();
      this.insert(map, this.doc.createPair(keys[depth], made) as Pair, depth, options.near, holes);
      map = made;
    }
    const last = keys.at(-1)!;
    if (map.items.some((candidate) => keyOf(candidate as Pair) === last)) return false;
    if (isScalar(pair.key)) pair.key.value = last;
    else pair.key = this.doc.createNode(last) as Node;
    this.insert(map, pair as Pair, keys.length - 1, options.near, holes);
    this.changed = true;
    return true;
  }

  /** Sets `keys` to a new value (made into nodes), replacing what is there and keeping the key's comments. */
  set(keys: Keys, value: unknown, options: {near?: Keys; holes?: readonly Hole[]} = {}): boolean {
    const node = this.doc.createNode(value) as Node;
    const found = this.pairAt(keys);
    if (found) {
      found.pair.value = node;
      this.changed = true;
      return true;
    }
    return this.attach(keys, this.doc.createPair(keys.at(-1)!, node) as Pair<Node, Node | null>, options);
  }

  /** Replaces the value node at `keys` (which must be there). */
  replace(keys: Keys, node: Node): void {
    const found = this.pairAt(keys);
    if (!found) throw new Error(`no key ${keys.join('.')}`);
    found.pair.value = node;
    this.changed = true;
  }

  /** A new pair for `key` holding `value`. */
  pair(key: string, value: unknown): Pair<Node, Node | null> {
    return this.doc.createPair(key, value) as Pair<Node, Node | null>;
  }
}

/** Whether the document uses anchors, aliases or merge keys. */
export function hasAliases(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
    Pair(_, pair) {
      if (isMergePair(pair)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Writes out every alias and merge key as the content it stands for, and
 * drops the anchors: a moved key must not take other places' content with
 * it. A merge key's entries come in where the `<<` was, the map's own keys
 * and the earlier merged maps winning, as YAML 1.1 (and Helm) merge them.
 */
export function expandAliases(doc: Document): void {
  const resolve = (node: unknown): unknown => (isAlias(node) ? resolve(node.resolve(doc)) : node);
  const expandMerges = (map: YAMLMap): void => {
    for (let i = 0; i < map.items.length; i++) {
      const pair = map.items[i] as Pair;
      if (!isMergePair(pair)) continue;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      const own = new Set(map.items.flatMap((candidate) => keyOf(candidate as Pair) ?? []));
      const added: Pair[] = [];
      for (const source of sources) {
        const target = resolve(source);
        if (!isMap(target)) continue;
        for (const entry of target.items as Pair[]) {
          const key = keyOf(entry);
          if (key === undefined || own.has(key)) continue;
          own.add(key);
          added.push(doc.createPair(key, isNode(entry.value) ? (resolve(entry.value) as Node).clone() : entry.value) as Pair);
        }
      }
      map.items.splice(i, 1, ...(added as typeof map.items));
      i += added.length - 1;
    }
  };
  // Merges first, while the anchors they name are still there; each pass expands one level of nesting.
  for (let pass = 0; pass < 64 && hasAliases(doc); pass++) {
    visit(doc, {
      Map(_, map) {
        expandMerges(map);
      },
    });
    visit(doc, {
      Alias(_, alias: Alias) {
        const target = resolve(alias);
        return (isNode(target) ? target.clone() : doc.createNode(null)) as Node;
      },
    });
  }
  visit(doc, {
    Node(_, node) {
      if ('anchor' in node) delete (node as {anchor?: string}).anchor;
    },
  });
}
