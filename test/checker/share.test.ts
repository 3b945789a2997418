/** The share link's fragment: a round trip, and nothing but a valid state out of a hostile one. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {decodeShare, encodeShare} from '../../src/checker/share';

describe('the share link', () => {
  test('round trip: the release, the target and the text, unicode included', async () => {
    const state = {version: '1.1.0', target: '1.2.0', text: '# ünïcødé 🚀\ncontrolPlane:\n  distro:\n    k8s:\n      enabled: true\n'.repeat(40)};
    const fragment = await encodeShare(state);
    assert.match(fragment, /^config=[A-Za-z0-9_-]+$/u);
    assert.ok(fragment.length < state.text.length / 4, 'compressed');
    assert.deepEqual(await decodeShare(`#${fragment}`), state);
    assert.deepEqual(await decodeShare(fragment), state);
  });

  test('round trip of any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({unit: 'grapheme', maxLength: 400}), fc.constantFrom('1.0.0', '1.2.0-rc.1'), async (text, version) => {
        assert.deepEqual(await decodeShare(await encodeShare({version, text})), {version, text});
      }),
      {numRuns: 200, seed: 13},
    );
  });

  test('anything else is no state', async () => {
    const notJson = `config=${Buffer.from('not deflated').toString('base64url')}`;
    for (const fragment of ['', '#', '#other=1', '#config=', '#config=!!!', notJson, '#config=AAAA']) assert.equal(await decodeShare(fragment), undefined, fragment);
  });
});
