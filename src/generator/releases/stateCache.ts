/**
 * The field states of a history-only release, kept on disk between runs
 * (files.ts `releaseStateCacheDir`), keyed by the sha256 of both chart files
 * and of the generator's own code: an unchanged chart is not modelled again
 * on every `npm start`. An entry holds the sha256 of its own content on its
 * first line; an entry that does not match it is rebuilt.
 */
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {sha256} from '../load/download';
import type {ReleaseStates} from './releaseStates';

export interface StateCache {
  dir: string;
  /** Identifies the generator's code: a new generator never reads an old one's entries. */
  codeId: string;
}

export type CacheOutcome = 'hit' | 'miss' | 'corrupt';

/** The cache key of a chart: both files' sha256 and the code's identity. */
export function stateCacheKey(schemaSha256: string, valuesSha256: string, codeId: string): string {
  return sha256(`${schemaSha256}\n${valuesSha256}\n${codeId}`);
}

/** The cached states under `key`, else `compute()` (written to the cache); with how the cache answered. */
export async function cachedStates(cache: StateCache, key: string, compute: () => Promise<ReleaseStates>): Promise<{states: ReleaseStates; outcome: CacheOutcome}> {
  const file = path.join(cache.dir, `${key}.json`);
  let outcome: CacheOutcome = 'miss';
  try {
    const text = await readFile(file, 'utf8');
    const newline = text.indexOf('\n');
    const body = text.slice(newline + 1);
    if (newline === 64 && sha256(body) === text.slice(0, newline)) return {states: JSON.parse(body) as ReleaseStates, outcome: 'hit'};
    outcome = 'corrupt';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') outcome = 'corrupt';
  }
  const states = await compute();
  const body = JSON.stringify(states);
  // Written aside and renamed: a reader never sees half an entry.
  const partial = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(cache.dir, {recursive: true});
    await writeFile(partial, `${sha256(body)}\n${body}`);
    await rename(partial, file);
  } catch {
    // A cache that cannot be written only costs time.
    await rm(partial, {force: true});
  }
  return {states, outcome};
}
