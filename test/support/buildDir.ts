import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {PublishedAnchors} from '../../src/reference/published';
import {PUBLISHED_ANCHORS, publishedUrl} from '../../src/reference/urls';

export const projectRoot = path.resolve(__dirname, '../..');

/** The production build the browser tests read (made by `npm test` before the tests run). */
export function builtSite(): string {
  const dir = process.env.SITE_BUILD_DIR ?? path.join(projectRoot, 'build');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no site build in ${dir}: run "npm run build" first (npm test does it)`);
  }
  return dir;
}

/** The route of a docs version's page with the most fields, from the anchors gen-partials publishes (route → its anchors). */
export function pageWithMostFields(version: string): string {
  const anchors = JSON.parse(readFileSync(path.join(builtSite(), publishedUrl(version, PUBLISHED_ANCHORS)), 'utf8')) as PublishedAnchors;
  const count = (route: string) => anchors.pages[route].split(' ').length;
  return Object.keys(anchors.pages).reduce((a, b) => (count(b) > count(a) ? b : a));
}
