/**
 * The navbar search in headless Chromium on the built site (the suite is
 * test/support/searchSuite.ts, shared with the sub-path test).
 *
 *   SEARCH_SUBPATH_TEST=1   also build the site under /pr-1/ into a temp directory
 *                           (a full docusaurus build, about a minute) and search there;
 *   SEARCH_SUBPATH_BUILD=D  search an existing build made with DOCS_BASE_URL=/pr-1/ instead.
 */
import {rmSync} from 'node:fs';
import {after, before, describe} from 'node:test';
import {builtSite} from '../support/buildDir';
import {describeSearch, versionPaths} from '../support/searchSuite';
import {subpathBuild} from '../support/subpathBuild';

describeSearch('search in the built site', {dir: builtSite, versionPaths: versionPaths()});

const SUBPATH = '/pr-1/';
if (process.env.SEARCH_SUBPATH_BUILD || process.env.SEARCH_SUBPATH_TEST === '1') {
  let dir = process.env.SEARCH_SUBPATH_BUILD ?? '';
  let made = false;
  describe('search under a sub-path', () => {
    before(() => {
      if (dir) return;
      dir = subpathBuild(SUBPATH);
      made = true;
    });
    after(() => {
      if (made) rmSync(dir, {recursive: true, force: true});
    });
    describeSearch(`under ${SUBPATH}`, {dir: () => dir, baseUrl: SUBPATH, versionPaths: versionPaths()});
  });
}
