/**
 * Searching for a key by an old name: the index keeps each field's old names
 * (src/checker/moves/aliases.ts, the `was` marks), and the ranking puts the
 * field a key moved to first, marked with the old name the query matched.
 * The field index of the current docs version, the release data and the
 * curated moves are the real ones (gen-partials' output); the old key is
 * taken from the moves data, never written here.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import {aliasesOf} from '../../src/checker/moves/aliases';
import {buildVersionIndex, type BuiltPage} from '../../src/plugins/configSearch/buildIndex';
import {readFieldIndex} from '../../src/reference/fieldIndexFile';
import {CURRENT_DOCS_DIR, PARTIALS_SUBDIR} from '../../src/reference/files';
import {prepareIndex, search} from '../../src/theme/SearchBar/rank';
import {PROJECT_ROOT} from '../support/chart';
import {realLine, realMoves} from '../support/checkerReleases';
import {CURRENT} from '../support/versions';

async function currentIndex() {
  const fieldIndex = await readFieldIndex(path.join(PROJECT_ROOT, CURRENT_DOCS_DIR, PARTIALS_SUBDIR));
  assert.ok(fieldIndex, 'the current version\'s field index (npm run gen-partials)');
  const aliases = aliasesOf(realLine(), realMoves(), CURRENT);
  const fields = fieldIndex.fields.map((field) => (aliases.has(field.path) ? {...field, was: aliases.get(field.path)} : field));
  // One reference page showing every field, as the built site's pages do between them.
  const page: BuiltPage = {route: '/docs/reference', title: 'Reference', sections: [{text: 'Every field.'}], ids: new Set(fields.map((field) => field.anchor))};
  return {index: prepareIndex(buildVersionIndex('current', [page], fields).index), aliases};
}

describe('search by an old key name', () => {
  test('an old path a curated move renamed finds the field it moved to first, with "was" and the old path', async () => {
    const {index, aliases} = await currentIndex();
    // A renamed key (a move with a target) whose old path the current release no longer has, and which the aliases carry to a field.
    const line = realLine();
    const candidates = realMoves()
      .moves.filter((move) => move.kind === 'rename' && move.to)
      .flatMap((move) => move.from.map((from) => ({from, move})))
      .filter(({from}) => [...aliases.entries()].some(([, old]) => old.includes(from)) && !line.fieldsOf(CURRENT).some((field) => field.path === from));
    assert.ok(candidates.length, 'a renamed key with an old name in the index');
    for (const {from} of candidates) {
      const [target] = [...aliases.entries()].find(([, old]) => old.includes(from))!;
      const [first] = search(index, from);
      assert.ok(first && first.kind === 'field', `${from}: a field first`);
      assert.equal(first.field.path, target, `${from} finds ${target} first`);
      assert.equal(first.was, from, `${from}: the result says which old name it matched`);
    }
  });

  test('a field found by its own name is not marked with an old one', async () => {
    const {index, aliases} = await currentIndex();
    const [target] = [...aliases.keys()];
    const [first] = search(index, target);
    assert.ok(first && first.kind === 'field');
    assert.equal(first.field.path, target);
    assert.equal(first.was, undefined);
  });
});
