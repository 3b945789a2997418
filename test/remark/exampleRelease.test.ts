/**
 * An example naming its release (`release=<version>` in its meta,
 * src/remark/exampleRelease.ts): checked against that release instead of the
 * page's. On a fixture site with two documented versions: a key only the
 * older release has passes when the block names it and fails otherwise; a
 * release the site does not know, a later release than the page's, or an
 * empty value fail at the fence. On the real line: a history-only release is
 * checked against its published schema and the release data (its removed
 * keys pass, its deprecated ones need `allow-deprecated`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {Releases, type ReleaseField, type ReleasesData} from '../../src/reference/releases';
import type {FieldState} from '../../src/reference/fieldIndex';
import {readFileSync} from 'node:fs';
import {publishedRootFor} from '../../src/reference/files';
import {RELEASES_FILE} from '../../src/reference/urls';
import {parsePath} from '../../src/reference/configPath';
import {exampleTarget, namedRelease} from '../../src/remark/exampleRelease';
import {checkConfigExamples} from '../../src/remark/validateConfigExamples';
import {FIXTURE_CURRENT, FIXTURE_OLD, PROJECT_ROOT, createFixtureSite, ensureRealReference, failureOf, parseMdx, processMdx, type FixtureSite} from '../support/remarkSite';
import {CURRENT, DOCUMENTED, LINE} from '../support/versions';

let site: FixtureSite;

before(async () => {
  site = await createFixtureSite();
});

after(() => site?.remove());

/** A page with one example; the fence is on line 4, its YAML from line 5. */
function page(yaml: string, meta: string): string {
  return `# Upgrading\n\nSome text.\n\`\`\`yaml title="vcluster.yaml" ${meta}\n${yaml}\`\`\`\n`;
}

/** A key the older fixture release has and the current one lacks. */
const OLD_ONLY = 'controlPlane:\n  distro:\n    k8s:\n      version: v1.29.0\n';
/** A key the current fixture release added. */
const NEW_ONLY = 'controlPlane:\n  proxy:\n    port: 8443\n';

describe('exampleRelease: the meta', () => {
  test('release=<version> is read with or without quotes; absent is absent', () => {
    assert.deepEqual(namedRelease(`title="vcluster.yaml" release=${FIXTURE_OLD}`), {release: FIXTURE_OLD});
    assert.deepEqual(namedRelease(`release="${FIXTURE_OLD}" title="vcluster.yaml"`), {release: FIXTURE_OLD});
    assert.equal(namedRelease('title="vcluster.yaml"'), undefined);
    assert.equal(namedRelease('title="vcluster.yaml" prerelease=1'), undefined);
  });
});

describe('exampleRelease on a fixture site', () => {
  test('a block naming the older release is checked against it: its keys pass, keys it lacks fail with the release named', async () => {
    const file = site.file('docs/upgrading.mdx');
    await processMdx(page(OLD_ONLY, `release=${FIXTURE_OLD}`), file);
    const result = checkConfigExamples(parseMdx(page(OLD_ONLY, `release=${FIXTURE_OLD}`)), {path: file});
    assert.deepEqual(result, {validated: 1, optOuts: [], problems: []});
    const message = await failureOf(processMdx(page(NEW_ONLY, `release=${FIXTURE_OLD}`), file));
    assert.match(message, new RegExp(`docs/upgrading\\.mdx:7: controlPlane\\.proxy\\.port: must NOT have additional property 'port'.* \\(checked against vCluster ${FIXTURE_OLD.replaceAll('.', '\\.')}, which the block names\\)`, 'u'));
  });

  test('without the meta the same block is checked against the page release and fails', async () => {
    const message = await failureOf(processMdx(page(OLD_ONLY, ''), site.file('docs/upgrading.mdx')));
    assert.match(message, /docs\/upgrading\.mdx:8: controlPlane\.distro\.k8s\.version: must NOT have additional property 'version'/u);
    assert.doesNotMatch(message, /checked against/u);
  });

  test('naming the page release itself is the same as not naming it', async () => {
    await processMdx(page(NEW_ONLY, `release=${FIXTURE_CURRENT}`), site.file('docs/upgrading.mdx'));
    const target = exampleTarget(`release=${FIXTURE_CURRENT}`, {siteDir: site.dir, version: FIXTURE_CURRENT, partialsDir: path.join(site.dir, 'docs/_partials/config')});
    assert.ok(!('problem' in target) && !target.named);
  });

  test('an unknown release, a later one than the page, or no version fail at the fence', async () => {
    const unknown = await failureOf(processMdx(page(OLD_ONLY, 'release=0.0.1'), site.file('docs/upgrading.mdx')));
    assert.match(unknown, /docs\/upgrading\.mdx:4: release=0\.0\.1 is not a release the site knows/u);
    const later = await failureOf(processMdx(page(NEW_ONLY, `release=${FIXTURE_CURRENT}`), site.file(`versioned_docs/version-${FIXTURE_OLD}/upgrading.mdx`)));
    assert.match(later, new RegExp(`upgrading\\.mdx:4: release=${FIXTURE_CURRENT.replaceAll('.', '\\.')} is later than the page's release`, 'u'));
    const empty = await failureOf(processMdx(page(OLD_ONLY, 'release='), site.file('docs/upgrading.mdx')));
    assert.match(empty, /docs\/upgrading\.mdx:4: release needs a version/u);
  });
});

describe('exampleRelease on the real line', () => {
  /** A literal path's YAML with a value of its type. */
  const yamlOf = (fieldPath: string, value: string): string =>
    parsePath(fieldPath)
      .map((segment, i, all) => `${'  '.repeat(i)}${segment.kind === 'property' ? segment.key : ''}:${i === all.length - 1 ? ` ${value}` : ''}`)
      .join('\n') + '\n';

  test('a patch release is refused: a later patch replaces it in place, so the page names the first release of its minor', () => {
    const patch = LINE.releases.find((release) => !release.endsWith('.0') && release !== CURRENT && LINE.releases.indexOf(release) < LINE.releases.indexOf(CURRENT));
    if (!patch) return;
    const target = exampleTarget(`release=${patch}`, {siteDir: PROJECT_ROOT, version: CURRENT, partialsDir: path.join(PROJECT_ROOT, 'docs/_partials/config')});
    assert.ok('problem' in target, `${patch} is refused`);
    assert.match(target.problem, new RegExp(`release=${patch.replaceAll('.', '\\.')} names a patch release: name the first release of its minor \\(${patch.replace(/\.\d+$/u, '.0').replaceAll('.', '\\.')}\\)`, 'u'));
  });

  const releasesOfLine = (): Releases => new Releases(JSON.parse(readFileSync(path.join(publishedRootFor(PROJECT_ROOT), RELEASES_FILE), 'utf8')) as ReleasesData);

  /** The first literal boolean field of a history-only release (oldest first) that `pick` accepts, with that release. */
  const historyOnlyField = (pick: (state: FieldState, field: ReleaseField, releases: Releases) => boolean): {release: string; path: string} | undefined => {
    const releases = releasesOfLine();
    const historyOnly = LINE.releases.filter((release) => !DOCUMENTED.includes(release));
    assert.ok(historyOnly.length, 'the line has a history-only release');
    for (const release of historyOnly) {
      const at = releases.indexOf(release);
      const field = releases.data.fields.find((candidate) => {
        const state = releases.stateAt(candidate, at);
        return state?.type === 'boolean' && parsePath(candidate.path).every((segment) => segment.kind === 'property') && pick(state, candidate, releases);
      });
      if (field) return {release, path: field.path};
    }
    return undefined;
  };

  test('a history-only release is checked against its published schema and the release data', async () => {
    ensureRealReference();
    const current = releasesOfLine().indexOf(CURRENT);
    // A boolean field, not deprecated, that a history-only release has and the current one lacks.
    const found = historyOnlyField((state, field, releases) => !state.deprecated && !releases.stateAt(field, current));
    assert.ok(found, 'a history-only release has a boolean field the current release lacks');
    const file = path.join(PROJECT_ROOT, 'docs', 'upgrading-test.mdx');
    const yaml = yamlOf(found.path, 'false');
    const passed = checkConfigExamples(parseMdx(page(yaml, `release=${found.release}`)), {path: file});
    assert.deepEqual(passed.problems, [], `${found.path} at ${found.release}`);
    assert.equal(passed.validated, 1);
    const failed = checkConfigExamples(parseMdx(page(yaml, '')), {path: file});
    assert.ok(failed.problems.length > 0, `${found.path} is no field of ${CURRENT}`);
  });

  test('a field a history-only release deprecates needs allow-deprecated there', () => {
    ensureRealReference();
    const found = historyOnlyField((state) => Boolean(state.deprecated && !state.rejected));
    assert.ok(found, 'a history-only release deprecates a boolean field');
    const file = path.join(PROJECT_ROOT, 'docs', 'upgrading-test.mdx');
    const yaml = yamlOf(found.path, 'false');
    const problems = checkConfigExamples(parseMdx(page(yaml, `release=${found.release}`)), {path: file}).problems;
    assert.ok(
      problems.some((problem) => problem.includes(`is deprecated in vCluster ${found.release}`)),
      problems.join('\n'),
    );
    assert.deepEqual(checkConfigExamples(parseMdx(page(yaml, `release=${found.release} allow-deprecated="the old form, shown before its move"`)), {path: file}).problems, []);
  });
});
