/**
 * Which page shows which partial (src/reference/pageMap.ts), and the one
 * rule for which page a link to a field leads to (pageForField.ts), on the
 * fixture site of the remark tests.
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {FieldRecord} from '../../src/reference/fieldIndex';
import {pageForField} from '../../src/reference/pageForField';
import {pageMapFor} from '../../src/reference/pageMap';
import {createFixtureSite, type FixtureSite} from '../support/remarkSite';

let site: FixtureSite;

before(async () => {
  site = await createFixtureSite();
});

after(() => site?.remove());

describe('the page map', () => {
  test('lists pages by the partials they import, leaving out _ files', () => {
    const map = pageMapFor(site.file('docs'), site.dir);
    assert.deepEqual(map.pagesByPartial.get('controlPlane.mdx'), [site.file('docs/control-plane/index.mdx')]);
    assert.deepEqual(map.pagesByPartial.get('sync/toHost.mdx'), [site.file('docs/sync.mdx')]);
    assert.equal(map.pagesByPartial.get('rbac.mdx'), undefined);
  });

  test("knows each page's route in its version", () => {
    const map = pageMapFor(site.file('docs'), site.dir);
    assert.equal(map.routes.get(site.file('docs/control-plane/index.mdx')), 'control-plane');
    assert.equal(map.routes.get(site.file('docs/sync.mdx')), 'sync');
  });
});

describe('the page for a field', () => {
  const record = (sectionPartial: string, partials: string[]): Pick<FieldRecord, 'sectionPartial' | 'partials'> => ({sectionPartial, partials});
  const pages = new Map([
    ['a.mdx', ['/docs/a.mdx', '/docs/z/a-too.mdx']],
    ['a/b.mdx', ['/docs/b.mdx']],
    ['c/d/e.mdx', ['/docs/e.mdx']],
  ]);

  test("the section's page first, its canonical page of several", () => {
    assert.equal(pageForField(record('a.mdx', ['a/b.mdx', 'a.mdx']), pages), '/docs/a.mdx');
  });

  test('else the page of the deepest partial that shows the field', () => {
    assert.equal(pageForField(record('c.mdx', ['c/d/e/f.mdx', 'c/d/e.mdx', 'c/d.mdx', 'c.mdx']), pages), '/docs/e.mdx');
  });

  test('no page when none imports a partial showing it', () => {
    assert.equal(pageForField(record('x.mdx', ['x/y.mdx', 'x.mdx']), pages), undefined);
  });
});
