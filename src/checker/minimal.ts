/**
 * The minimal file: the same YAML with every value equal to the release's
 * default removed, and maps left empty by that removed too. Edits the yaml
 * package's Document, so comments, order and styles of what stays are kept.
 * Content an alias shares (an anchored node, or one reached through an
 * alias) is left as it is: removing it in one place would change another.
 */
import {isAlias, isMap, isNode, isPair, isScalar, type Document, type YAMLMap} from 'yaml';
import {formatInstancePath} from '../reference/configPath';
import {parseConfig, type ParsedConfig} from '../reference/validateConfig';
import {defaultEqualField} from './defaults';
import type {CheckerRelease} from './release';

export interface MinimalFile {
  text: string;
  /** Paths of the values removed, in text order. */
  removed: string[];
}

function childOf(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
}

/** Removes default-equal pairs below `map`; whether it removed every pair it had. */
function prune(release: CheckerRelease, map: YAMLMap, keys: string[], data: unknown, removed: string[]): boolean {
  const before = map.items.length;
  const first = map.items[0];
  map.items = map.items.filter((pair) => {
    if (!isPair(pair) || !isScalar(pair.key) || isAlias(pair.value)) return true;
    if (isNode(pair.value) && pair.value.anchor) return true;
    const key = String(pair.key.value);
    const childKeys = [...keys, key];
    const value = childOf(data, key);
    if (defaultEqualField(release, childKeys, value)) {
      removed.push(formatInstancePath(childKeys));
      return false;
    }
    if (isMap(pair.value) && pair.value.items.length && prune(release, pair.value, childKeys, value, removed)) return false;
    return true;
  });
  // A comment that opens a nested map was written above its first key: it goes when that key goes.
  if (keys.length && map.items[0] !== first) map.commentBefore = undefined;
  return before > 0 && map.items.length === 0;
}

/**
 * The minimal form of `text` for `release`; undefined when the text is not
 * valid YAML. `parsed` is the text already parsed: its document is left as it
 * is, unless `consume` says the caller is done with it (no copy is made).
 */
export function minimalConfig(text: string, release: CheckerRelease, parsed: ParsedConfig = parseConfig(text), consume = false): MinimalFile | undefined {
  if (parsed.problems.length || !parsed.doc) return undefined;
  const doc: Document = consume ? parsed.doc : parsed.doc.clone();
  const removed: string[] = [];
  if (isMap(doc.contents)) {
    // The file's opening comment (a schema line for editors, a title) stays, whichever key it stood above.
    const first = doc.contents.items[0];
    const opening = isPair(first) && isNode(first.key) ? first.key.commentBefore : undefined;
    if (prune(release, doc.contents, [], parsed.data, removed)) doc.contents = null;
    if (opening && (!isMap(doc.contents) || doc.contents.items[0] !== first)) doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${opening}` : opening;
  }
  if (!removed.length) return {text, removed};
  // lineWidth 0: long strings are not folded onto new lines.
  if (doc.contents === null) {
    // Nothing left to set: the comments alone (the yaml package would print `null`).
    const comments = [doc.commentBefore, doc.comment].filter(Boolean).join('\n');
    return {text: comments ? `${comments.split('\n').map((line) => `#${line}`).join('\n')}\n` : '', removed};
  }
  return {text: doc.toString({lineWidth: 0, flowCollectionPadding: false}), removed};
}
