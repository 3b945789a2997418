import {execFileSync} from 'node:child_process';
import {copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import {PROJECT_ROOT} from './chart';

/**
 * Copies the project's files as the working tree has them (tracked, and new
 * files not ignored: `git ls-files`) to `to`; node_modules is a directory of
 * symlinks to the project's packages with its own .cache, so bundles and
 * build caches of the copy never mix with the project's.
 */
export function copyProject(to: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: PROJECT_ROOT, encoding: 'utf8'});
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const from = path.join(PROJECT_ROOT, file);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(to, file)), {recursive: true});
    copyFileSync(from, path.join(to, file));
  }
  const modules = path.join(PROJECT_ROOT, 'node_modules');
  mkdirSync(path.join(to, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (name !== '.cache') symlinkSync(path.join(modules, name), path.join(to, 'node_modules', name));
  }
}
