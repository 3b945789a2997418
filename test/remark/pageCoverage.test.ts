/**
 * Every field of every documented release is on some page: each top-level
 * section of vcluster.yaml has its partial (or the partials of all its parts)
 * imported by a page of the release, so no field is left out of the docs.
 *
 * A section split over several pages (each importing some of its parts'
 * partials) leaves the section's own heading, and that of each part it is
 * split at, on no page: such a field counts as covered when it has fields
 * and each of them is covered.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {docsDirFor, partialsDirFor} from '../../src/reference/files';
import {pageForField} from '../../src/reference/pageForField';
import {pageMapFor} from '../../src/reference/pageMap';
import {PROJECT_ROOT} from '../support/chart';
import {ensureRealReference} from '../support/remarkSite';
import {CURRENT, DOCUMENTED} from '../support/versions';

describe('every field of every documented release is on a page', () => {
  for (const version of DOCUMENTED) {
    test(version, () => {
      ensureRealReference();
      const {index} = readIndexedFieldsSync(partialsDirFor(PROJECT_ROOT, version, CURRENT), version);
      const pages = pageMapFor(docsDirFor(PROJECT_ROOT, version, CURRENT), PROJECT_ROOT);
      const topLevel = index.fields.filter((record) => record.parent === undefined);
      const children = new Map<string, string[]>();
      for (const record of index.fields) if (record.parent !== undefined) children.set(record.parent, [...(children.get(record.parent) ?? []), record.path]);
      const shown = new Map(index.fields.map((record) => [record.path, pageForField(record, pages.pagesByPartial) !== undefined]));
      const covered = (path: string): boolean => shown.get(path) || ((children.get(path)?.length ?? 0) > 0 && children.get(path)!.every(covered));
      const missing = index.fields.filter((record) => !covered(record.path));
      const sections = [...new Set(missing.map((record) => record.path.split(/[.[]/u)[0]))];
      assert.deepEqual(sections, [], `${version}: no page imports a partial showing these sections' fields (${missing.length} fields)`);
      console.log(`${version}: ${topLevel.length} top-level sections, ${index.fields.length} fields, each on a page`);
    });
  }
});
