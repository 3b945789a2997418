/**
 * The release a `vcluster.yaml` example is checked against: the one rule.
 *
 * An example belongs to its page's release (`versioned_docs/version-X/…` → X,
 * anything else → the current release). An upgrade page also shows the file a
 * reader starts from, or holds at a stop on the way, so a block may name an
 * earlier release of the line in its meta:
 *
 * ```` ```yaml title="vcluster.yaml" release=0.20.0 ````
 *
 * - The release must be one the version manifest lists (documented or
 *   history-only) and no later than the page's own: a page shows the way to
 *   its release, never beyond it.
 * - A documented release is checked exactly as its own pages are: its schema
 *   copy and field index under its `_partials/config/` (curated facts
 *   included).
 * - A history-only release has no partials: its published schema
 *   (`static/schemas/<release>/vcluster.schema.json`) and what the release
 *   data (`static/schemas/releases.json`) says of its fields (defaults for the
 *   cross-field rules, deprecation) stand in. Both are written by
 *   gen-partials for every release of the line.
 *
 * The schema, the rules and the deprecation lint then run as for any example
 * (./validateConfigExamples.ts).
 */
import path from 'node:path';
import type {ValidateFunction} from 'ajv';
import type {DefaultsOf} from '../checker/rules/context';
import {compileChartSchema} from '../reference/chartSchema';
import type {FieldRecord} from '../reference/fieldIndex';
import {cachedGeneratedReader, readIndexedFieldsSync} from '../reference/fieldIndexFile';
import {SCHEMA_COPY_FILE, partialsDirFor, publishedDirFor, publishedRootFor} from '../reference/files';
import {allReleases, currentVersion, documentedVersionsOf, readManifestSync, readSnapshotsSync} from '../reference/manifest';
import {Releases, compareVersions, type ReleasesData} from '../reference/releases';
import {PathResolver, resolverOf, type PathRecord} from '../reference/resolvePath';
import {PUBLISHED_SCHEMA, RELEASES_FILE} from '../reference/urls';
import {metaOption} from './deprecations';
import type {FileContext} from './site';

/** The meta option naming the release an example is written for. */
export const EXAMPLE_RELEASE = 'release';

/** What the deprecation lint reads of a field. */
export type DeprecationRecord = PathRecord & Partial<Pick<FieldRecord, 'deprecated' | 'replacement'>>;

/** Everything an example is checked with, for one release. */
export interface ExampleTarget {
  /** The release the example is checked against. */
  version: string;
  /** Whether it is another release than the page's (named by the block's meta). */
  named: boolean;
  validate: ValidateFunction;
  /** Each field's default, for the cross-field rules. */
  defaults: DefaultsOf;
  /** The release's fields, for the deprecation lint. */
  resolver: PathResolver<DeprecationRecord>;
}

/** The release a block's meta names: absent, or present with its (possibly empty) value. */
export function namedRelease(meta: string | null | undefined): {release: string} | undefined {
  const option = metaOption(meta, EXAMPLE_RELEASE);
  return option && {release: option.reason};
}

const readValidator = cachedGeneratedReader((schema): ValidateFunction => compileChartSchema(schema as object));
const readReleases = cachedGeneratedReader((data) => new Releases(data as ReleasesData));
const historyOnlyFields = new WeakMap<Releases, Map<string, {defaults: DefaultsOf; resolver: PathResolver<DeprecationRecord>}>>();

/** The page's own release, as every example without `release=` is checked. */
export function ownTarget(context: Pick<FileContext, 'partialsDir' | 'version'>, named = false): ExampleTarget {
  // The schema first: a missing reference is reported by its schema copy's name.
  const validate = readValidator(path.join(context.partialsDir, SCHEMA_COPY_FILE), context.version);
  const fields = readIndexedFieldsSync(context.partialsDir, context.version);
  return {
    version: context.version,
    named,
    validate,
    defaults: fields.byPath,
    resolver: resolverOf(fields),
  };
}

/** A history-only release: its published schema and the release data's fields. */
function historyOnlyTarget(siteDir: string, release: string): ExampleTarget {
  const line = readReleases(path.join(publishedRootFor(siteDir), RELEASES_FILE), release);
  let byRelease = historyOnlyFields.get(line);
  if (!byRelease) historyOnlyFields.set(line, (byRelease = new Map()));
  let fields = byRelease.get(release);
  if (!fields) {
    const records = line.fieldsOf(release);
    fields = {defaults: new Map(records.map((record) => [record.path, record])), resolver: new PathResolver<DeprecationRecord>(records)};
    byRelease.set(release, fields);
  }
  return {version: release, named: true, validate: readValidator(path.join(publishedDirFor(siteDir, release), PUBLISHED_SCHEMA), release), ...fields};
}

/**
 * The release a block is checked against, from its meta and its page: the
 * target, or a problem (in words, without file and line) when the meta names
 * no usable release.
 */
export function exampleTarget(meta: string | null | undefined, context: Pick<FileContext, 'siteDir' | 'partialsDir' | 'version'>): ExampleTarget | {problem: string} {
  const named = namedRelease(meta);
  if (!named) return ownTarget(context);
  const {release} = named;
  if (!release) return {problem: `${EXAMPLE_RELEASE} needs a version: write ${EXAMPLE_RELEASE}=<the release this example is written for>`};
  const manifest = readManifestSync(context.siteDir);
  const line = allReleases(manifest);
  if (!line.includes(release)) return {problem: `${EXAMPLE_RELEASE}=${release} is not a release the site knows (chart-versions.json lists ${line.join(', ')})`};
  if (compareVersions(release, context.version) > 0) return {problem: `${EXAMPLE_RELEASE}=${release} is later than the page's release ${context.version}: an example may name its page's release or an earlier one`};
  // A documented patch is replaced in place by the next patch (add-version), so a page naming it would break then.
  if (!/\.0$/u.test(release)) return {problem: `${EXAMPLE_RELEASE}=${release} names a patch release: name the first release of its minor (${release.replace(/\.\d+$/u, '.0')}), which stays in the manifest when a later patch replaces this one`};
  const current = currentVersion(manifest);
  if (documentedVersionsOf(manifest, readSnapshotsSync(context.siteDir)).includes(release)) {
    return ownTarget({version: release, partialsDir: partialsDirFor(context.siteDir, release, current)}, release !== context.version);
  }
  return historyOnlyTarget(context.siteDir, release);
}
