import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {createChangesPartial} from '../../src/generator/changes/createChangesPartial';
import {diffIndexes} from '../../src/generator/changes/diffIndexes';
import {serializePartial} from '../../src/generator/render/serialize';
import type {FieldIndex, FieldRecord} from '../../src/reference/fieldIndex';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {CHANGES_FILE, partialsDirFor} from '../../src/reference/files';
import {currentVersion, readManifestSync} from '../../src/reference/manifest';
import {projectRoot} from '../support/buildDir';
import {fieldRecord} from '../support/fieldRecords';

const record = (path: string, type: string, value?: unknown): FieldRecord =>
  fieldRecord(path, {type, ...(value === undefined ? {} : {default: value, defaultYaml: String(value)})});
const index = (version: string, fields: FieldRecord[]): FieldIndex => ({version, fields, partials: {}});

describe('what changed between two versions', () => {
  it('finds fields added, removed, retyped and with a new default', () => {
    const diff = diffIndexes(
      index('1', [record('a.kept', 'string', 'x'), record('a.gone', 'boolean', false), record('a.retyped', 'string'), record('a.list', 'string[]', ['a'])]),
      index('2', [record('a.kept', 'string', 'x'), record('a.retyped', 'integer'), record('a.list', 'string[]', ['a', 'b']), record('a.new', 'boolean', true)]),
    );
    assert.deepEqual(diff.added.map((change) => change.path), ['a.new']);
    assert.deepEqual(diff.removed.map((change) => change.path), ['a.gone']);
    assert.deepEqual(diff.typeChanged.map((change) => change.path), ['a.retyped']);
    assert.deepEqual(diff.defaultChanged.map((change) => change.path), ['a.list']);
    assert.deepEqual(diff.deprecated, []);
  });

  it('finds fields newly deprecated, with the replacement a fact names', () => {
    const before = index('1', [record('a.old', 'string'), record('a.long', 'string'), record('a.new', 'string')]);
    const after = index('2', [
      {...record('a.old', 'string'), deprecated: true, facts: [{kind: 'deprecated', replacement: 'a.new', evidence: 'x.go'}]},
      {...record('a.long', 'string'), deprecated: true},
      record('a.new', 'string'),
    ]);
    before.fields[1].deprecated = true;
    const diff = diffIndexes(before, after);
    assert.deepEqual(diff.deprecated.map((change) => change.path), ['a.old'], 'a.long was deprecated already');
    const partial = serializePartial(createChangesPartial(diff, (version, field) => `./page.mdx#${field.anchor}`));
    assert.match(partial, /## Newly deprecated \(1\) \{\/\* #deprecated \*\/\}/u);
    assert.match(partial, /<span id="deprecated-a-old" \/>\[`a\.old`\]\(\.\/page\.mdx#a-old\) `string`: use `a\.new`/u);
    assert.match(partial, /\{\/\* #added \*\/\}[^]*\{\/\* #removed \*\/\}[^]*\{\/\* #retyped \*\/\}[^]*\{\/\* #default \*\/\}/u, 'every section has its stable id');
  });

  const current = currentVersion(readManifestSync(projectRoot));
  const partialsDir = (version: string) => partialsDirFor(projectRoot, version, current);

  it('the generated page of each version lists exactly the differences of the two field indexes, linked to the right version', (t) => {
    const pairs: Array<[string, string]> = [
      ['0.22.0', '0.21.0'],
      ['0.21.0', '0.20.0'],
    ];
    for (const [to, from] of pairs) {
      const changesFile = path.join(partialsDir(to), CHANGES_FILE);
      if (!existsSync(changesFile)) return t.skip('run gen-partials for every version first (npm test does)');
      const read = (version: string) => readIndexedFieldsSync(partialsDir(version), version).index;
      const before = new Set(read(from).fields.map((field) => field.path));
      const after = read(to);
      const added = after.fields.filter((field) => !before.has(field.path));
      const removed = [...before].filter((field) => !after.fields.some((candidate) => candidate.path === field));
      const text = readFileSync(changesFile, 'utf8');
      assert.ok(text.includes(`## Fields added (${added.length})`), `${to}: ${added.length} added`);
      assert.ok(text.includes(`## Fields removed (${removed.length})`), `${to}: ${removed.length} removed`);
      for (const field of added) assert.ok(text.includes(`[\`${field.path}\`](`), `${to}: lists ${field.path}`);
      // Removed fields link to the older version's route; the page there must show the field.
      for (const field of removed) {
        const link = new RegExp(`\\[\`${field.replace(/[.*[\]]/g, '\\$&')}\`\\]\\(([^)]+)\\)`).exec(text);
        assert.ok(link, `${to}: links ${field}`);
        const target = /^pathname:\/\/\/(docs\/[^#]*)#(.+)$/.exec(link[1]);
        assert.ok(target && target[1].startsWith(`docs/${from}/`), `${field} links into ${from}: ${link[1]}`);
        const html = path.join(projectRoot, 'build', `${target[1]}.html`);
        if (existsSync(html)) assert.match(readFileSync(html, 'utf8'), new RegExp(`id="?${target[2]}[" >]`), `${target[1]} shows ${field}`);
      }
    }
  });
});
