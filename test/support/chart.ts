/**
 * Where the tests find their inputs: the real vCluster charts (read-only,
 * outside the repository) and the small fixture charts under test/fixtures.
 */
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse, parseDocument} from 'yaml';
import {generateReference, type GeneratedReference} from '../../src/generator/generate';
import type {JsonSchema} from '../../src/generator/resolve/schemaTypes';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `<version>/values.schema.json` + `values.yaml` for every documented version. */
export const CHART_SOURCE = process.env.CHART_SOURCE ?? path.resolve(PROJECT_ROOT, '../shared/charts/vcluster');

export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures');

export function fixtureDir(name: string): string {
  return path.join(FIXTURES_DIR, name);
}

export function chartDir(version: string): string {
  return path.join(CHART_SOURCE, version);
}

export function readSchema(dir: string): JsonSchema {
  return JSON.parse(readFileSync(path.join(dir, 'values.schema.json'), 'utf8')) as JsonSchema;
}

/** values.yaml with maps as `Map`s, so key order is exactly the file's. */
export function readValuesAsMaps(dir: string): unknown {
  return parseDocument(readFileSync(path.join(dir, 'values.yaml'), 'utf8')).toJS({mapAsMap: true, maxAliasCount: -1});
}

/** values.yaml as plain JSON-like data. */
export function readValues(dir: string): unknown {
  return parse(readFileSync(path.join(dir, 'values.yaml'), 'utf8'), {maxAliasCount: -1});
}

const references = new Map<string, Promise<GeneratedReference>>();

/** The generator's output for a chart directory, generated once per test process (in memory only). */
export function referenceFor(dir: string, version = path.basename(dir)): Promise<GeneratedReference> {
  const key = `${dir}\0${version}`;
  let reference = references.get(key);
  if (!reference) {
    reference = generateReference(dir, version);
    references.set(key, reference);
  }
  return reference;
}

/** Every `description` string anywhere in a schema (including unused definitions). */
export function schemaDescriptions(schema: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'description' && typeof value === 'string') found.push(value);
        else visit(value);
      }
    }
  };
  visit(schema);
  return found;
}

/** A file's sha256, as the manifest records it. */
export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
