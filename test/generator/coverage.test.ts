/**
 * Every property the schema allows is documented: an independent walk of
 * each real schema lists every property path, and each must be in the
 * generated field index, shown in its section's partial.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {INDEX_FILE} from '../../src/reference/files';
import type {FieldIndex} from '../../src/reference/fieldIndex';
import {chartDir, fixtureDir, readSchema, referenceFor} from '../support/chart';
import {SAMPLE_RELEASES} from '../support/versions';
import {partialSectionAnchor, partialToc} from '../support/partialToc';
import {formatPathLabel, parsePathLabel} from '../support/pathLabel';
import {walkSchema} from '../support/schemaWalk';

const sample = (items: Iterable<string>, count = 15) => {
  const list = [...items];
  return `${list.slice(0, count).join('\n  ')}${list.length > count ? `\n  ... and ${list.length - count} more` : ''}`;
};

function checkCoverage(dir: string, version: string) {
  return async () => {
    const reference = await referenceFor(dir, version);
    const indexed = new Set(reference.index.fields.map((field) => field.path));
    const {properties, containers} = walkSchema(readSchema(dir) as Record<string, unknown>);
    assert.ok(properties.size > 0, 'the walker found no properties at all');

    const missing = [...properties, ...containers].filter((path) => !indexed.has(path));
    assert.equal(missing.length, 0, `${missing.length} schema paths are not in the index:\n  ${sample(missing)}`);

    // And nothing is documented that the schema does not have.
    const walked = new Set([...properties, ...containers]);
    const extra = [...indexed].filter((path) => !walked.has(path));
    assert.equal(extra.length, 0, `${extra.length} index paths are not in the schema:\n  ${sample(extra)}`);
  };
}

function checkPartials(dir: string, version: string) {
  return async () => {
    const {files, index} = await referenceFor(dir, version);
    assert.ok(index.fields.length > 0);
    const problems: string[] = [];
    // A top-level field's own partial is its section's partial.
    const sectionOf = new Map(index.fields.filter((field) => parsePathLabel(field.path).length === 1).map((field) => [field.path, field.partial]));
    // What each partial shows: its section and the fields of its toc, each by path and anchor.
    const shown = new Map<string, Set<string>>();
    const shownIn = (partial: string, text: string) => {
      if (!shown.has(partial)) {
        const fields = partialToc(text).map((entry) => `${entry.path} #${entry.anchor}`);
        shown.set(partial, new Set([...fields, `section #${partialSectionAnchor(text)}`]));
      }
      return shown.get(partial)!;
    };
    for (const field of index.fields) {
      for (const partial of new Set([field.sectionPartial, field.partial])) {
        const text = files.get(partial);
        if (text === undefined) problems.push(`${field.path}: partial ${partial} was not generated`);
        else if (!shownIn(partial, text).has(`${field.path} #${field.anchor}`) && !(partial === field.partial && shownIn(partial, text).has(`section #${field.anchor}`))) {
          problems.push(`${field.path}: not in ${partial}`);
        }
      }
      const top = sectionOf.get(formatPathLabel(parsePathLabel(field.path).slice(0, 1)));
      if (field.sectionPartial !== top || field.sectionPartial.includes('/')) {
        problems.push(`${field.path}: section partial ${field.sectionPartial} is not its top-level section's (${top})`);
      }
    }
    assert.deepEqual(problems, []);
  };
}

describe('property coverage of the real charts', () => {
  for (const version of SAMPLE_RELEASES) {
    test(`${version}: every schema property path is in the field index`, checkCoverage(chartDir(version), version));

    test(`${version}: every field is shown in its partials`, checkPartials(chartDir(version), version));

    test(`${version}: ${INDEX_FILE} is the index, and every partial is listed`, async () => {
      const {files, index, fieldCount} = await referenceFor(chartDir(version), version);
      const written = JSON.parse(files.get(INDEX_FILE) ?? 'null') as FieldIndex;
      assert.deepEqual(written, JSON.parse(JSON.stringify(index)));
      assert.equal(written.version, version);
      assert.equal(fieldCount, index.fields.length);
      const partials = new Set(index.fields.map((field) => field.partial));
      const mdx = [...files.keys()].filter((file) => file.endsWith('.mdx'));
      assert.deepEqual(mdx.filter((file) => !partials.has(file)), [], 'partials that no field points to');
    });
  }
});

describe('property coverage of the fixture charts', () => {
  for (const name of ['cyclic', 'draft07', 'inline', 'shapes', 'flags', 'enums', 'markup', 'clash']) {
    test(`${name}: every schema property path is in the field index`, checkCoverage(fixtureDir(name), name));
    test(`${name}: every field is shown in its partials`, checkPartials(fixtureDir(name), name));
  }
});
