/**
 * The curated moves as gen-partials reads them: every moves file of the
 * project passes the checks against the release data; bad files fail with
 * file and line. And the upgrade guide each documented release gets (the
 * page type in src/generator/pages/): every move and constraint up to the
 * release, each with its id, compiled as the site compiles MDX; the newest
 * release of the line gets one too when it is documented.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import {checkMoves, loadMoves, parseMovesText, MovesError} from '../../src/generator/load/loadMoves';
import {createGeneratedPages} from '../../src/generator/pages/registry';
import {CHANGES_FILE, docsDirFor, movesDirFor} from '../../src/reference/files';
import {appliesAt} from '../../src/reference/moves';
import {pageMapFor} from '../../src/reference/pageMap';
import {compareVersions} from '../../src/reference/releases';
import {UPGRADE_JOURNEYS_ROUTE, UPGRADE_ROUTE, docsRoute, upgradeEntryId} from '../../src/reference/urls';
import {PROJECT_ROOT} from '../support/chart';
import {realLine, realMoves} from '../support/checkerReleases';
import {renderPartial} from '../support/mdx';
import {CURRENT, DOCUMENTED, LINE, RELEASES, SAMPLE_DOCUMENTED} from '../support/versions';

/** The release after the first of the line, and the one before it: a fixture file's name and what it moves from. */
const [FIRST, SECOND] = LINE.releases;

function problems(yamlText: string, name = `${SECOND}.yaml`): string {
  try {
    checkMoves([parseMovesText(path.join('/moves', name), yamlText)], realLine());
    return '';
  } catch (error) {
    assert.ok(error instanceof MovesError, String(error));
    return error.message;
  }
}

/** A field of the first release that the second still has: a key a move could name. */
function keptField(): string {
  const line = realLine();
  return line.data.fields.find((field) => /^[A-Za-z.]+$/u.test(field.path) && field.path.includes('.') && line.stateAt(field, 0) && line.stateAt(field, 1))!.path;
}

describe('the moves files', () => {
  test("the project's files pass every check against the release data", async () => {
    const sources = await loadMoves(movesDirFor(PROJECT_ROOT));
    const data = checkMoves(sources, realLine());
    assert.equal(data.moves.length, realMoves().moves.length);
    assert.ok(data.moves.every((move, i) => i === 0 || compareVersions(appliesAt(data.moves[i - 1]), appliesAt(move)) <= 0), 'in the order they apply');
    for (const move of data.moves) assert.ok(move.evidence && (move.kind !== 'remove' || move.instead), `${move.id}: evidence, and what to do instead of a removed key`);
  });

  test('bad entries fail with the file and the line of each problem', () => {
    const field = keptField();
    assert.match(problems(`moves:\n  - id: a\n    kind: rename\n    from: no.such.key\n    to: ${field}\n    manual: false\n    evidence: e\n`), new RegExp(`line 2: a: no\\.such\\.key is not a key of ${FIRST.replaceAll('.', '\\.')}`, 'u'));
    assert.match(problems(`moves:\n  - id: b\n    kind: remove\n    from: ${field}\n    instead: i\n    manual: false\n    evidence: e\n`), /still has .*rejectedBy.*enforced: false/u);
    assert.match(problems(`moves:\n  - id: c\n    kind: bend\n    from: ${field}\n    manual: maybe\n`), /line 3: c: kind must be one of[^]*manual must be true or false[^]*every move names its evidence/u);
    assert.match(problems(`moves:\n  - id: d\n    kind: reshape\n    from: ${field}\n    to: ${field}\n    transform: {name: secondsToDuration, unit: s}\n    manual: false\n    evidence: e\n`), /the transform secondsToDuration takes no unit/u);
    assert.match(problems(`moves:\n  - id: e\n    kind: remove\n    from: ${field}\n    instead: i\n    manual: false\n    manualWhen: sometimes\n    rejectedBy: none\n    evidence: e\n`), /manualWhen needs a transform/u);
    assert.match(problems(`constraints:\n  - id: f\n    kind: stop\n    condition: nope\n    text: t\n    evidence: e\n`), /unknown condition "nope"[^]*a stop names the releases to land on/u);
    assert.match(problems(`moves:\n  - id: g\n    kind: remove\n    from: ${field}\n    instead: i\n    manual: false\n    rejectedBy: none\n    evidence: e\n    example: {before: "a: [", after: "{}"}\n`), /example\.before is not valid YAML/u);
    assert.match(problems('moves: []\n', 'notes.yaml'), /named after its release/u);
    assert.match(problems('moves: []\n', `${FIRST}.yaml`), /oldest release of the line/u);
    assert.match(problems('moves: []\n', '9.9.9.yaml'), /not a release of the line/u);
    assert.match(problems('moves:\n  - id: h\n    kind: remove\n   bad indent\n'), /invalid YAML/u);
  });

  test('an id is taken once across all files', () => {
    const field = keptField();
    const entry = `moves:\n  - id: same\n    kind: remove\n    from: ${field}\n    instead: i\n    manual: false\n    rejectedBy: none\n    evidence: e\n`;
    assert.throws(() => checkMoves([parseMovesText(`/moves/${SECOND}.yaml`, entry), parseMovesText(`/moves/${SECOND}.yaml`, entry)], realLine()), /same: the id is taken/u);
  });
});

/** The upgrade guide of `version`, made as gen-partials makes it. */
function guideOf(version: string): string | undefined {
  const pages = new Map(DOCUMENTED.map((documented) => [documented, pageMapFor(docsDirFor(PROJECT_ROOT, documented, CURRENT), PROJECT_ROOT)]));
  return createGeneratedPages(version, realLine(), new Map([[CHANGES_FILE, '']]), {moves: realMoves(), pages}).get(`${UPGRADE_ROUTE}.mdx`);
}

const withoutFrontMatter = (page: string) => page.replace(/^---\n[^]*?\n---\n/u, '');

describe('the upgrade guide', () => {
  for (const version of new Set([...SAMPLE_DOCUMENTED, RELEASES[0]])) {
    test(`${version}: every move and constraint up to it, each with its id; it compiles`, async () => {
      const moves = realMoves().moves.filter((move) => compareVersions(appliesAt(move), version) <= 0);
      const constraints = realMoves().constraints.filter((constraint) => compareVersions(constraint.release, version) <= 0);
      const page = guideOf(version);
      if (!moves.length && !constraints.length) {
        assert.equal(page, undefined, 'nothing to list, no page');
        return;
      }
      assert.ok(page, 'a guide');
      assert.match(page, new RegExp(`^---\\ntitle: Upgrading to ${version.replaceAll('.', '\\.')}\\n`, 'u'));
      for (const move of moves) assert.ok(page.includes(`<span id="${upgradeEntryId('move', move.id)}" />`), move.id);
      for (const constraint of constraints) assert.ok(page.includes(`<span id="${upgradeEntryId('constraint', constraint.id)}" />`), constraint.id);
      const later = realMoves().moves.find((move) => compareVersions(appliesAt(move), version) > 0);
      if (later) assert.ok(!page.includes(`"${upgradeEntryId('move', later.id)}"`), 'nothing after the release');
      const {html} = await renderPartial(withoutFrontMatter(page));
      for (const move of moves) assert.ok(html.includes(`id="${upgradeEntryId('move', move.id)}"`), `${move.id} rendered`);
    });
  }

  test('every config path on the guide sits in a link, so no release checks another release\'s keys', () => {
    const page = guideOf(RELEASES[0]) ?? '';
    const bare = [...withoutFrontMatter(page).replace(/```[^]*?```/gu, '').matchAll(/(?<!\[)`([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_*[\]-]+)+)`(?!\]\()/gu)].map((match) => match[1]);
    const topLevel = new Set(realLine().data.fields.filter((field) => !field.path.includes('.')).map((field) => field.path));
    assert.deepEqual(bare.filter((value) => topLevel.has(value.split('.')[0])), []);
  });

  test('the guide links the upgrade journeys of the current release when its docs have them: by file on its own guide, by route on an older one', () => {
    const journeys = [...pageMapFor(docsDirFor(PROJECT_ROOT, CURRENT, CURRENT), PROJECT_ROOT).routes].find(([, route]) => route === UPGRADE_JOURNEYS_ROUTE);
    const older = DOCUMENTED.find((version) => version !== CURRENT && guideOf(version));
    if (!journeys) {
      // A site without journeys: no guide links them.
      for (const version of [CURRENT, older]) if (version) assert.ok(!(guideOf(version) ?? '').includes('upgrade journeys'), version);
      return;
    }
    assert.ok((guideOf(CURRENT) ?? '').includes(`[upgrade journeys](./${UPGRADE_JOURNEYS_ROUTE}/index.mdx)`), CURRENT);
    if (older) assert.ok((guideOf(older) ?? '').includes(`[upgrade journeys](pathname://${docsRoute(CURRENT, CURRENT, UPGRADE_JOURNEYS_ROUTE)})`), older);
  });
});
