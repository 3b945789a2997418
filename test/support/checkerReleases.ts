/**
 * The real releases as the config checker sees them: each documented
 * version's field data as gen-partials publishes it (facts, history and the
 * routes of the real docs pages included; generated first when missing),
 * and its schema compiled. Fixture variants change one field's data.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {chartDir, PROJECT_ROOT, readSchema, VERSIONS} from './chart';
import {ensureRealReference} from './remarkSite';
import {compileChartSchema} from '../../src/reference/chartSchema';
import {publishedDirFor} from '../../src/reference/files';
import type {PublishedField, PublishedFields} from '../../src/reference/published';
import {PUBLISHED_FIELDS} from '../../src/reference/urls';
import {checkerRelease, type CheckerRelease} from '../../src/checker/release';

let loading: Promise<CheckerRelease[]> | undefined;

/** Every documented release, newest first, schemas compiled. */
export function realReleases(): Promise<CheckerRelease[]> {
  loading ??= Promise.resolve().then(() => {
    ensureRealReference();
    return VERSIONS.map((version) => {
      const data = JSON.parse(readFileSync(path.join(publishedDirFor(PROJECT_ROOT, version), PUBLISHED_FIELDS), 'utf8')) as PublishedFields;
      const schema = readSchema(chartDir(version));
      return checkerRelease(data, schema, compileChartSchema(schema));
    });
  });
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
