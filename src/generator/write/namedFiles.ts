/**
 * Writing a few generated files into a directory the generator does not own
 * (a docs folder, among hand-written pages; `static/schemas/`, beside each
 * version's folder): only the files named are touched. Each is written in
 * full beside its place and renamed into it, so none is ever half-written; a
 * named file the run does not make is removed.
 */
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {ChartInputError} from '../errors';
import type {WriteSummary} from './outputDir';

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** What writing `files` (each one of `names`) into `dir` would change. */
export async function diffNamedFiles(dir: string, files: ReadonlyMap<string, string>, names: readonly string[]): Promise<WriteSummary> {
  const summary: WriteSummary = {written: [], unchanged: [], removed: []};
  for (const name of names) {
    const existing = await readIfExists(path.join(dir, name));
    const wanted = files.get(name);
    if (wanted === undefined) {
      if (existing !== undefined) summary.removed.push(name);
    } else if (existing === wanted) summary.unchanged.push(name);
    else summary.written.push(name);
  }
  for (const name of files.keys()) if (!names.includes(name)) throw new Error(`${name} is not among the files this run may write in ${dir}`);
  return summary;
}

export async function writeNamedFiles(dir: string, files: ReadonlyMap<string, string>, names: readonly string[]): Promise<WriteSummary> {
  const summary = await diffNamedFiles(dir, files, names);
  try {
    await mkdir(dir, {recursive: true});
    for (const name of summary.written) {
      const target = path.join(dir, name);
      const partial = `${target}.${process.pid}.tmp`;
      try {
        await writeFile(partial, files.get(name)!, 'utf8');
        await rename(partial, target);
      } finally {
        await rm(partial, {force: true});
      }
    }
    for (const name of summary.removed) await rm(path.join(dir, name), {force: true});
  } catch (error) {
    throw new ChartInputError(dir, undefined, `cannot write the generated files (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return summary;
}
