import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import type {FieldRecord} from '../../src/reference/fieldIndex';
import {readIndexedFieldsSync} from '../../src/reference/fieldIndexFile';
import {partialsDirFor} from '../../src/reference/files';
import {currentVersion, readManifestSync, readSnapshotsSync} from '../../src/reference/manifest';
import {builtSite, projectRoot} from '../support/buildDir';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? htmlFiles(full) : entry.name.endsWith('.html') ? [full] : [];
  });
}

function fieldIndex(version: string | undefined): ReadonlyMap<string, FieldRecord> {
  const current = currentVersion(readManifestSync(projectRoot));
  return readIndexedFieldsSync(partialsDirFor(projectRoot, version ?? current, current), version ?? current).byAnchor;
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the table of contents of reference pages', () => {
  it('lists field names only: no badges, types or defaults', () => {
    const site = builtSite();
    const versions = readSnapshotsSync(projectRoot);
    let referencePages = 0;
    let entries = 0;
    for (const file of htmlFiles(path.join(site, 'docs'))) {
      const relative = path.relative(path.join(site, 'docs'), file);
      const version = versions.find((candidate) => relative.startsWith(`${candidate}/`));
      const index = fieldIndex(version);
      const toc = /<ul class="?table-of-contents[^>]*>([^]*?)<\/div>/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      let fieldsHere = 0;
      for (const match of toc.matchAll(/<a href="?#([^"\s>]+)"?[^>]*>([^]*?)<\/a>/g)) {
        const record = index.get(decodeURIComponent(match[1]));
        if (!record) continue;
        fieldsHere++;
        const text = decode(match[2]);
        const name = record.path.split('.').pop()!;
        if (/[[\]*"]/.test(name)) continue;
        assert.equal(text, name, `${relative}: TOC entry for ${record.path}`);
        assert.ok(!text.includes(record.type) || record.type === name, `${relative}: no type in the TOC entry of ${record.path}`);
      }
      if (fieldsHere) referencePages++;
      entries += fieldsHere;
    }
    assert.ok(referencePages >= 40, `reference pages with field entries in their TOC: ${referencePages}`);
    assert.ok(entries > 500, `field entries checked: ${entries}`);
  });
});
