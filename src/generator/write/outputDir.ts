import {mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {ChartInputError} from '../errors';
import {withDirectoryLock} from './lock';

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** The lock and staging area live inside the output directory, so nothing outside it is ever touched. */
export const LOCK_NAME = '.gen-partials.lock';
const STAGING_PREFIX = '.gen-partials.staging-';
const isOwnWorkArea = (name: string) => name === LOCK_NAME || name.startsWith(STAGING_PREFIX);

/** Every file under `dir`, relative, with `/` separators; empty if the directory does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(path.join(dir, relative), {withFileTypes: true});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (!relative && isOwnWorkArea(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else found.push(child);
    }
  }
  await walk('');
  return found.sort();
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Runs `task` on every item, at most `limit` at a time (file I/O is latency-bound, not CPU-bound). */
async function eachConcurrently<T>(items: readonly T[], task: (item: T) => Promise<void>, limit = 32): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}

/** What differs between `dir` and the generated files: to write, unchanged, and stale (to remove). */
export async function diffOutput(dir: string, files: ReadonlyMap<string, string>): Promise<WriteSummary> {
  const existing = await listFiles(dir);
  const sorted = [...files.keys()].sort();
  const same = new Set<string>();
  await eachConcurrently(sorted, async (relative) => {
    if ((await readIfExists(path.join(dir, relative))) === files.get(relative)) same.add(relative);
  });
  return {
    written: sorted.filter((relative) => !same.has(relative)),
    unchanged: sorted.filter((relative) => same.has(relative)),
    removed: existing.filter((relative) => !files.has(relative)),
  };
}

/** Creates each directory once, however many files go into it. */
function directoryMaker(): (dir: string) => Promise<void> {
  const made = new Map<string, Promise<unknown>>();
  return async (dir) => {
    if (!made.has(dir)) made.set(dir, mkdir(dir, {recursive: true}));
    await made.get(dir);
  };
}

/**
 * Makes `dir` hold exactly `files`. Changed files are first written in full to
 * a staging directory inside `dir`; only when all of them are there are they
 * renamed into place (a rename is atomic), so a failed run leaves the previous
 * output as it was (an empty directory, having none, is written in place and
 * emptied again on failure). Unchanged files are not touched (their mtime stays, so the
 * dev server does not rebuild), stale files are removed, nothing outside `dir`
 * is written but the staging directory, which is removed again. Runs on the
 * same directory take turns through a lock.
 */
export async function writeOutput(dir: string, files: ReadonlyMap<string, string>): Promise<WriteSummary> {
  try {
    await mkdir(dir, {recursive: true});
  } catch (error) {
    throw new ChartInputError(dir, undefined, `cannot create the output directory (${(error as NodeJS.ErrnoException).code})`);
  }
  return withDirectoryLock(path.join(dir, LOCK_NAME), async () => {
    const summary = await diffOutput(dir, files);
    // An empty directory has no previous output to protect: write in place, and on failure remove what was written.
    if (summary.unchanged.length === 0 && summary.removed.length === 0) {
      const makeDir = directoryMaker();
      try {
        await eachConcurrently(summary.written, async (relative) => {
          const target = path.join(dir, relative);
          await makeDir(path.dirname(target));
          await writeFile(target, files.get(relative)!, 'utf8');
        });
      } catch (error) {
        await eachConcurrently(summary.written, (relative) => rm(path.join(dir, relative), {force: true}));
        await removeEmptyDirectories(dir);
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new ChartInputError(dir, undefined, `cannot write the output directory (${code}); nothing was left in it`);
      }
      return summary;
    }
    const staging = path.join(dir, `${STAGING_PREFIX}${process.pid}`);
    try {
      const makeStagingDir = directoryMaker();
      await eachConcurrently(summary.written, async (relative) => {
        const target = path.join(staging, relative);
        await makeStagingDir(path.dirname(target));
        await writeFile(target, files.get(relative)!, 'utf8');
      });
      // All files are staged: now move them into place. Renames do not fail half-way for lack of space.
      const makeOutputDir = directoryMaker();
      await eachConcurrently(summary.written, async (relative) => {
        const target = path.join(dir, relative);
        await makeOutputDir(path.dirname(target));
        await rename(path.join(staging, relative), target);
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ChartInputError(dir, undefined, `cannot write the output directory (${code}); the previous output is unchanged`);
    } finally {
      await rm(staging, {recursive: true, force: true});
    }
    await eachConcurrently(summary.removed, (relative) => rm(path.join(dir, relative), {force: true}));
    await removeEmptyDirectories(dir);
    return summary;
  }).catch((error: unknown) => {
    // Taking the lock is the first write: a directory without write permission fails there.
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof ChartInputError || !code) throw error;
    throw new ChartInputError(dir, undefined, `cannot write the output directory (${code})`);
  });
}

async function removeEmptyDirectories(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true});
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const child = path.join(dir, entry.name);
    await removeEmptyDirectories(child);
    if ((await readdir(child)).length === 0) await rmdir(child);
  }
}

export async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
