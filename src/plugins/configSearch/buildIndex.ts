import {anchorOfPath} from '../../reference/configPath';
import type {FieldRecord} from '../../reference/fieldIndex';
import {FORMAT, type WireField, type WireIndex, type WireMarks, type WirePage} from '../../search/format';
import {condensedWords, words} from '../../search/words';
import type {ExtractedPage} from './html';

/** What the index needs of a field record. */
export type FieldIndexRecord = Pick<FieldRecord, 'path' | 'anchor' | 'type' | 'parent'> &
  Partial<Pick<FieldRecord, 'pro' | 'proWhen' | 'deprecated' | 'replacement' | 'description' | 'facts' | 'since' | 'removedIn'>> & {
    /** Its old names (src/checker/moves/aliases.ts). */
    was?: string[];
  };

/** Where each search mark (the Pro condition and history a result shows) comes from in the field record: one line per mark. */
const MARKS: {[K in keyof Required<WireMarks>]: (field: FieldIndexRecord) => WireMarks[K]} = {
  proWhen: (field) => field.proWhen,
  since: (field) => field.since,
  removedIn: (field) => field.removedIn,
  use: (field) => field.replacement,
  was: (field) => field.was,
};

function marksOf(field: FieldIndexRecord): WireMarks | undefined {
  const marks: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(MARKS)) {
    const value = read(field);
    if (value !== undefined) marks[key] = value;
  }
  return Object.keys(marks).length ? (marks as WireMarks) : undefined;
}

export interface BuiltPage extends ExtractedPage {
  /** Without the site's baseUrl: `/docs/control-plane`. */
  route: string;
}

export interface BuildResult {
  index: WireIndex;
  /** Fields no built page shows (left out of the index). */
  unplaced: string[];
}

const MAX_DESCRIPTION = 140;

/** The first sentence of a field's description, as plain text, at most ~140 characters. */
export function firstSentence(description: string | undefined): string {
  if (!description) return '';
  const text = description
    .split(/\n\s*\n/)[0]
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images → their text
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*{1,2}([^*]+)\*{1,2}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const end = /[.!?](?=\s|$)/.exec(text.replace(/\b(e\.g|i\.e|etc|vs)\./gi, (abbreviation) => abbreviation.replace(/\./g, '\u0000')));
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= MAX_DESCRIPTION) return sentence;
  const cut = sentence.slice(0, MAX_DESCRIPTION);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_DESCRIPTION - 20))}…`;
}

/**
 * The page a field's search result opens: among the pages showing its anchor,
 * the one showing the fewest fields (the most focused page), then the shortest route.
 * Links in prose follow src/reference/pageForField.ts instead (the section's
 * page); a search result is better served by the page that is about the field.
 */
export function bestPages(pages: readonly BuiltPage[], anchors: ReadonlySet<string>): Map<string, number> {
  const fieldCount = pages.map((page) => {
    let count = 0;
    for (const id of page.ids) if (anchors.has(id)) count++;
    return count;
  });
  const best = new Map<string, number>();
  pages.forEach((page, index) => {
    for (const id of page.ids) {
      if (!anchors.has(id)) continue;
      const current = best.get(id);
      if (
        current === undefined ||
        fieldCount[index] < fieldCount[current] ||
        (fieldCount[index] === fieldCount[current] && page.route.length < pages[current].route.length)
      ) {
        best.set(id, index);
      }
    }
  });
  return best;
}

export function buildVersionIndex(version: string, pages: readonly BuiltPage[], fields: readonly FieldIndexRecord[]): BuildResult {
  const wirePages: WirePage[] = pages.map((page) => {
    const titleWords = words(page.title);
    const [intro, ...rest] = page.sections[0]?.id === undefined ? page.sections : [{text: ''}, ...page.sections];
    return [
      page.title,
      page.route,
      condensedWords(intro?.text ?? '', titleWords),
      rest.map((section) => [section.id!, section.heading ?? '', condensedWords(section.text, [...titleWords, ...words(section.heading ?? '')])]),
    ];
  });

  const best = bestPages(pages, new Set(fields.map((field) => field.anchor)));
  const position = new Map<string, number>();
  const wireFields: WireField[] = [];
  const unplaced: string[] = [];
  for (const field of fields) {
    const page = best.get(field.anchor);
    if (page === undefined) {
      unplaced.push(field.path);
      continue;
    }
    const parent = field.parent === undefined ? undefined : position.get(field.parent);
    const flags = (field.pro ? 1 : 0) | (field.deprecated ? 2 : 0);
    // A field's path extends its parent's (src/reference/configPath.ts): the wire keeps only the suffix.
    const record: WireField =
      parent !== undefined
        ? [field.path.slice(field.parent!.length), parent, page, field.type, flags, firstSentence(field.description)]
        : [field.path, -1, page, field.type, flags, firstSentence(field.description)];
    const marks = marksOf(field);
    if (anchorOfPath(field.path) !== field.anchor || marks) record.push(anchorOfPath(field.path) === field.anchor ? '' : field.anchor);
    if (marks) record.push(marks);
    position.set(field.path, wireFields.length);
    wireFields.push(record);
  }
  return {index: {format: FORMAT, version, pages: wirePages, fields: wireFields}, unplaced};
}
