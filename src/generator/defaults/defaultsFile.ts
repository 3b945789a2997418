/**
 * A release's values.yaml as the default-values page shows it: the chart's
 * own text, every key that is a field of the schema linked to the field on
 * the page that shows it (src/reference/pageForField.ts), each field's line
 * marked with an id made from its anchor (urls.ts `defaultsLineId`), and
 * keys whose default changed since the previous documented release marked.
 */
import {formatPath} from '../../reference/configPath';
import type {FieldIndex, FieldRecord} from '../../reference/fieldIndex';
import type {PageMap} from '../../reference/pageMap';
import {pageForField} from '../../reference/pageForField';
import {PathResolver} from '../../reference/resolvePath';
import {PUBLISHED_VALUES, docsRoute, publishedUrl} from '../../reference/urls';
import {CHANGED, COMMENT, KEY, STUBS, fileText, type DefaultsFileProps, type DefaultsPart, type FieldLink} from '../../lib/defaultsFileProps';
import {scanValues} from './scanValues';

export interface DefaultsInputs {
  version: string;
  /** The current docs version (for routes). */
  current: string;
  /** values.yaml as the chart ships it. */
  valuesText: string;
  index: FieldIndex;
  /** The version's pages; without them no key is linked. */
  pages?: Pick<PageMap, 'pagesByPartial' | 'routes'>;
  /** The release changes are counted from: the previous documented one. */
  previous?: string;
  /** The releases whose default changes are marked: this one and any history-only ones since `previous`. */
  markChangesIn: ReadonlySet<string>;
}

export interface DefaultsCounts {
  /** Keys in the file. */
  keys: number;
  /** Keys linked to their field. */
  linked: number;
  /** Keys inside the free-form value of a field (`resources.limits.cpu` in an `object` field): no field of their own. */
  inValue: number;
  /** Keys the schema has no field for at all. */
  unknown: number;
  /** Keys of a field that no page shows. */
  noPage: number;
  /** Keys marked as changed since `previous`. */
  changed: number;
  /** Fields with no key of their own, whose line id sits on an ancestor's key (or at the start). */
  stubs: number;
}

export interface DefaultsFile {
  props: DefaultsFileProps;
  counts: DefaultsCounts;
}

interface Placed {
  start: number;
  end: number;
  part: DefaultsPart;
}

/** The default changes of a field to mark: those in the given releases; the badge names the last and the value before the first. */
function changeMark(record: FieldRecord, releases: ReadonlySet<string>): DefaultsPart | undefined {
  const changes = record.defaultChanges?.filter((change) => releases.has(change.version));
  if (!changes?.length) return undefined;
  return [CHANGED, changes.at(-1)!.version, changes[0].fromYaml ?? null];
}

export function createDefaultsFile(inputs: DefaultsInputs): DefaultsFile {
  const {version, current, valuesText: text, index, pages} = inputs;
  const resolver = new PathResolver(index.fields);
  const byPath = new Map(index.fields.map((record) => [record.path, record]));
  const {keys, comments} = scanValues(text);
  const counts: DefaultsCounts = {keys: keys.length, linked: 0, inValue: 0, unknown: 0, noPage: 0, changed: 0, stubs: 0};

  const routes: string[] = [];
  const routeOf = (record: FieldRecord): number => {
    const page = pages && pageForField(record, pages.pagesByPartial);
    if (page === undefined) return -1;
    const route = docsRoute(version, current, pages!.routes.get(page));
    let at = routes.indexOf(route);
    if (at < 0) at = routes.push(route) - 1;
    return at;
  };

  const placed: Placed[] = comments.map(([start, end]) => ({start, end, part: [COMMENT, text.slice(start, end)]}));
  // The first key of each field carries its line id; stubs and marks attach to it.
  const firstKey = new Map<string, Placed>();
  const marks: Placed[] = [];
  for (const key of keys) {
    const keyText = text.slice(key.start, key.end);
    const resolution = key.segments && resolver.resolve(formatPath(key.segments));
    if (!resolution?.found || resolution.inside) {
      if (resolution?.found) counts.inValue++;
      else counts.unknown++;
      placed.push({start: key.start, end: key.end, part: [KEY, keyText]});
      continue;
    }
    const {record} = resolution;
    const first = !firstKey.has(record.path);
    const link: FieldLink = [record.path, record.anchor, routeOf(record), first ? 1 : 0];
    if (link[2] < 0) counts.noPage++;
    else counts.linked++;
    const entry: Placed = {start: key.start, end: key.end, part: [KEY, keyText, link]};
    placed.push(entry);
    if (!first) continue;
    firstKey.set(record.path, entry);
    // Only a key on a path of keys alone shows the default the field index has (below a list item it is the schema's).
    const literal = resolution.literal && key.segments!.every((segment) => segment.kind === 'property');
    const mark = literal ? changeMark(record, inputs.markChangesIn) : undefined;
    if (mark) {
      const lineEnd = text.indexOf('\n', key.end);
      const at = lineEnd < 0 ? text.length : lineEnd;
      marks.push({start: at, end: at, part: mark});
      counts.changed++;
    }
  }

  // Fields without a key: their ids go before the nearest ancestor's key, or to the start of the file.
  const stubs = new Map<Placed | undefined, string[]>();
  for (const record of index.fields) {
    if (firstKey.has(record.path)) continue;
    let ancestor = record.parent === undefined ? undefined : byPath.get(record.parent);
    while (ancestor && !firstKey.has(ancestor.path)) ancestor = ancestor.parent === undefined ? undefined : byPath.get(ancestor.parent);
    const host = ancestor && firstKey.get(ancestor.path);
    const list = stubs.get(host) ?? [];
    list.push(record.anchor);
    stubs.set(host, list);
    counts.stubs++;
  }
  for (const [host, anchors] of stubs) {
    const at = host ? host.start : 0;
    placed.push({start: at, end: at, part: [STUBS, anchors]});
  }
  placed.push(...marks);

  // In file order; at one place, stubs before the key they belong to.
  const rank = (entry: Placed) => (entry.end === entry.start ? 0 : 1);
  placed.sort((a, b) => a.start - b.start || rank(a) - rank(b));
  const parts: DefaultsPart[] = [];
  let cursor = 0;
  for (const entry of placed) {
    if (entry.start > cursor) parts.push(text.slice(cursor, entry.start));
    parts.push(entry.part);
    cursor = Math.max(cursor, entry.end);
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  if (fileText(parts) !== text) throw new Error(`default values of ${version}: the parts of values.yaml do not join up to the file (overlapping keys or comments)`);

  return {props: [version, inputs.previous ?? '', publishedUrl(version, PUBLISHED_VALUES), routes, parts], counts};
}
