/**
 * The release data gen-partials builds once and publishes
 * (schemas/releases.json): each documented release reads back from it
 * exactly as its field index says; each release's fields in its own schema
 * order; history-only releases' field states come from a cache keyed by
 * their charts' sha256, and a corrupt entry is rebuilt.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {cachedStates, stateCacheKey} from '../../src/generator/releases/stateCache';
import type {ReleaseStates} from '../../src/generator/releases/releaseStates';
import {stateOf} from '../../src/reference/fieldIndex';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {partialsDirFor, releaseStateCacheDir} from '../../src/reference/files';
import {chartDir, PROJECT_ROOT, referenceFor} from '../support/chart';
import {realLine} from '../support/checkerReleases';
import {copyProject} from '../support/projectCopy';
import {CHART_SOURCE, run, show} from '../support/release';
import {CURRENT, LINE, SAMPLE_DOCUMENTED, SAMPLE_RELEASES} from '../support/versions';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'release-data-'));
after(() => rmSync(tmp, {recursive: true, force: true}));

describe('the published release data', () => {
  for (const version of SAMPLE_DOCUMENTED) {
    test(`${version}: reads back as its field index says: each field's state and history`, () => {
      const {index} = readIndexedFieldsSync(partialsDirFor(PROJECT_ROOT, version, CURRENT), version);
      const published = realLine().fieldsOf(version);
      // The published data keeps one order for the line (the newest releases'); the generator knows each release's own.
      assert.deepEqual(published.map((field) => field.path).sort(), index.fields.map((record) => record.path).sort(), 'the same fields');
      const byPath = new Map(published.map((field) => [field.path, field]));
      for (const record of index.fields) {
        const {path: _path, anchor, route: _route, since, removedIn, defaultChanges, deprecatedIn, ...state} = byPath.get(record.path)!;
        assert.deepEqual({...state, ...(anchor === record.anchor ? {} : {anchor})}, (({anchor: _a, ...rest}) => rest)(stateOf(record)), `${version}: ${record.path}`);
        assert.deepEqual({since, removedIn, defaultChanges, deprecatedIn}, {since: record.since, removedIn: record.removedIn, defaultChanges: record.defaultChanges, deprecatedIn: record.deprecatedIn}, `${version}: ${record.path} history`);
      }
    });
  }

  for (const version of SAMPLE_RELEASES.filter((release) => !SAMPLE_DOCUMENTED.includes(release))) {
    test(`${version} (history-only): has exactly the fields of its chart`, async () => {
      const {index} = await referenceFor(chartDir(version), version);
      assert.deepEqual(new Set(realLine().fieldsOf(version).map((field) => field.path)), new Set(index.fields.map((record) => record.path)));
    });
  }

  test('the newest release reads its fields in its own schema order', async () => {
    const newest = LINE.releases.at(-1)!;
    const {index} = await referenceFor(chartDir(newest), newest);
    assert.deepEqual(realLine().fieldsOf(newest).map((field) => field.path), index.fields.map((record) => record.path));
  });

  test('every release of the manifest is in it, oldest first; every documented one has routes', () => {
    assert.deepEqual(realLine().data.releases, LINE.releases);
    assert.deepEqual(realLine().data.documented, LINE.documented);
    for (const version of LINE.documented) assert.ok(realLine().fieldsOf(version).filter((field) => field.route).length > 100, `${version}: routes`);
  });
});

describe('the field-state cache', () => {
  const states: ReleaseStates = [['a', {type: 'string'}], ['a.b', {type: 'boolean', default: false, defaultYaml: 'false'}]];
  const cache = {dir: path.join(tmp, 'cache'), codeId: 'code'};
  const key = stateCacheKey('s'.repeat(64), 'v'.repeat(64), cache.codeId);
  let computed = 0;
  const compute = async () => {
    computed++;
    return states;
  };

  test('a miss computes and keeps the states; a hit reads them back without computing', async () => {
    assert.deepEqual(await cachedStates(cache, key, compute), {states, outcome: 'miss'});
    assert.deepEqual(await cachedStates(cache, key, compute), {states, outcome: 'hit'});
    assert.equal(computed, 1);
  });

  test('an entry whose content does not match its sha256 is corrupt: computed again and rewritten', async () => {
    const file = path.join(cache.dir, `${key}.json`);
    for (const corrupt of [(text: string) => text.replace('boolean', 'integer'), (text: string) => text.slice(0, 50), () => '', (text: string) => `x${text}`]) {
      writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
      const before = computed;
      assert.deepEqual(await cachedStates(cache, key, compute), {states, outcome: 'corrupt'});
      assert.equal(computed, before + 1);
      assert.deepEqual(await cachedStates(cache, key, compute), {states, outcome: 'hit'}, 'rewritten whole');
    }
  });

  test('the key changes with either chart file and with the code', () => {
    const keys = new Set([key, stateCacheKey('t'.repeat(64), 'v'.repeat(64), 'code'), stateCacheKey('s'.repeat(64), 'w'.repeat(64), 'code'), stateCacheKey('s'.repeat(64), 'v'.repeat(64), 'other code')]);
    assert.equal(keys.size, 4);
  });

  test('gen-partials: a second run models no history-only release; a corrupt entry is rebuilt', {timeout: 10 * 60_000}, async () => {
    const site = path.join(tmp, 'site');
    copyProject(site);
    const gen = () => run(process.execPath, ['scripts/gen-partials.mjs', '--source', CHART_SOURCE], {cwd: site});
    const historyOnly = LINE.releases.length - LINE.documented.length;
    const fromCache = (output: string) => Number(/; (\d+) of (\d+) history-only releases from the cache/u.exec(output)?.[1]);
    const first = await gen();
    assert.equal(first.code, 0, show(first));
    const second = await gen();
    assert.equal(second.code, 0, show(second));
    assert.equal(fromCache(second.stdout), historyOnly, show(second));
    const dir = releaseStateCacheDir(site);
    const [entry] = readdirSync(dir);
    writeFileSync(path.join(dir, entry), readFileSync(path.join(dir, entry), 'utf8').replace(/"type":"[^"]+"/u, '"type":"tampered"'));
    const third = await gen();
    assert.equal(third.code, 0, show(third));
    assert.ok(fromCache(third.stdout) < historyOnly, `the tampered entry was not used: ${third.stdout}`);
    assert.ok(!readFileSync(path.join(dir, entry), 'utf8').includes('tampered'), 'rebuilt');
    console.log(`gen-partials: first run ${Math.round(first.ms)} ms, warm ${Math.round(second.ms)} ms, one entry rebuilt ${Math.round(third.ms)} ms (${historyOnly} history-only releases)`);
  });
});
