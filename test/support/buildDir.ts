import {existsSync} from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '../..');

/** The production build the browser tests read (made by `npm test` before the tests run). */
export function builtSite(): string {
  const dir = process.env.SITE_BUILD_DIR ?? path.join(projectRoot, 'build');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no site build in ${dir}: run "npm run build" first (npm test does it)`);
  }
  return dir;
}
