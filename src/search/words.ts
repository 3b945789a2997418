/**
 * How search splits text into words, the same when the index is built
 * (src/plugins/configSearch) and when a query is typed (src/theme/SearchBar).
 */

/** Common English words that never help to find a page: left out of the index and of queries. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be but by can do does for from has have how i if in into is it its ' +
    'more no not of on one only or so than that the their them then there these they this to ' +
    'too use used uses using was we were what when where which while who will with you your').split(' '),
);

/** Lowercase words: letters, digits and `_`, split at everything else but apostrophes (`don't` → `dont`). */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
}

/** `migrateFromDeployedEtcd` → `migrate from deployed etcd`; `k8sVersion` → `k8s version`. */
export function splitCamel(name: string): string[] {
  return words(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'));
}

/** The distinct words of a text worth searching, in order of appearance, without those in `known`. */
export function condensedWords(text: string, known: Iterable<string> = []): string {
  const seen = new Set<string>(known);
  const kept: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || STOP_WORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    kept.push(word);
  }
  return kept.join(' ');
}
