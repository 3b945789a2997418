/**
 * One release as the checker uses it: its published field data (urls.ts
 * `PUBLISHED_FIELDS`), its compiled schema and the lookups built from them.
 * The page fetches and compiles; everything here is pure.
 */
import type {ValidateFunction} from 'ajv';
import {parsePath} from '../reference/configPath';
import type {PublishedField, PublishedFields} from '../reference/published';
import {PathResolver} from '../reference/resolvePath';

export interface CheckerRelease {
  version: string;
  data: PublishedFields;
  byPath: ReadonlyMap<string, PublishedField>;
  resolver: PathResolver<PublishedField>;
  /** The release's schema compiled (reference/chartSchema.ts); absent for a release used only for its fields. */
  validate?: ValidateFunction;
  /** The schema itself, for the descriptions the field data leaves out. */
  schema?: unknown;
}

export function checkerRelease(data: PublishedFields, schema?: unknown, validate?: ValidateFunction): CheckerRelease {
  return {
    version: data.version,
    data,
    byPath: new Map(data.fields.map((field) => [field.path, field])),
    resolver: new PathResolver(data.fields),
    ...(schema === undefined ? {} : {schema}),
    ...(validate ? {validate} : {}),
  };
}

/** Whether a field's path names one place: no list item or map value in it. */
export function isLiteralPath(path: string): boolean {
  return parsePath(path).every((segment) => segment.kind === 'property');
}

/**
 * Documented releases ordered oldest first, by the newest-first list every
 * published file carries; versions the list does not name are left out.
 */
export function oldestFirst<T extends {version: string}>(releases: readonly T[], documented: readonly string[]): T[] {
  const rank = (version: string): number => documented.indexOf(version);
  return releases.filter((release) => rank(release.version) >= 0).sort((a, b) => rank(b.version) - rank(a.version));
}
