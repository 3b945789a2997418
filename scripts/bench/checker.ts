// The config checker's part of `npm run bench`: in headless Chromium on the
// built site, the time from a paste to its findings and the longest task on
// the page's main thread meanwhile, for the size ladder of real-looking
// labels and for the hostile files (billion laughs, deep nesting).
import path from 'node:path';
import {readManifestSync, documentedVersionsSync} from '../../src/reference/manifest';
import {CHECKER_ROUTE} from '../../src/reference/urls';
import {launchChromium} from '../../test/support/browser';
import {SIZE_LADDER, billionLaughs, deepFlow, labelsFile} from '../../test/support/checkerFixtures';
import {checkedText, pasteAndMeasure} from '../../test/support/checkerPage';
import {serveBuild} from '../../test/support/staticServer';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureChecker(root: string, runs = 3) {
  const version = documentedVersionsSync(root, readManifestSync(root))[0];
  const site = await serveBuild(path.join(root, 'build'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${site.origin}${CHECKER_ROUTE.slice(1)}?version=${version}`, {waitUntil: 'load'});
    await checkedText(page, version, 0);
    const cases: Array<{name: string; text: string}> = [
      ...SIZE_LADDER.map((bytes) => ({name: `${bytes / 1e6} MB of labels`, text: labelsFile(bytes)})),
      {name: 'billion laughs (10 x 9 aliases)', text: billionLaughs()},
      {name: '10,000 nested flow lists', text: deepFlow(10_000)},
    ];
    const results = [];
    console.log(`\nConfig checker on ${version} (paste to findings, median of ${runs}; longest main-thread task, the worst run):`);
    for (const {name, text} of cases) {
      const measured = [];
      // Each run's text differs from the one before, so each is checked.
      for (let run = 0; run < runs; run++) measured.push(await pasteAndMeasure(page, `${text}${'#'.repeat(run + 1)}\n`, version));
      const result = {name, characters: text.length, findingsMs: Math.round(median(measured.map((entry) => entry.ms))), longestTaskMs: Math.round(Math.max(...measured.map((entry) => entry.longestTaskMs)))};
      results.push(result);
      console.log(`  ${name} (${result.characters.toLocaleString('en-US')} characters): findings in ${result.findingsMs} ms, longest task ${result.longestTaskMs} ms`);
    }
    const oneMb = results.find((result) => result.name === '1 MB of labels')!;
    const longest = Math.max(...results.map((result) => result.longestTaskMs));
    console.log(`  1 MB: findings in ${oneMb.findingsMs} ms (budget 2000 ms); longest main-thread task of every case: ${longest} ms (budget 1000 ms)`);
    return {version, runs, cases: results};
  } finally {
    await browser.close();
    await site.close();
  }
}
