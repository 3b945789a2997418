/**
 * Anchors: unique per version, in vCluster's `a-b-c` form, never repeated in
 * a partial's table of contents; descriptions without Go code-generation markers.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {chartDir, fixtureDir, readSchema, referenceFor, schemaDescriptions} from '../support/chart';
import {SAMPLE_RELEASES} from '../support/versions';
import {partialToc} from '../support/partialToc';
import {appendKey, parsePathLabel} from '../support/pathLabel';

/** A line that is only a Go marker: `+optional`, `+listType=atomic`, `+kubebuilder:validation:Enum=a;b`. */
const GO_MARKER_LINE = /^[ \t]*\+[a-zA-Z][\w.:/-]*(=.*)?[ \t]*$/m;
const GO_MARKER_WORDS = /\+(optional|listType|listMapKey|mapType|structType|kubebuilder|k8s:|genclient|patchStrategy|patchMergeKey|required)\b/;

describe('anchors', () => {
  for (const version of SAMPLE_RELEASES) {
    describe(version, () => {
      test('are unique', async () => {
        const {index} = await referenceFor(chartDir(version), version);
        const seen = new Map<string, string>();
        const clashes: string[] = [];
        for (const field of index.fields) {
          const other = seen.get(field.anchor);
          if (other !== undefined) clashes.push(`${field.anchor}: ${other} and ${field.path}`);
          seen.set(field.anchor, field.path);
        }
        assert.deepEqual(clashes, []);
        assert.equal(seen.size, index.fields.length);
      });

      test('are the path with "-" between keys (items, key for list items and map values)', async () => {
        const {index} = await referenceFor(chartDir(version), version);
        const wrong: string[] = [];
        let plain = 0;
        for (const field of index.fields) {
          const parts = parsePathLabel(field.path);
          // Only plain identifier keys: everything else is escaped (tested with the fixture charts).
          if (!parts.every((part) => part.kind !== 'key' || /^[A-Za-z0-9_]+$/.test(part.key))) continue;
          const maps = parts.filter((part) => part.kind === 'map').length;
          const expected = parts.map((part) => (part.kind === 'key' ? part.key : part.kind === 'item' ? 'items' : 'key')).join('-');
          // With two map shapes at one place, the second is `key2`.
          const ok = maps === 0 ? field.anchor === expected : new RegExp(`^${expected.replace(/key/g, 'key\\d*')}$`).test(field.anchor);
          if (!ok) wrong.push(`${field.path} → ${field.anchor}, expected ${expected}`);
          else plain++;
          if (!/^[A-Za-z0-9_.~-]+$/.test(field.anchor)) wrong.push(`${field.path} → ${field.anchor}: not URL-fragment-safe`);
        }
        assert.deepEqual(wrong, []);
        assert.ok(plain > 100);
      });

      test('controlPlane.backingStore.etcd.embedded.enabled → controlPlane-backingStore-etcd-embedded-enabled', async () => {
        const {index} = await referenceFor(chartDir(version), version);
        const field = index.fields.find((record) => record.path === 'controlPlane.backingStore.etcd.embedded.enabled');
        assert.ok(field);
        assert.equal(field.anchor, 'controlPlane-backingStore-etcd-embedded-enabled');
      });

      test('no toc id repeats within a partial, and every toc id is a field\'s anchor', async () => {
        const {files, index} = await referenceFor(chartDir(version), version);
        const anchors = new Set(index.fields.map((field) => field.anchor));
        let partials = 0;
        for (const [file, text] of files) {
          if (!file.endsWith('.mdx')) continue;
          partials++;
          const ids = partialToc(text).map((entry) => entry.id);
          const repeated = ids.filter((id, position) => ids.indexOf(id) !== position);
          assert.deepEqual(repeated, [], `${file}: repeated toc ids`);
          for (const id of ids) assert.ok(anchors.has(id), `${file}: toc id ${id} is no field's anchor`);
        }
        assert.ok(partials > 0);
      });

      test('Go markers (+optional, +listType=atomic, ...) appear in no description', async () => {
        const dir = chartDir(version);
        const {index, files} = await referenceFor(dir, version);
        const marked = index.fields.filter((field) => GO_MARKER_LINE.test(field.description) || GO_MARKER_WORDS.test(field.description));
        assert.deepEqual(marked.map((field) => `${field.path}: ${JSON.stringify(field.description)}`), []);
        for (const [file, text] of files) {
          if (file.endsWith('.mdx')) assert.ok(!/\+optional|\+listType/.test(text), `${file} has a Go marker`);
        }
        // Where the schema has markers, the prose around them is kept.
        const sources = schemaDescriptions(readSchema(dir)).filter((text) => GO_MARKER_LINE.test(text));
        let kept = 0;
        for (const source of sources) {
          const prose = source.split('\n').filter((line) => !GO_MARKER_LINE.test(line) && line.trim());
          for (const field of index.fields.filter((record) => prose.length && record.description.includes(prose[0]))) {
            for (const line of prose) assert.ok(field.description.includes(line), `${field.path}: prose line ${JSON.stringify(line)} was dropped`);
            kept++;
          }
        }
        if (sources.length) assert.ok(kept > 0, 'no field shows a description that had markers');
      });
    });
  }

  test('the real schemas do have Go markers to remove', () => {
    const count = SAMPLE_RELEASES.flatMap((version) => schemaDescriptions(readSchema(chartDir(version)))).filter((text) => GO_MARKER_LINE.test(text)).length;
    assert.ok(count > 0, 'no description in any version has a Go marker: the marker test checks nothing');
  });
});

describe('anchors of the fixture charts', () => {
  test('keys that are not identifiers are escaped, and stay distinct', async () => {
    const {index} = await referenceFor(fixtureDir('inline'), 'inline');
    const anchorOf = (fieldPath: string) => index.fields.find((field) => field.path === fieldPath)?.anchor;
    assert.equal(anchorOf(appendKey('', 'my.dotted-key')), 'my.dotted~2dkey');
    assert.equal(anchorOf(appendKey(appendKey('nested', 'a-b'), 'c')), 'nested-a~2db-c');
  });

  test('paths that meet on one anchor get a suffix, so anchors stay unique', async () => {
    const {index} = await referenceFor(fixtureDir('clash'), 'clash');
    const anchors = index.fields.map((field) => field.anchor);
    assert.equal(new Set(anchors).size, anchors.length, `anchors repeat: ${anchors.join(', ')}`);
    const anchorOf = (fieldPath: string) => index.fields.find((field) => field.path === fieldPath)?.anchor;
    assert.equal(anchorOf('x.items'), 'x-items');
    assert.match(anchorOf('x[]') ?? '', /^x-items~\d+$/);
    // `my-key` escapes to `my~2dkey`, the very text of the other key (kept as is but for `~`).
    assert.notEqual(anchorOf(appendKey('', 'my-key')), anchorOf(appendKey('', 'my~2dkey')));
  });

  for (const name of ['inline', 'shapes', 'markup', 'clash', 'cyclic']) {
    test(`${name}: anchors are unique and safe in a URL fragment`, async () => {
      const {index} = await referenceFor(fixtureDir(name), name);
      const anchors = index.fields.map((field) => field.anchor);
      assert.equal(new Set(anchors).size, anchors.length);
      for (const anchor of anchors) assert.match(anchor, /^[A-Za-z0-9_.~-]+$/);
    });
  }
});
