/** Field history across releases (src/reference/history.ts), on fixtures and on the three real releases. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {compareVersions, historyOf, sameDefault, type HistoryRecord, type ReleaseFields} from '../../src/reference/history';

const field = (path: string, defaultValue?: unknown, deprecated = false): HistoryRecord => ({
  path,
  deprecated,
  ...(defaultValue === undefined ? {} : {default: defaultValue, defaultYaml: String(defaultValue)}),
});
const release = (version: string, fields: HistoryRecord[]): ReleaseFields => ({version, fields});

const RELEASES = [
  release('1.0.0', [field('kept', 1), field('gone', 'x'), field('flaky', true), field('old', false, true)]),
  release('1.1.0', [field('kept', 2), field('gone', 'x'), field('added', 'a'), field('old', false, true), field('soon', 1)]),
  release('1.2.0', [field('kept', 2), field('added', 'b'), field('flaky', true), field('old', false, true), field('soon', 1, true)]),
];

describe('field history', () => {
  test('since: the first release of the unbroken run that holds this one; nothing when the oldest has it', () => {
    const history = historyOf(RELEASES, '1.2.0');
    assert.equal(history.get('kept')!.since, undefined);
    assert.equal(history.get('added')!.since, '1.1.0');
    assert.equal(history.get('flaky')!.since, '1.2.0', 'removed in 1.1.0 and back in 1.2.0: since its return');
  });

  test('removedIn: the first later release without it', () => {
    assert.equal(historyOf(RELEASES, '1.1.0').get('gone')!.removedIn, '1.2.0');
    assert.equal(historyOf(RELEASES, '1.0.0').get('flaky')!.removedIn, '1.1.0');
    assert.equal(historyOf(RELEASES, '1.2.0').get('kept')!.removedIn, undefined);
  });

  test('defaultChanges: each release whose default differs from the one before, within the run', () => {
    assert.deepEqual(historyOf(RELEASES, '1.0.0').get('kept')!.defaultChanges, [{version: '1.1.0', fromYaml: '1', toYaml: '2'}]);
    assert.deepEqual(historyOf(RELEASES, '1.2.0').get('added')!.defaultChanges, [{version: '1.2.0', fromYaml: 'a', toYaml: 'b'}]);
    assert.equal(historyOf(RELEASES, '1.2.0').get('flaky')!.defaultChanges, undefined);
  });

  test('deprecatedIn: the release that first marks it; unknown when the oldest already does', () => {
    assert.equal(historyOf(RELEASES, '1.2.0').get('soon')!.deprecatedIn, '1.2.0');
    assert.equal(historyOf(RELEASES, '1.1.0').get('soon')!.deprecatedIn, '1.2.0', 'an older page knows a later deprecation');
    assert.equal(historyOf(RELEASES, '1.2.0').get('old')!.deprecatedIn, undefined);
  });

  test('a release in between moves a since', () => {
    const between = [RELEASES[0], release('1.0.5', [field('kept', 1), field('added', 'a')]), RELEASES[1], RELEASES[2]];
    assert.equal(historyOf(between, '1.2.0').get('added')!.since, '1.0.5');
  });

  test('an unknown version is an error', () => {
    assert.throws(() => historyOf(RELEASES, '9.9.9'), /9\.9\.9 is not among the releases 1\.0\.0, 1\.1\.0, 1\.2\.0/u);
  });

  test('versions compare by their numeric parts; an empty map default is no default', () => {
    assert.ok(compareVersions('0.9.0', '0.21.0') < 0);
    assert.ok(compareVersions('0.21.1', '0.21.0') > 0);
    assert.equal(compareVersions('0.22.0', '0.22.0'), 0);
    assert.ok(compareVersions('1.0.0-rc.1', '1.0.0') < 0, 'a pre-release comes before its release');
    assert.ok(compareVersions('1.0.0-rc.2', '1.0.0-rc.10') < 0);
    assert.deepEqual(['0.22.0', '0.9.1', '0.22.0-beta.1', '0.21.10', '0.21.2'].sort(compareVersions), ['0.9.1', '0.21.2', '0.21.10', '0.22.0-beta.1', '0.22.0']);
    assert.ok(sameDefault({}, undefined) && sameDefault(undefined, {}) && sameDefault({a: [1]}, {a: [1]}));
    assert.ok(!sameDefault([], undefined) && !sameDefault({a: 1}, undefined) && !sameDefault(false, undefined));
  });
});
