/**
 * The real releases as the config checker sees them: each documented
 * version's field data made from its chart by the generator, in memory, as
 * gen-partials publishes it (with the routes of the real docs pages), and
 * its schema compiled. Fixture variants change one field's data.
 */
import {chartDir, PROJECT_ROOT, readSchema, referenceFor, VERSIONS} from './chart';
import {createFieldData} from '../../src/generator/publish/fieldData';
import {compileChartSchema} from '../../src/reference/chartSchema';
import {docsDirFor} from '../../src/reference/files';
import {pageMapFor} from '../../src/reference/pageMap';
import type {PublishedField} from '../../src/reference/published';
import {checkerRelease, type CheckerRelease} from '../../src/checker/release';

const CURRENT = VERSIONS[0];
let loading: Promise<CheckerRelease[]> | undefined;

/** Every documented release, newest first, schemas compiled. */
export function realReleases(): Promise<CheckerRelease[]> {
  loading ??= Promise.all(
    VERSIONS.map(async (version) => {
      const reference = await referenceFor(chartDir(version), version);
      const pages = pageMapFor(docsDirFor(PROJECT_ROOT, version, CURRENT), PROJECT_ROOT);
      const schema = readSchema(chartDir(version));
      return checkerRelease(createFieldData(reference.index, pages, CURRENT, VERSIONS), schema, compileChartSchema(schema));
    }),
  );
  return loading;
}

export async function realRelease(version: string): Promise<CheckerRelease> {
  const found = (await realReleases()).find((release) => release.version === version);
  if (!found) throw new Error(`no documented release ${version} (documented: ${VERSIONS.join(', ')})`);
  return found;
}

/** A release whose fields at the given paths carry extra data (facts, history), as the generator will publish them. */
export function withFieldData(release: CheckerRelease, changes: Record<string, Partial<PublishedField>>): CheckerRelease {
  for (const path of Object.keys(changes)) if (!release.byPath.has(path)) throw new Error(`${release.version} has no field ${path}`);
  const fields = release.data.fields.map((field) => (changes[field.path] ? {...field, ...changes[field.path]} : field));
  return checkerRelease({...release.data, fields}, release.schema, release.validate);
}
