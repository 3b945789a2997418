/**
 * The one rule for which page a link to a field leads to, used by every link
 * the site makes to a field (config paths in prose, the what-changed pages,
 * field history notices, the checker): the page that imports the field's
 * section partial (it shows the field among all of its section), else the
 * page importing the deepest partial that shows it. Of several pages
 * importing that partial, the canonical one (the page map's first).
 *
 * Search differs on purpose (src/plugins/configSearch): a result opens the
 * page showing the field among the fewest others, where the narrative is
 * about that field; a link in prose keeps the reader on the section's page.
 */
import type {FieldRecord} from './fieldIndex';

export type PagesByPartial = ReadonlyMap<string, readonly string[]>;

/** The partial a link to the field goes through, or undefined when no page shows the field. */
export function linkPartialFor(record: Pick<FieldRecord, 'sectionPartial' | 'partials'>, pagesByPartial: PagesByPartial): string | undefined {
  return [record.sectionPartial, ...record.partials].find((partial) => pagesByPartial.get(partial)?.length);
}

/** The page a link to the field leads to, or undefined when no page shows it. */
export function pageForField(record: Pick<FieldRecord, 'sectionPartial' | 'partials'>, pagesByPartial: PagesByPartial): string | undefined {
  const partial = linkPartialFor(record, pagesByPartial);
  return partial === undefined ? undefined : pagesByPartial.get(partial)![0];
}
