/**
 * The what-changed pages: the partial made from a diff (fixture releases),
 * and on the real releases, each documented release's page lists exactly
 * the fields added and removed since its base (the newest release of the
 * minor before), its removed fields linked into a documented release that
 * shows them.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {createChangesPartial} from '../../src/generator/changes/createChangesPartial';
import {buildReleasesData} from '../../src/generator/releases/buildReleasesData';
import type {ReleaseStates} from '../../src/generator/releases/releaseStates';
import {serializePartial} from '../../src/generator/render/serialize';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {CHANGES_FILE, partialsDirFor} from '../../src/reference/files';
import {Releases, changesBaseOf, diffReleases} from '../../src/reference/releases';
import {projectRoot} from '../support/buildDir';
import {chartDir, referenceFor} from '../support/chart';
import {CURRENT, LINE, SAMPLE_DOCUMENTED} from '../support/versions';

describe('the what-changed partial', () => {
  const states: Record<string, ReleaseStates> = {
    '1.0.0': [['a', {type: 'object'}], ['a.old', {type: 'string'}], ['a.long', {type: 'string', deprecated: true}], ['a.gone', {type: 'boolean'}]],
    '1.0.5': [['a', {type: 'object'}], ['a.old', {type: 'string'}], ['a.long', {type: 'string', deprecated: true}], ['a.new', {type: 'string'}]],
    '1.1.0': [['a', {type: 'object'}], ['a.old', {type: 'string', deprecated: true, replacement: 'a.new'}], ['a.long', {type: 'string', deprecated: true}], ['a.new', {type: 'string'}]],
  };
  const releases = new Releases(buildReleasesData({releases: ['1.0.0', '1.0.5', '1.1.0'], documented: ['1.1.0', '1.0.0']}, new Map(Object.entries(states))));
  const link = (_version: string, field: {anchor: string}) => `./page.mdx#${field.anchor}`;

  it('lists each kind with a stable id; newly deprecated with the replacement; over several releases, the one that made each change', () => {
    const partial = serializePartial(createChangesPartial(diffReleases(releases, '1.0.0', '1.1.0'), link));
    assert.match(partial, /^Compared with 1\.0\.0, over the releases 1\.0\.5 and 1\.1\.0: 1 fields added, 1 removed/u);
    assert.match(partial, /## Newly deprecated \(1\) \{\/\* #deprecated \*\/\}/u);
    assert.match(partial, /<span id="deprecated-a-old" \/>\[`a\.old`\]\(\.\/page\.mdx#a-old\) `string` \(in 1\.1\.0\): use `a\.new`/u);
    assert.match(partial, /<span id="added-a-new" \/>\[`a\.new`\]\(\.\/page\.mdx#a-new\) `string` \(in 1\.0\.5\)/u);
    assert.match(partial, /<span id="removed-a-gone" \/>\[`a\.gone`\]\(\.\/page\.mdx#a-gone\) `boolean` \(in 1\.0\.5\)/u);
    assert.match(partial, /\{\/\* #added \*\/\}[^]*\{\/\* #removed \*\/\}[^]*\{\/\* #retyped \*\/\}[^]*\{\/\* #default \*\/\}/u, 'every section has its stable id');
  });

  it('one step names no release per entry', () => {
    const partial = serializePartial(createChangesPartial(diffReleases(releases, '1.0.5', '1.1.0'), link));
    assert.match(partial, /^Compared with 1\.0\.5: 0 fields added/u);
    assert.doesNotMatch(partial, /\(in 1\./u);
  });
});

describe('the generated what-changed pages of the real releases', () => {
  const partialsDir = (version: string) => partialsDirFor(projectRoot, version, CURRENT);

  for (const to of SAMPLE_DOCUMENTED) {
    const from = changesBaseOf(LINE, to);
    if (!from) continue;
    it(`${to}: lists exactly the fields added and removed since ${from}, removed ones linked into a documented release that shows them`, async (t) => {
      const changesFile = path.join(partialsDir(to), CHANGES_FILE);
      if (!existsSync(changesFile)) return t.skip('run gen-partials first (npm test does)');
      const before = new Set((await referenceFor(chartDir(from), from)).index.fields.map((field) => field.path));
      const after = readIndexedFieldsSync(partialsDir(to), to).index;
      const added = after.fields.filter((field) => !before.has(field.path));
      const removed = [...before].filter((field) => !after.fields.some((candidate) => candidate.path === field));
      const text = readFileSync(changesFile, 'utf8');
      assert.ok(text.includes(`## Fields added (${added.length})`), `${to}: ${added.length} added`);
      assert.ok(text.includes(`## Fields removed (${removed.length})`), `${to}: ${removed.length} removed`);
      for (const field of added) assert.ok(text.includes(`[\`${field.path}\`](`), `${to}: lists ${field.path}`);
      for (const field of removed) {
        const link = new RegExp(`\\[\`${field.replace(/[.*[\]]/g, '\\$&')}\`\\]\\(([^)]+)\\)`).exec(text);
        if (!link) {
          assert.ok(text.includes(`\`${field}\``), `${to}: lists ${field}, unlinked when no documented release shows it`);
          continue;
        }
        const target = /^pathname:\/\/\/(docs(?:\/[^#]*)?)#(.+)$/.exec(link[1]);
        assert.ok(target, `${field} links into a documented release: ${link[1]}`);
        const html = path.join(projectRoot, 'build', `${target[1]}.html`);
        if (existsSync(html)) assert.match(readFileSync(html, 'utf8'), new RegExp(`id="?${target[2]}[" >]`), `${target[1]} shows ${field}`);
      }
    });
  }
});
