/**
 * Which page of each documented release shows each field, added to the
 * release data by the page policy (src/reference/pageForField.ts): what the
 * checker's links and the missing-field notice follow.
 */
import type {FieldIndex} from '../../reference/fieldIndex';
import type {PageMap} from '../../reference/pageMap';
import {pageForField} from '../../reference/pageForField';
import type {ReleasesData} from '../../reference/releases';
import {docsRoute} from '../../reference/urls';

export function addRoutes(data: ReleasesData, index: FieldIndex, pages: PageMap, current: string): void {
  const routeIds = new Map(data.routes.map((route, i) => [route, i]));
  const fields = new Map(data.fields.map((field) => [field.path, field]));
  for (const record of index.fields) {
    const page = pageForField(record, pages.pagesByPartial);
    if (!page) continue;
    const route = docsRoute(index.version, current, pages.routes.get(page));
    let id = routeIds.get(route);
    if (id === undefined) {
      id = data.routes.push(route) - 1;
      routeIds.set(route, id);
    }
    const field = fields.get(record.path);
    if (!field) throw new Error(`release data: ${index.version} has ${record.path}, which the data lacks`);
    (field.routes ??= {})[index.version] = id;
  }
}
