/** The share link's fragment: a round trip, and nothing but a valid state out of a hostile one. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {decodeShare, encodeShare, readShare} from '../../src/checker/share';
import {leaveOutSecrets, looksSecret, SECRET_PLACEHOLDER, secretPaths} from '../../src/checker/secrets';
import {parseConfig} from '../../src/reference/validateConfig';
import {setKeys} from '../../src/checker/setKeys';

describe('the share link', () => {
  test('round trip: the release, the target and the text, unicode included', async () => {
    const state = {version: '1.1.0', target: '1.2.0', text: '# ünïcødé 🚀\ncontrolPlane:\n  distro:\n    k8s:\n      enabled: true\n'.repeat(40)};
    const fragment = await encodeShare(state);
    assert.match(fragment, /^config=[A-Za-z0-9_-]+$/u);
    assert.ok(fragment.length < state.text.length / 4, 'compressed');
    assert.deepEqual(await decodeShare(`#${fragment}`), state);
    assert.deepEqual(await decodeShare(fragment), state);
  });

  test('round trip of the whole-file upgrade\'s releases and distro; a state whose releases are not names is unreadable', async () => {
    const state = {version: '1.1.0', text: 'vcluster:\n  image: x\n', upgradeFrom: 'before-0.20', upgradeTo: '1.2.0', distro: 'k3s'};
    assert.deepEqual(await decodeShare(await encodeShare(state)), state);
    const packed = async (value: unknown) => {
      const bytes = new Uint8Array(await new Response(new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
      return `config=${Buffer.from(bytes).toString('base64url')}`;
    };
    assert.equal((await readShare(await packed({f: 1, v: '1.1.0', t: 'a: 1', b: 12}))).kind, 'unreadable');
    assert.equal((await readShare(await packed({f: 1, v: '1.1.0', t: 'a: 1', a: 'x'.repeat(100)}))).kind, 'unreadable');
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

  test('a link that cannot be read says why: cut short, changed, too large, another format', async () => {
    const good = await encodeShare({version: '1.0.0', text: 'sync:\n  toHost:\n    pods:\n      enabled: true\n'.repeat(20)});
    const reasonOf = async (fragment: string): Promise<string> => {
      const outcome = await readShare(fragment);
      assert.equal(outcome.kind, 'unreadable', fragment.slice(0, 60));
      return outcome.kind === 'unreadable' ? outcome.reason : '';
    };
    assert.match(await reasonOf(good.slice(0, Math.floor(good.length / 2))), /cut short/u);
    assert.match(await reasonOf('#config=!!!'), /changed after it was made/u);
    assert.match(await reasonOf('#config='), /empty/u);
    const other = Buffer.from(JSON.stringify({f: 2, v: '1.0.0', t: 'x'}));
    const packed = await new Response(new Blob([other]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    assert.match(await reasonOf(`config=${Buffer.from(packed).toString('base64url')}`), /another version of this page/u);
    // A compression bomb: 8 MiB of zeros in a few kilobytes.
    const bomb = await new Response(new Blob([new Uint8Array(8 << 20)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    assert.match(await reasonOf(`config=${Buffer.from(bomb).toString('base64url')}`), /more than the checker reads/u);
    assert.deepEqual(await readShare('#section-2'), {kind: 'none'});
    assert.deepEqual(await readShare(''), {kind: 'none'});
  });
});

describe('leaving secrets out of a share link', () => {
  const text = '# my cluster\ncontrolPlane:\n  backingStore:\n    database:\n      external:\n        enabled: true\n        dataSource: "mysql://root:hunter2@db:3306/vc" # the database\nexternal:\n  platform:\n    apiKey:\n      secretName: platform-key\nplugins:\n  x:\n    env:\n      - name: TOKEN\n        value: abc\n    config:\n      accessToken: s3cr3t\n      password: ""\n';

  test('keys that look secret: dataSource, password, token, and names ending in Password, Token, Secret or Key', () => {
    for (const key of ['dataSource', 'password', 'token', 'accessToken', 'apiKey', 'serverCAKey', 'clientSecret', 'adminPassword']) assert.ok(looksSecret(key), key);
    for (const key of ['secretName', 'key', 'tokenTTL', 'keyFile', 'enabled', 'name']) assert.ok(!looksSecret(key), key);
  });

  test('their text values are replaced, the rest of the file and its comments kept; the checker lists them', () => {
    const {text: out, leftOut} = leaveOutSecrets(text);
    assert.deepEqual(leftOut, ['controlPlane.backingStore.database.external.dataSource', 'plugins.x.config.accessToken']);
    assert.ok(!out.includes('hunter2') && !out.includes('s3cr3t'));
    assert.ok(out.includes(`dataSource: ${SECRET_PLACEHOLDER} # the database`));
    assert.ok(out.startsWith('# my cluster\n'));
    assert.ok(out.includes('secretName: platform-key'));
    const parsed = parseConfig(text);
    assert.deepEqual(secretPaths(setKeys(parsed.doc!, parsed.data)), leftOut);
    assert.deepEqual(leaveOutSecrets('a: [\n'), {text: 'a: [\n', leftOut: []}, 'invalid YAML is left as it is');
  });
});
