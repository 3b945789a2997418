import {after, before} from 'node:test';
import type {Browser} from 'playwright-core';
import {launchChromium} from './browser';
import {builtSite} from './buildDir';
import {serveBuild, type StaticSite} from './staticServer';

/** The production build served on 127.0.0.1 and one Chromium, for the tests of the enclosing suite. */
export function builtSiteInBrowser(): {site: () => StaticSite; browser: () => Browser} {
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  before(async () => {
    site = await serveBuild(builtSite());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return {site: () => site!, browser: () => browser!};
}
