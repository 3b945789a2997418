/**
 * One release as the checker uses it: its fields, read from the release
 * data of the whole line (src/reference/releases.ts), its compiled schema
 * and the lookups built from them. The page fetches and compiles; everything
 * here is pure.
 */
import type {ValidateFunction} from 'ajv';
import {parsePath} from '../reference/configPath';
import type {PublishedField} from '../reference/published';
import type {Releases} from '../reference/releases';
import {PathResolver, type PathRecord} from '../reference/resolvePath';

export interface CheckerRelease {
  version: string;
  /** Every release of the line. */
  line: Releases;
  fields: readonly PublishedField[];
  byPath: ReadonlyMap<string, PublishedField>;
  resolver: PathResolver<PublishedField>;
  /** The release's schema compiled (reference/chartSchema.ts); absent for a release used only for its fields. */
  validate?: ValidateFunction;
  /** The schema itself. */
  schema?: unknown;
}

/** A release of the line; `fields` stand in for what the data says of its fields (a test's fixture). */
export function checkerRelease(line: Releases, version: string, schema?: unknown, validate?: ValidateFunction, fields: readonly PublishedField[] = line.fieldsOf(version)): CheckerRelease {
  return {
    version,
    line,
    fields,
    byPath: new Map(fields.map((field) => [field.path, field])),
    resolver: new PathResolver(fields),
    ...(schema === undefined ? {} : {schema}),
    ...(validate ? {validate} : {}),
  };
}

/** Whether a field's path names one place: no list item or map value in it. */
export function isLiteralPath(path: string): boolean {
  return parsePath(path).every((segment) => segment.kind === 'property');
}

const lineResolvers = new WeakMap<Releases, PathResolver<PathRecord>>();

/** Every path any release of the line has (its newest type), to look up a key the chosen release lacks. */
export function lineResolver(line: Releases): PathResolver<PathRecord> {
  let resolver = lineResolvers.get(line);
  if (!resolver) {
    resolver = new PathResolver(line.data.fields.map((field) => ({path: field.path, type: line.data.states[field.runs.at(-1)![2]].type})));
    lineResolvers.set(line, resolver);
  }
  return resolver;
}
