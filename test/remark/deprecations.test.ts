/**
 * The deprecation lint (src/remark/deprecations.ts) on the fixture site,
 * whose schema deprecates `controlPlane.proxy.legacyPort`: an example or an
 * inline path that teaches it fails with its line, unless the block or the
 * page's front matter says why.
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {VFile} from 'vfile';
import {checkConfigPaths} from '../../src/remark/linkConfigPaths';
import {checkConfigExamples, listOptOuts} from '../../src/remark/validateConfigExamples';
import {createFixtureSite, failureOf, parseMdx, processMdx, type FixtureSite} from '../support/remarkSite';

let site: FixtureSite;

before(async () => {
  site = await createFixtureSite();
});

after(() => site?.remove());

const example = (meta: string) => `# Proxy\n\n\`\`\`yaml title="vcluster.yaml"${meta}\ncontrolPlane:\n  proxy:\n    legacyPort: 9443\n\`\`\`\n`;

describe('deprecated fields in examples', () => {
  test('an example that sets a deprecated field fails on its line', async () => {
    const message = await failureOf(processMdx(example(''), site.file('docs/guide.mdx')));
    assert.match(message, /invalid vcluster\.yaml example/u);
    assert.match(message, /docs\/guide\.mdx:6: `controlPlane\.proxy\.legacyPort` is deprecated in vCluster 1\.1\.0 \(or say why the example shows it: allow-deprecated="<why>"\)/u);
  });

  test('allow-deprecated with a reason lets it pass, and is listed', async () => {
    await processMdx(example(' allow-deprecated="migrating from the old name"'), site.file('docs/guide.mdx'));
    const result = checkConfigExamples(parseMdx(example(' allow-deprecated="migrating from the old name"')), {path: site.file('docs/guide.mdx')});
    assert.deepEqual(result.optOuts, [{file: 'docs/guide.mdx', line: 3, kind: 'allow-deprecated', reason: 'migrating from the old name'}]);
    site.write('docs/zz-allowed.mdx', example(' allow-deprecated="migrating from the old name"'));
    try {
      assert.deepEqual(
        listOptOuts([site.file('docs/zz-allowed.mdx')]).map((optOut) => [optOut.kind, optOut.reason]),
        [['allow-deprecated', 'migrating from the old name']],
      );
    } finally {
      site.write('docs/zz-allowed.mdx', '# gone\n');
    }
  });

  test('allow-deprecated needs a reason', async () => {
    const message = await failureOf(processMdx(example(' allow-deprecated'), site.file('docs/guide.mdx')));
    assert.match(message, /docs\/guide\.mdx:3: allow-deprecated needs a reason/u);
  });

  test('a field that is not deprecated passes', async () => {
    await processMdx('```yaml title="vcluster.yaml"\ncontrolPlane:\n  proxy:\n    port: 9443\n```\n', site.file('docs/guide.mdx'));
  });
});

describe('deprecated fields in inline config paths', () => {
  const page = (frontMatter: string) => `${frontMatter}# Proxy\n\nSet \`controlPlane.proxy.legacyPort\` no more.\n`;
  const check = (text: string, frontMatter?: Record<string, unknown>) =>
    checkConfigPaths(parseMdx(text), Object.assign(new VFile({path: site.file('docs/guide.mdx'), value: text}), {data: {frontMatter}}));

  test('an inline path to a deprecated field fails on its line, naming the front matter that would allow it', () => {
    const {problems} = check(page(''));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^docs\/guide\.mdx:3: `controlPlane\.proxy\.legacyPort` is deprecated in vCluster 1\.1\.0 \(or say why the page names it: front matter `allow_deprecated: \{controlPlane\.proxy\.legacyPort: "<why>"\}`\)$/u);
  });

  test('the front matter allowance with a reason lets it pass; a stale one fails', () => {
    assert.deepEqual(check(page(''), {allow_deprecated: {'controlPlane.proxy.legacyPort': 'this page explains the rename'}}).problems, []);
    const stale = check('# Proxy\n\nNothing deprecated here.\n', {allow_deprecated: {'controlPlane.proxy.legacyPort': 'old'}}).problems;
    assert.match(stale[0] ?? '', /front matter allow_deprecated names `controlPlane\.proxy\.legacyPort`, which the page does not name/u);
    assert.equal(check(page(''), {allow_deprecated: {'controlPlane.proxy.legacyPort': ''}}).problems.length, 1, 'an empty reason allows nothing');
  });
});
