import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';

const POLL_MS = 50;
const GIVE_UP_MS = 120_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `task` while holding the lock `lock` (a directory: mkdir is atomic).
 * Another run waits its turn; a lock left by a process that no longer exists
 * is taken over.
 */
export async function withDirectoryLock<T>(lock: string, task: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''));
      if (owner && !isAlive(owner)) {
        await rm(lock, {recursive: true, force: true});
        continue;
      }
      if (Date.now() - started > GIVE_UP_MS) throw new Error(`${lock}: still held by another gen-partials run`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lock, {recursive: true, force: true});
  }
}
