/**
 * Every key a `vcluster.yaml` sets, in text order, with where it is written.
 * Walks the YAML document (the yaml package's nodes) beside the data it
 * parses to, so list items and map values have their own instance paths and
 * a key reached through an alias is shown where the alias is written.
 */
import {isAlias, isMap, isNode, isPair, isScalar, isSeq, type Document, type Node} from 'yaml';
import {appendInstanceKey} from '../reference/configPath';
import {indexOf} from '../reference/validateConfig';

type Range = [start: number, end: number];

export interface SetKey {
  /** The instance path: keys and list indexes. */
  keys: Array<string | number>;
  /** `controlPlane.distro.k8s.env[0].name`. */
  path: string;
  /** The path of the map or list item it is in (`controlPlane.distro.k8s.env[0]`); `''` at the top level. */
  parent: string;
  /** The key as written; for a key inside an aliased node, the alias. */
  keyRange: Range;
  /** From the key to the end of its value. */
  range: Range;
  /** The value as parsed (aliases resolved). */
  value: unknown;
  /** Reached through an alias: its ranges are those of the alias. */
  viaAlias: boolean;
}

function rangeOfNode(node: unknown): Range | undefined {
  return isNode(node) && node.range ? [node.range[0], node.range[1]] : undefined;
}

function childOf(data: unknown, key: string | number): unknown {
  return data !== null && typeof data === 'object' ? (data as Record<string | number, unknown>)[key] : undefined;
}

/** The keys set in `doc`, whose parsed data is `data` (reference/validateConfig.ts `parseConfig`). */
export function setKeys(doc: Document, data: unknown): SetKey[] {
  const found: SetKey[] = [];
  const index = indexOf(doc);
  // The collections on the way down: one that contains an alias to itself is walked once.
  const open = new Set<Node>();

  const walk = (node: unknown, keys: Array<string | number>, path: string, data: unknown, aliasRange: Range | undefined): void => {
    if (isAlias(node)) {
      const target = index.aliasTargets.get(node);
      if (target) walk(target, keys, path, data, aliasRange ?? rangeOfNode(node));
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    if (open.has(node)) return;
    open.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const childKeys = [...keys, key];
        const keyRange = aliasRange ?? rangeOfNode(pair.key);
        if (!keyRange) continue;
        const valueRange = aliasRange ?? rangeOfNode(pair.value) ?? keyRange;
        const value = childOf(data, key);
        const childPath = appendInstanceKey(path, key);
        found.push({keys: childKeys, path: childPath, parent: path, keyRange, range: [keyRange[0], Math.max(keyRange[1], valueRange[1])], value, viaAlias: aliasRange !== undefined});
        walk(pair.value, childKeys, childPath, value, aliasRange);
      }
    } else {
      node.items.forEach((entry, index) => walk(entry, [...keys, index], appendInstanceKey(path, index), childOf(data, index), aliasRange));
    }
    open.delete(node);
  };

  walk(doc.contents, [], '', data, undefined);
  return found;
}


/** Whether `keys` starts with `prefix`. */
export function startsWith(keys: ReadonlyArray<string | number>, prefix: ReadonlyArray<string | number>): boolean {
  return prefix.length <= keys.length && prefix.every((key, i) => keys[i] === key);
}
