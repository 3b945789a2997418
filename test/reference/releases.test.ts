/** The release line and the release data (src/reference/releases.ts), on fixture releases made for it. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {buildReleasesData} from '../../src/generator/releases/buildReleasesData';
import type {ReleaseStates} from '../../src/generator/releases/releaseStates';
import type {FieldState} from '../../src/reference/fieldIndex';
import {sameDefault} from '../../src/reference/history';
import {Releases, changesBaseOf, compareVersions, diffReleases, listedOn, minorOf, releasesBetween, type ReleaseLine} from '../../src/reference/releases';

const state = (type: string, defaultValue?: unknown, extra: Partial<FieldState> = {}): FieldState => ({
  type,
  ...(defaultValue === undefined ? {} : {default: defaultValue, defaultYaml: String(defaultValue)}),
  ...extra,
});

/** Fixture releases: a field kept, one gone, one that leaves and comes back, one retyped, one deprecated later. */
const STATES: Record<string, ReleaseStates> = {
  '1.0.0': [['kept', state('integer', 1)], ['gone', state('string', 'x')], ['flaky', state('boolean', true)], ['old', state('boolean', false, {deprecated: true})], ['typed', state('string')]],
  '1.1.0': [['kept', state('integer', 2)], ['gone', state('string', 'x')], ['added', state('string', 'a')], ['old', state('boolean', false, {deprecated: true})], ['soon', state('integer', 1)], ['typed', state('string')]],
  '1.1.5': [['kept', state('integer', 2)], ['added', state('string', 'a')], ['old', state('boolean', false, {deprecated: true})], ['soon', state('integer', 1)], ['typed', state('object')]],
  '1.2.0': [['kept', state('integer', 2)], ['added', state('string', 'b')], ['flaky', state('boolean', true)], ['old', state('boolean', false, {deprecated: true})], ['soon', state('integer', 1, {deprecated: true, replacement: 'kept'})], ['typed', state('object')]],
};
const LINE: ReleaseLine = {releases: ['1.0.0', '1.1.0', '1.1.5', '1.2.0'], documented: ['1.2.0', '1.1.0', '1.0.0']};
const releases = new Releases(buildReleasesData(LINE, new Map(Object.entries(STATES))));
const at = (path: string, version: string) => releases.fieldAt(releases.byPath.get(path)!, version);

describe('the release data', () => {
  test('one entry per path ever seen, runs of releases, each distinct state once', () => {
    assert.deepEqual(releases.data.fields.map((field) => field.path).sort(), ['added', 'flaky', 'gone', 'kept', 'old', 'soon', 'typed']);
    assert.deepEqual(releases.byPath.get('flaky')!.runs.map(([first, last]) => [first, last]), [[0, 0], [3, 3]]);
    const keys = releases.data.states.map((entry) => JSON.stringify(entry));
    assert.equal(new Set(keys).size, keys.length, 'no state is stored twice');
    assert.deepEqual(releases.fieldsOf('1.1.0').map((field) => field.path), STATES['1.1.0'].map(([path]) => path), 'a release reads its own fields in its order');
  });

  test('one order for the line, the newest release\'s; each release\'s own order where the generator gives it', () => {
    const reordered = {...STATES, '1.2.0': [...STATES['1.2.0']].reverse()};
    const orders = new Map(Object.entries(reordered).map(([version, list]) => [version, list.map(([path]) => path)]));
    const data = buildReleasesData(LINE, new Map(Object.entries(reordered)));
    assert.deepEqual(new Releases(data).fieldsOf('1.2.0').map((field) => field.path), orders.get('1.2.0'), 'the newest release reads its own order');
    assert.notDeepEqual(new Releases(data).fieldsOf('1.0.0').map((field) => field.path), orders.get('1.0.0'), 'an older one that ordered them otherwise does not, from the data alone');
    assert.deepEqual(new Releases(data, orders).fieldsOf('1.0.0').map((field) => field.path), orders.get('1.0.0'), 'with the orders it does');
  });

  test('since: the first release of the unbroken run that holds this one; nothing when the oldest has it', () => {
    assert.equal(at('kept', '1.2.0')!.since, undefined);
    assert.equal(at('added', '1.2.0')!.since, '1.1.0');
    assert.equal(at('flaky', '1.2.0')!.since, '1.2.0', 'gone in 1.1.0 and back in 1.2.0: since its return');
  });

  test('removedIn: the first later release without it, a history-only one included', () => {
    assert.equal(at('gone', '1.0.0')!.removedIn, '1.1.5');
    assert.equal(at('flaky', '1.0.0')!.removedIn, '1.1.0');
    assert.equal(at('kept', '1.2.0')!.removedIn, undefined);
    assert.equal(at('gone', '1.2.0'), undefined, 'a release without the field has no entry for it');
  });

  test('defaultChanges and deprecatedIn within the run', () => {
    assert.deepEqual(at('kept', '1.0.0')!.defaultChanges, [{version: '1.1.0', fromYaml: '1', toYaml: '2'}]);
    assert.deepEqual(at('added', '1.2.0')!.defaultChanges, [{version: '1.2.0', fromYaml: 'a', toYaml: 'b'}]);
    assert.equal(at('soon', '1.1.0')!.deprecatedIn, '1.2.0', 'an older page knows a later deprecation');
    assert.equal(at('old', '1.2.0')!.deprecatedIn, undefined, 'deprecated from the oldest release on: when is not known');
    assert.equal(at('soon', '1.2.0')!.replacement, 'kept');
  });

  test('where a path is around a release that lacks it, and which documented release shows it', () => {
    assert.deepEqual(releases.spanAround('gone', '1.2.0'), {removedIn: '1.1.5'});
    assert.deepEqual(releases.spanAround('added', '1.0.0')?.addedIn, '1.1.0');
    const data = buildReleasesData(LINE, new Map(Object.entries(STATES)));
    data.routes = ['/docs/1.0.0/a', '/docs/1.1.0/b'];
    data.fields.find((field) => field.path === 'gone')!.routes = {'1.0.0': 0, '1.1.0': 1};
    const routed = new Releases(data);
    assert.deepEqual(routed.spanAround('gone', '1.2.0'), {removedIn: '1.1.5', nearest: {version: '1.1.0', route: '/docs/1.1.0/b', anchor: 'gone'}}, 'the nearest documented release');
    assert.deepEqual(routed.shownIn(routed.byAnchor('gone')!).map((place) => place.version), ['1.1.0', '1.0.0']);
    assert.equal(routed.byAnchor('kept'), undefined, 'no page shows it');
    assert.equal(routed.fieldAt(routed.byPath.get('gone')!, '1.1.0')!.route, '/docs/1.1.0/b');
    assert.equal(releases.spanAround('kept', '1.0.0'), undefined, 'the release has it');
    assert.equal(releases.spanAround('nothing', '1.0.0'), undefined);
  });

  test('what changed between two releases, each change named by the release that made it', () => {
    const diff = diffReleases(releases, '1.0.0', '1.2.0');
    assert.deepEqual(diff.steps, ['1.1.0', '1.1.5', '1.2.0']);
    assert.deepEqual(diff.added.map((change) => [change.path, change.madeIn]), [['added', ['1.1.0']], ['soon', ['1.1.0']]]);
    assert.deepEqual(diff.removed.map((change) => [change.path, change.madeIn]), [['gone', ['1.1.5']]]);
    assert.deepEqual(diff.typeChanged.map((change) => [change.path, change.madeIn]), [['typed', ['1.1.5']]]);
    assert.deepEqual(diff.defaultChanged.map((change) => [change.path, change.madeIn]), [['kept', ['1.1.0']]]);
    assert.deepEqual(diff.deprecated, [], 'soon is new since 1.0.0: added, not newly deprecated');
    assert.deepEqual(diffReleases(releases, '1.1.0', '1.2.0').deprecated.map((change) => [change.path, change.madeIn]), [['soon', ['1.2.0']]]);
    assert.deepEqual(diffReleases(releases, '1.0.0', '1.2.0').added.map((change) => change.after!.type), ['string', 'integer']);
    assert.throws(() => diffReleases(releases, '1.2.0', '1.0.0'), /not later than/u);
    assert.throws(() => diffReleases(releases, '1.0.0', '9.0.0'), /9\.0\.0 is not a release of the line/u);
  });
});

describe('the release line', () => {
  const line: ReleaseLine = {releases: ['0.9.0', '1.1.0', '1.1.5', '1.2.0', '1.2.1', '1.3.0', '1.3.2'], documented: ['1.3.2', '1.2.0', '1.1.0']};

  test('a what-changed page compares with the newest release of the minor before', () => {
    assert.equal(changesBaseOf(line, '1.3.2'), '1.2.1');
    assert.equal(changesBaseOf(line, '1.2.0'), '1.1.5');
    assert.equal(changesBaseOf(line, '0.9.0'), undefined);
    assert.deepEqual(releasesBetween(line, '1.2.1', '1.3.2'), ['1.3.0', '1.3.2']);
  });

  test('the documented page that lists a change made in a release', () => {
    assert.equal(listedOn(line, '1.3.0'), '1.3.2');
    assert.equal(listedOn(line, '1.2.0'), '1.2.0');
    assert.equal(listedOn(line, '1.2.1'), undefined, '1.2.1 is the base of 1.3.2: no page lists a change made in it');
    assert.equal(listedOn(line, '0.9.0'), undefined);
  });

  test('versions compare by their numeric parts; minors; an empty map default is no default', () => {
    assert.ok(compareVersions('0.9.0', '0.21.0') < 0);
    assert.ok(compareVersions('0.21.1', '0.21.0') > 0);
    assert.equal(compareVersions('0.22.0', '0.22.0'), 0);
    assert.ok(compareVersions('1.0.0-rc.1', '1.0.0') < 0, 'a pre-release comes before its release');
    assert.ok(compareVersions('1.0.0-rc.2', '1.0.0-rc.10') < 0);
    assert.deepEqual(['0.22.0', '0.9.1', '0.22.0-beta.1', '0.21.10', '0.21.2'].sort(compareVersions), ['0.9.1', '0.21.2', '0.21.10', '0.22.0-beta.1', '0.22.0']);
    assert.equal(minorOf('0.36.1'), '0.36');
    assert.equal(minorOf('0.37.0-rc.2'), '0.37');
    assert.ok(sameDefault({}, undefined) && sameDefault(undefined, {}) && sameDefault({a: [1]}, {a: [1]}));
    assert.ok(!sameDefault([], undefined) && !sameDefault({a: 1}, undefined) && !sameDefault(false, undefined));
  });
});
