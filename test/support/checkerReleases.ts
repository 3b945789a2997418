/**
 * The real releases as the config checker sees them: the release data of the
 * whole line as gen-partials publishes it (facts, history and the routes of
 * the real docs pages included; generated first when missing), and each
 * documented release's schema compiled. Fixture variants change one field's
 * data. Helpers find fields by what the data says of them, so no test
 * names a release.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {chartDir, PROJECT_ROOT, readSchema} from './chart';
import {ensureRealReference} from './remarkSite';
import {DOCUMENTED} from './versions';
import {compileChartSchema} from '../../src/reference/chartSchema';
import {publishedRootFor} from '../../src/reference/files';
import type {PublishedField} from '../../src/reference/published';
import {Releases, type ReleasesData} from '../../src/reference/releases';
import type {MovesData} from '../../src/reference/moves';
import {MOVES_FILE, RELEASES_FILE} from '../../src/reference/urls';
import {checkerRelease, type CheckerRelease} from '../../src/checker/release';
import type {UpgradeSources} from '../../src/checker/upgradeConfig';
import type {ValidateFunction} from 'ajv';

let line: Releases | undefined;
let loading: Promise<CheckerRelease[]> | undefined;

/** The published release data of the whole line. */
export function realLine(): Releases {
  if (!line) {
    ensureRealReference();
    line = new Releases(JSON.parse(readFileSync(path.join(publishedRootFor(PROJECT_ROOT), RELEASES_FILE), 'utf8')) as ReleasesData);
  }
  return line;
}

let moves: MovesData | undefined;

/** The curated moves as gen-partials publishes them. */
export function realMoves(): MovesData {
  if (!moves) {
    ensureRealReference();
    moves = JSON.parse(readFileSync(path.join(publishedRootFor(PROJECT_ROOT), MOVES_FILE), 'utf8')) as MovesData;
  }
  return moves;
}

const validators = new Map<string, ValidateFunction>();

/** Any release's chart schema, compiled once (history-only releases included). */
export function validatorOf(version: string): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) validators.set(version, (validate = compileChartSchema(readSchema(chartDir(version)))));
  return validate;
}

/** What the upgrade needs to reach `to`: the line, the moves and the target's schema. */
export function upgradeSources(to: string): UpgradeSources {
  return {line: realLine(), moves: realMoves(), validate: validatorOf(to)};
}

/** Every documented release, newest first, schemas compiled. */
export function realReleases(): Promise<CheckerRelease[]> {
  loading ??= Promise.resolve().then(() =>
    DOCUMENTED.map((version) => {
      const schema = readSchema(chartDir(version));
      return checkerRelease(realLine(), version, schema, compileChartSchema(schema));
    }),
  );
  return loading;
}

const lineReleases = new Map<string, CheckerRelease>();

/** Any release of the line, history-only ones included, with its real schema (from CHART_SOURCE) compiled: what a command-line checker would use. */
export function lineRelease(version: string): CheckerRelease {
  let release = lineReleases.get(version);
  if (!release) {
    const schema = readSchema(chartDir(version));
    release = checkerRelease(realLine(), version, schema, compileChartSchema(schema));
    lineReleases.set(version, release);
  }
  return release;
}

export async function realRelease(version: string): Promise<CheckerRelease> {
  const found = (await realReleases()).find((release) => release.version === version);
  if (!found) throw new Error(`no documented release ${version} (documented: ${DOCUMENTED.join(', ')})`);
  return found;
}

/** A release whose fields at the given paths carry other data (facts, history), as a fixture. */
export function withFieldData(release: CheckerRelease, changes: Record<string, Partial<PublishedField>>): CheckerRelease {
  for (const path of Object.keys(changes)) if (!release.byPath.has(path)) throw new Error(`${release.version} has no field ${path}`);
  const fields = release.fields.map((field) => (changes[field.path] ? {...field, ...changes[field.path]} : field));
  return checkerRelease(release.line, release.version, release.schema, release.validate, fields);
}

/** A value of a field's type the schema accepts where nothing narrower is asked: `true`, `"x"`, `1`, `{}`, `[]`. */
export function sampleValue(type: string): string {
  if (/^boolean/u.test(type)) return 'true';
  if (/^(integer|number)/u.test(type)) return '1';
  if (/\[\]$/u.test(type)) return '[]';
  if (/^(object|map)/u.test(type)) return '{}';
  return 'x';
}

/** The YAML of one literal path set to `value` (`a.b.c: v` as nested maps). */
export function yamlAt(path: string, value: string): string {
  const keys = path.split('.');
  return keys.map((key, i) => `${'  '.repeat(i)}${key}:${i === keys.length - 1 ? ` ${value}` : ''}`).join('\n') + '\n';
}
