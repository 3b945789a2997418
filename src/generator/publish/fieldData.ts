import type {FieldIndex} from '../../reference/fieldIndex';
import type {PageMap} from '../../reference/pageMap';
import {pageForField} from '../../reference/pageForField';
import {PUBLISHED_FORMAT, type PublishedAnchors, type PublishedField, type PublishedFields} from '../../reference/published';
import {docsRoute} from '../../reference/urls';

/** The browser's field data of one version (src/reference/published.ts): the index without descriptions and evidence, with each field's page route. */
export function createFieldData(index: FieldIndex, pages: PageMap | undefined, current: string, documented: readonly string[]): PublishedFields {
  const fields = index.fields.map((record): PublishedField => {
    const page = pages && pageForField(record, pages.pagesByPartial);
    const field: PublishedField = {path: record.path, anchor: record.anchor, type: record.type};
    if (page) field.route = docsRoute(index.version, current, pages.routes.get(page));
    if (record.required) field.required = true;
    if (record.deprecated) field.deprecated = true;
    if (record.pro) field.pro = true;
    if (record.proWhen) field.proWhen = record.proWhen;
    if (record.default !== undefined) field.default = record.default;
    if (record.defaultYaml !== undefined) field.defaultYaml = record.defaultYaml;
    if (record.allowedValues) field.allowedValues = record.allowedValues;
    if (record.facts?.length) field.facts = record.facts.map(({evidence: _evidence, ...fact}) => fact);
    if (record.since) field.since = record.since;
    if (record.removedIn) field.removedIn = record.removedIn;
    if (record.defaultChanges) field.defaultChanges = record.defaultChanges;
    if (record.deprecatedIn) field.deprecatedIn = record.deprecatedIn;
    return field;
  });
  return {format: PUBLISHED_FORMAT, version: index.version, current, documented: [...documented], fields};
}

/** The anchors of a version by page (src/reference/published.ts), from its field data. */
export function createAnchors(fields: PublishedFields): PublishedAnchors {
  const pages: Record<string, string[]> = {};
  for (const field of fields.fields) if (field.route) (pages[field.route] ??= []).push(field.anchor);
  return {format: PUBLISHED_FORMAT, version: fields.version, pages: Object.fromEntries(Object.entries(pages).map(([route, anchors]) => [route, anchors.join(' ')]))};
}
