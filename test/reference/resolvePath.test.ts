/** Looking up paths as readers write them (src/reference/resolvePath.ts). */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {FieldRecord} from '../../src/reference/fieldIndex';
import {PathResolver, closeKeys, joinPath} from '../../src/reference/resolvePath';
import {fieldRecord} from '../support/fieldRecords';

const record = (path: string, type = 'object'): FieldRecord => fieldRecord(path, {anchor: path, type});

describe('resolving config paths', () => {
  test('PathResolver prefers a literal key over a map wildcard', () => {
    const resolver = new PathResolver([record('a'), record('a.*'), record('a.*.x'), record('a.fixed'), record('a.fixed.y')]);
    assert.deepEqual(resolver.resolve('a.fixed.y'), {found: true, record: record('a.fixed.y'), inside: false, literal: true});
    assert.deepEqual(resolver.resolve('a.other.x'), {found: true, record: record('a.*.x'), inside: false, literal: false});
    assert.deepEqual(resolver.resolve('a.*.x'), {found: true, record: record('a.*.x'), inside: false, literal: true});
    assert.equal(resolver.resolve('a.fixed.x').found, false);
  });

  test('list indexes, keys inside free-form values, and what is there when a key is not', () => {
    const resolver = new PathResolver([record('env', 'object[]'), record('env[]', 'object'), record('env[].name', 'string'), record('labels', 'map[string]string')]);
    assert.equal(resolver.resolve('env[2].name').found, true);
    assert.deepEqual(resolver.resolve('labels.team'), {found: true, record: record('labels', 'map[string]string'), inside: true, literal: false});
    const missing = resolver.resolve('env[].nmae');
    assert.equal(missing.found, false);
    if (!missing.found) {
      assert.equal(missing.prefix?.path, 'env[]');
      assert.deepEqual(missing.siblings, ['name']);
      assert.equal(missing.failedSegment, 'nmae');
    }
  });

  test('closeKeys finds typos and case slips', () => {
    assert.deepEqual(closeKeys('enable', ['enabled', 'env', 'image']), ['enabled']);
    assert.deepEqual(closeKeys('controlplane', ['controlPlane', 'sync']), ['controlPlane']);
    assert.deepEqual(closeKeys('zzz', ['enabled']), []);
  });

  test('joinPath writes one more segment as the index does', () => {
    assert.equal(joinPath('a.b', 'c'), 'a.b.c');
    assert.equal(joinPath('a', '[]'), 'a[]');
    assert.equal(joinPath('a', '*'), 'a.*');
    assert.equal(joinPath(undefined, 'top'), 'top');
    assert.equal(joinPath('a', 'my-key'), 'a["my-key"]');
  });
});
