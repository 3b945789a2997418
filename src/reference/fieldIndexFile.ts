/** The one reader of a version's field index file (Node only). */
import {readFileSync, statSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {indexFields, parseFieldIndex, type FieldIndex, type IndexedFields} from './fieldIndex';
import {INDEX_FILE} from './files';

export function fieldIndexFile(partialsDir: string): string {
  return path.join(partialsDir, INDEX_FILE);
}

/** Thrown when a version's generated reference is not there. */
export class MissingReferenceError extends Error {
  constructor(file: string, version?: string) {
    super(
      `${file} does not exist: the generated reference${version ? ` of vCluster ${version}` : ''} is missing. ` +
        'Run `npm run gen-partials` (with CHART_SOURCE set) first.',
    );
    this.name = 'MissingReferenceError';
  }
}

/** A version's field index, or undefined when it has not been generated. */
export async function readFieldIndex(partialsDir: string): Promise<FieldIndex | undefined> {
  const file = fieldIndexFile(partialsDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseFieldIndex(JSON.parse(text), file);
}

/**
 * A reader of generated JSON files that parses each file and turns it into
 * `T` once, cached until its modification time changes (so the dev server
 * sees regenerated files). It throws MissingReferenceError for a missing file.
 */
export function cachedGeneratedReader<T>(build: (json: unknown, file: string) => T): (file: string, version?: string) => T {
  const cache = new Map<string, {mtimeMs: number; value: T}>();
  return (file, version) => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      throw new MissingReferenceError(file, version);
    }
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.value;
    const value = build(JSON.parse(readFileSync(file, 'utf8')), file);
    cache.set(file, {mtimeMs, value});
    return value;
  };
}

const readIndexed = cachedGeneratedReader((json, file) => indexFields(parseFieldIndex(json, file)));

/** A version's field index with its lookups, synchronously (remark plugins); throws when it is missing. */
export function readIndexedFieldsSync(partialsDir: string, version?: string): IndexedFields {
  return readIndexed(fieldIndexFile(partialsDir), version);
}
