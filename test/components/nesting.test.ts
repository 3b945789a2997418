/** The editor's quick bound on how deep a text nests (src/components/ConfigChecker/nesting.ts): brackets outside quotes and comments, and indentation. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {EDITOR_NESTING_LIMIT, nestingBound} from '../../src/components/ConfigChecker/nesting';
import {billionLaughs, deepFlow, labelsFile} from '../support/checkerFixtures';

describe('the editor\'s nesting bound', () => {
  test('flow brackets count, inside quotes and comments they do not', () => {
    assert.equal(nestingBound(deepFlow(10_000)), 10_000);
    assert.equal(nestingBound('a: [1, {b: [2]}]\n'), 3);
    assert.equal(nestingBound('a: "[[[[[["\nb: \'{{{{\'\n# [[[[[[[[[[\n'), 0);
    assert.equal(nestingBound('a: "say \\"[[[\\" twice" [\n'), 1);
  });

  test('indentation counts as depth; real files stay far below the limit', () => {
    assert.equal(nestingBound('a:\n        b: 1\n'), 8);
    assert.ok(nestingBound(labelsFile(200_000)) < 10);
    assert.ok(nestingBound(billionLaughs()) < EDITOR_NESTING_LIMIT);
  });
});
