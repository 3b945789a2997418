/**
 * Ranking for the navbar search: small pure functions over one version's index
 * (written by src/plugins/configSearch). No DOM, no Docusaurus: unit-tested in
 * test/unit/searchRank.test.ts.
 */
import damerauLevenshtein from 'damerau-levenshtein';
import {anchorOfPath, formatPath, lastKey, loosePath, parseAnchor} from '../../reference/configPath';
import type {Releases} from '../../reference/releases';
import type {WireIndex, WireMarks} from '../../search/format';
import {STOP_WORDS, splitCamel, words} from '../../search/words';

export interface SearchField {
  path: string;
  anchor: string;
  /** The last key: `migrateFromDeployedEtcd`; `[]` / `*` for list items and map values. */
  name: string;
  type: string;
  pro: boolean;
  deprecated: boolean;
  /** Pro only under these conditions; the field's releases; what to use instead. */
  marks?: WireMarks;
  description: string;
  route: string;
  pageTitle: string;
  /** The path for matching: lowercase, `[]` and `*` dropped, `["a.b"]` → `.a.b`. */
  loose: string;
  looseName: string;
  /** Lowercase words of the name, camelCase split, space-framed: ` migrate from deployed etcd `. */
  nameWords: string;
  /** The name from each of its words on, space-framed: ` exportkubeconfig kubeconfig config `. */
  nameTails: string;
  /** Lowercase words of the path (camelCase split), space-framed. */
  pathWords: string;
  /** Lowercase words of the name (camelCase split), the path and the description, space-separated and space-framed. */
  words: string;
  depth: number;
  /** Its old names (marks.was), loose, with their last keys. */
  was: Array<{path: string; loose: string; name: string}>;
}

export interface SearchSection {
  /** Undefined for the page's title and intro. */
  id?: string;
  heading?: string;
  /** Lowercase, space-framed: ` word word `. */
  headingWords: string;
  words: string;
}

export interface SearchPage {
  title: string;
  route: string;
  titleLower: string;
  titleWords: string;
  sections: SearchSection[];
}

export interface PreparedIndex {
  version: string;
  fields: SearchField[];
  pages: SearchPage[];
  /** The words of field paths, page titles and headings: what a misspelt query word is corrected to. */
  vocabulary: ReadonlySet<string>;
}

export type SearchResult =
  | {kind: 'field'; score: number; field: SearchField; route: string; anchor: string; /** The old name the query matched. */ was?: string}
  | {kind: 'page'; score: number; page: SearchPage; route: string; anchor?: string; heading?: string};

const frame = (list: readonly string[]) => ` ${[...new Set(list)].join(' ')} `;

/** Turns the wire format into objects with everything the ranking compares precomputed. */
export function prepareIndex(wire: WireIndex): PreparedIndex {
  const pages: SearchPage[] = wire.pages.map(([title, route, intro, headings]) => ({
    title,
    route,
    titleLower: title.toLowerCase(),
    titleWords: frame(words(title)),
    sections: [
      {headingWords: ' ', words: ` ${intro} `},
      ...headings.map(([id, heading, text]) => ({id, heading, headingWords: frame(words(heading)), words: ` ${text} `})),
    ],
  }));
  // Keys repeat (`enabled`, `image`…) and children extend their parent's path: split each key once.
  const camel = new Map<string, string[]>();
  const keyWords = (key: string) => {
    let split = camel.get(key);
    if (!split) camel.set(key, (split = splitCamel(key)));
    return split;
  };
  const paths: string[] = [];
  const pathWords: string[][] = [];
  const fields: SearchField[] = wire.fields.map(([suffix, parent, page, type, flags, description, anchor, marks]) => {
    const path = parent >= 0 ? paths[parent] + suffix : suffix;
    const name = lastKey(path);
    const own = keyWords(name);
    const inPath = parent >= 0 ? [...pathWords[parent], ...own] : path.split(/[.[\]"*]+/).flatMap(keyWords);
    paths.push(path);
    pathWords.push(inPath);
    const loose = loosePath(path);
    return {
      path,
      anchor: anchor || anchorOfPath(path),
      marks,
      name,
      type,
      pro: (flags & 1) !== 0,
      deprecated: (flags & 2) !== 0,
      description,
      route: pages[page]?.route ?? '/',
      pageTitle: pages[page]?.title ?? '',
      loose,
      looseName: loose.slice(loose.lastIndexOf('.') + 1),
      nameWords: frame(own),
      nameTails: frame(own.map((_, i) => own.slice(i).join(''))),
      pathWords: frame(inPath),
      words: frame([...inPath, ...words(description)]),
      depth: loose.split('.').length,
      was: (marks?.was ?? []).map((old) => {
        const looseOld = loosePath(old);
        return {path: old, loose: looseOld, name: looseOld.slice(looseOld.lastIndexOf('.') + 1)};
      }),
    };
  });
  const vocabulary = new Set<string>();
  for (const list of [...pathWords, ...pages.flatMap((page) => [words(page.title), ...page.sections.map((section) => words(section.heading ?? ''))])]) for (const word of list) vocabulary.add(word);
  return {version: wire.version, fields, pages, vocabulary};
}

/** A query as the ranking sees it. */
export interface Query {
  text: string;
  /**
   * Loose path forms to compare with fields: as typed; for anchors (`a-b-c`) with `-` read as `.`;
   * for several words, joined into one key and into a dotted path.
   */
  paths: string[];
  words: string[];
  /** One token that looks like a key or a dotted path. */
  pathLike: boolean;
}

export function parseQuery(input: string): Query {
  const text = input.trim().replace(/\s+/g, ' ').toLowerCase();
  const pathLike = /^[\w.[\]"'*/~-]+$/.test(text) && /[\p{L}\p{N}]/u.test(text);
  const all = [...new Set(words(text))];
  const meaningful = all.filter((word) => !STOP_WORDS.has(word));
  const queryWords = meaningful.length ? meaningful : all;
  const paths = pathLike ? [loosePath(text)] : [];
  if (pathLike && text.includes('-') && !text.includes('.')) paths.push(loosePath(formatPath(parseAnchor(text))));
  // `high availability` is the key `highAvailability`; `resources limits` the path `….resources.limits`.
  if (!pathLike && all.length > 1) paths.push(all.join(''), all.join('.'));
  return {text, paths: [...new Set(paths)].filter(Boolean), words: queryWords, pathLike};
}

/** Whether every query word starts a word of the space-framed list. */
export function allWordsPrefix(queryWords: readonly string[], framed: string): boolean {
  return queryWords.length > 0 && queryWords.every((word) => framed.includes(` ${word}`));
}

/** How many query words start a word of the space-framed list. */
function countWordsPrefix(queryWords: readonly string[], framed: string): number {
  return queryWords.filter((word) => framed.includes(` ${word}`)).length;
}

function scorePath(field: SearchField, path: string): number {
  const {loose} = field;
  const dotted = path.includes('.');
  const extra = (start: number) => loose.slice(start).split('.').filter(Boolean).length;
  if (loose === path) return 1000;
  if (!dotted && field.looseName === path) return 900;
  if (dotted && loose.endsWith(`.${path}`)) return 850;
  if (dotted && loose.startsWith(path)) {
    const boundary = path.endsWith('.') || loose[path.length] === '.';
    return (boundary ? 700 : 680) - Math.min(extra(path.length), 50) * 5;
  }
  if (dotted && loose.includes(`.${path}`)) return 560;
  if (!dotted && field.looseName.startsWith(path)) return 620 - Math.min(field.looseName.length - path.length, 40);
  return 0;
}

/** The old name of a field a query names (a whole old path, or its last key), and how well: below the field's own names. */
export function scoreOldName(field: SearchField, query: Query): {score: number; was?: string} {
  let best: {score: number; was?: string} = {score: 0};
  for (const old of field.was) {
    for (const path of query.paths) {
      const score = old.loose === path ? 800 : path.includes('.') && old.loose.endsWith(`.${path}`) ? 600 : !path.includes('.') && old.name === path ? 400 : 0;
      if (score > best.score) best = {score: score - Math.min(field.depth, 20), was: old.path};
    }
  }
  return best;
}

export function scoreField(field: SearchField, query: Query): number {
  let score = 0;
  for (const path of query.paths) score = Math.max(score, scorePath(field, path));
  if (!score && query.pathLike && query.words.length === 1) {
    const [word] = query.words;
    if (field.nameTails.includes(` ${word}`)) score = 450;
    else if (word.length > 1 && field.looseName.includes(word)) score = 350;
    else if (word.length >= 3 && field.words.includes(` ${word}`)) score = 150;
  }
  if (!score && query.words.length > 1 && allWordsPrefix(query.words, field.words)) {
    const named = countWordsPrefix(query.words, field.nameWords);
    // Every word in the path, the field's own name among them (`etcd replicas`): the field itself, before
    // sections that only mention the words (below those whose heading holds them all); else words found in
    // its description too.
    score = named && allWordsPrefix(query.words, field.pathWords) ? 560 + named * 10 : 250 + named * 20;
  }
  if (!score) return 0;
  // Shallower fields first among equals, deprecated ones last.
  return score - Math.min(field.depth, 20) - (field.deprecated ? 30 : 0);
}

/** The best match within one page: its title, one of its headings, or its text. */
export function scorePage(page: SearchPage, query: Query): {score: number; section?: SearchSection} {
  const queryWords = query.words;
  if (!queryWords.length) return {score: 0};
  if (page.titleLower === query.text) return {score: 950};
  let best: {score: number; section?: SearchSection} = {score: 0};
  const consider = (score: number, section?: SearchSection) => {
    if (score > best.score) best = {score, section};
  };
  if (allWordsPrefix(queryWords, page.titleWords)) consider(page.titleLower.startsWith(query.text) ? 720 : 700);
  for (const section of page.sections) {
    if (section.heading !== undefined && section.heading.toLowerCase() === query.text) consider(800, section);
    else if (allWordsPrefix(queryWords, section.headingWords)) consider(600, section);
    else if (best.score < 300) {
      const everywhere = page.titleWords + section.headingWords + section.words;
      if (allWordsPrefix(queryWords, everywhere)) {
        const named = countWordsPrefix(queryWords, page.titleWords + section.headingWords);
        consider(300 + named * 10 + (section.id ? 0 : 5), section.id ? section : undefined);
      }
    }
  }
  return best;
}

export interface SearchOptions {
  limit?: number;
}

/** The results for a query, best first: fields and pages together, one result per page. */
export function search(index: PreparedIndex, input: string, {limit = 10}: SearchOptions = {}): SearchResult[] {
  const query = parseQuery(input);
  if (!query.words.length) return [];
  const results: SearchResult[] = [];
  for (const field of index.fields) {
    const score = scoreField(field, query);
    const old = scoreOldName(field, query);
    if (old.score > score) results.push({kind: 'field', score: old.score, field, route: field.route, anchor: field.anchor, was: old.was});
    else if (score > 0) results.push({kind: 'field', score, field, route: field.route, anchor: field.anchor});
  }
  for (const page of index.pages) {
    const {score, section} = scorePage(page, query);
    if (score > 0) results.push({kind: 'page', score, page, route: page.route, anchor: section?.id, heading: section?.heading});
  }
  results.sort((a, b) => b.score - a.score || sortKey(a).localeCompare(sortKey(b)));
  return results.slice(0, limit);
}

/** How far a misspelt word may be from the word it stands for (letters added, dropped, changed or swapped). */
function typoAllowance(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * The query with each word that starts no word of the index replaced by the
 * closest word of the vocabulary (`ectd` → `etcd`, `replcas` → `replicas`):
 * the Damerau–Levenshtein distance (a swap of two letters counts as one
 * edit: damerau-levenshtein), within one edit for words of 4 to 7 letters
 * and two from 8; the shorter distance wins, then the word met first (field
 * paths before page headings). Undefined when no word needs or finds a
 * correction.
 */
export function correctQuery(index: PreparedIndex, input: string): string | undefined {
  let corrected = false;
  const vocabulary = [...index.vocabulary];
  const known = (word: string) => vocabulary.some((candidate) => candidate.startsWith(word));
  const fixed = words(input).map((word) => {
    const allowance = typoAllowance(word);
    if (!allowance || known(word)) return word;
    let best: {word: string; steps: number} | undefined;
    for (const candidate of vocabulary) {
      if (Math.abs(candidate.length - word.length) > allowance) continue;
      const {steps} = damerauLevenshtein(word, candidate);
      if (steps <= allowance && (!best || steps < best.steps)) best = {word: candidate, steps};
    }
    if (!best) return word;
    corrected = true;
    return best.word;
  });
  return corrected ? fixed.join(' ') : undefined;
}

/** A field the release being searched lacks and another release has: where it is, from the release data. */
export interface FieldElsewhere {
  path: string;
  /** The first later release with it, the first later release without it (after an earlier run). */
  addedIn?: string;
  removedIn?: string;
  /** The nearest documented release that shows it, with its page and anchor there. */
  shown?: {version: string; route: string; anchor: string};
}

/**
 * The fields of other releases that a query names (its last key, its path or
 * the end of its path, as the search compares them), which `version` lacks:
 * those a documented release shows first, then the others, at most `limit`.
 */
export function fieldsElsewhere(releases: Releases, version: string, input: string, limit = 5): FieldElsewhere[] {
  const query = parseQuery(input);
  const wanted = [...query.paths, ...(query.words.length === 1 ? query.words : [])];
  if (!wanted.length || !releases.has(version)) return [];
  const found: FieldElsewhere[] = [];
  for (const field of releases.data.fields) {
    const loose = loosePath(field.path);
    const name = loose.slice(loose.lastIndexOf('.') + 1);
    if (!wanted.some((path) => loose === path || name === path || loose.endsWith(`.${path}`))) continue;
    const around = releases.spanAround(field.path, version);
    if (around) found.push({path: field.path, ...(around.addedIn ? {addedIn: around.addedIn} : {}), ...(around.removedIn ? {removedIn: around.removedIn} : {}), ...(around.nearest ? {shown: around.nearest} : {})});
  }
  return found.sort((a, b) => Number(!a.shown) - Number(!b.shown)).slice(0, limit);
}

function sortKey(result: SearchResult): string {
  return result.kind === 'field' ? `1${result.field.path}` : `0${result.page.route}`;
}

/** Where a result leads, relative to the site's baseUrl: `/docs/control-plane#controlPlane-distro`. */
export function resultTarget(result: SearchResult): string {
  return result.anchor ? `${result.route}#${result.anchor}` : result.route;
}
