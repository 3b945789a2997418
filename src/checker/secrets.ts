/**
 * Keys whose values look secret, so a share link can leave them out: a
 * database `dataSource` (it holds the user and password), `password`,
 * `token`, and keys ending in `Password`, `Token`, `Secret` or `Key`
 * (`apiKey`, `serverCAKey`). Only text values are left out; the file stays
 * valid YAML, with the key and a placeholder in place of the value.
 */
import {isMap, isPair, isScalar, isSeq, type Document} from 'yaml';
import {appendInstanceKey} from '../reference/configPath';
import {parseConfig} from '../reference/validateConfig';
import type {SetKey} from './setKeys';

export const SECRET_PLACEHOLDER = 'left-out-of-the-share-link';

/** Whether a key's name looks like it holds a secret. */
export function looksSecret(key: string): boolean {
  return /^(dataSource|password|token)$/iu.test(key) || /[A-Za-z0-9](Password|Token|Secret|Key)$/u.test(key);
}

/** The paths of the keys a file sets that look secret and hold text. */
export function secretPaths(keys: readonly SetKey[]): string[] {
  return keys.filter((key) => typeof key.value === 'string' && key.value !== '' && !key.viaAlias && looksSecret(String(key.keys.at(-1)))).map((key) => key.path);
}

/** `text` with the values of keys that look secret replaced by a placeholder, and their paths; the text as it is when it is not valid YAML. */
export function leaveOutSecrets(text: string): {text: string; leftOut: string[]} {
  const parsed = parseConfig(text);
  if (parsed.problems.length || !parsed.doc) return {text, leftOut: []};
  const doc: Document = parsed.doc;
  const leftOut: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const childPath = appendInstanceKey(path, key);
        if (looksSecret(key) && isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value !== '') {
          pair.value.value = SECRET_PLACEHOLDER;
          pair.value.type = 'PLAIN';
          leftOut.push(childPath);
        } else {
          walk(pair.value, childPath);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, appendInstanceKey(path, index)));
    }
  };
  walk(doc.contents, '');
  return leftOut.length ? {text: doc.toString({lineWidth: 0, flowCollectionPadding: false}), leftOut} : {text, leftOut};
}
