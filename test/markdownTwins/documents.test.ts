/**
 * MDX pages into Markdown twins, llms-full.txt and llms.txt, on a fixture
 * site in a temporary directory: front matter, admonitions, directives that
 * are none, heading-id comments, components, inlined MDX files (and an
 * import cycle), links of every form (with and without a baseUrl), reference
 * partials replaced by their fields, each once per page, and every field of
 * the release exactly once in llms-full.txt, a field on no page included.
 */
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Heading, List, Root} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';
import {llmsFull, llmsTxt, pageTwin, type SiteInfo, type TwinPage, type VersionPages} from '../../src/plugins/markdownTwins/documents';
import {TwinLinks} from '../../src/plugins/markdownTwins/links';
import {serializeMarkdown} from '../../src/plugins/markdownTwins/markdown';
import {indexFields, type FieldRecord} from '../../src/reference/fieldIndex';
import {fieldRecord} from '../support/fieldRecords';
import {fieldHeadings, htmlNodes, links, notExactlyOnce} from '../support/markdownTwins';

const reparse = (markdown: string): Root => fromMarkdown(markdown, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]});

const PAGE = `---
title: Fixture overview
description: A page for the tests.
---

import Alpha from './_partials/config/alpha.mdx';
import AlphaDeep from './_partials/config/alpha/deep.mdx';
import Changes from './_partials/config/changes.mdx';
import Notes from './_notes.mdx';
import Loop from './_loop.mdx';
import EditorSchema from '@site/src/components/EditorSchema';
import Tabs from '@theme/Tabs';

export const meta = 1;

Tolerations look like key=value:NoSchedule, also in code: \`key=value:NoSchedule\`.

Links: [file](./other.mdx#part), [field](#alpha-one), [root](/docs/other), [old](pathname:///docs/0.0.9/other#x), [web](https://example.com/x), [relative](other), [asset](/schemas/0.1.0/vcluster.schema.json).

## Heading with an id {/* #custom-id */}

:::warning[Choose once]

Body **bold**{1 + 1}.

:::

:::tip

No title.

:::

<Tabs>
  <div>Kept child text</div>
</Tabs>

<Notes />

<Loop />

<EditorSchema />

<Changes />

## Reference

<Alpha />

<AlphaDeep />
`;

/** alpha.mdx shows alpha and everything below; alpha/deep.mdx its deep part; beta is on no page. */
const FIELDS: FieldRecord[] = [
  fieldRecord('alpha', {partial: 'alpha.mdx', sectionPartial: 'alpha.mdx', partials: ['alpha.mdx'], description: 'The alpha section.'}),
  fieldRecord('alpha.one', {type: 'string', partial: 'alpha.mdx', sectionPartial: 'alpha.mdx', partials: ['alpha.mdx'], defaultYaml: 'one', since: '0.1.0'}),
  fieldRecord('alpha.deep', {partial: 'alpha/deep.mdx', sectionPartial: 'alpha.mdx', partials: ['alpha/deep.mdx', 'alpha.mdx']}),
  fieldRecord('alpha.deep.x', {type: 'integer', partial: 'alpha/deep.mdx', sectionPartial: 'alpha.mdx', partials: ['alpha/deep.mdx', 'alpha.mdx'], pro: true}),
  fieldRecord('beta', {type: 'boolean', partial: 'beta.mdx', sectionPartial: 'beta.mdx', partials: ['beta.mdx'], description: 'On no page.'}),
];

describe('Markdown twins from MDX pages', () => {
  let siteDir: string;
  let docs: string;
  const warnings: string[] = [];

  before(() => {
    siteDir = mkdtempSync(path.join(os.tmpdir(), 'twins-fixture-'));
    docs = path.join(siteDir, 'docs');
    mkdirSync(path.join(docs, '_partials', 'config', 'alpha'), {recursive: true});
    writeFileSync(path.join(docs, 'index.mdx'), PAGE);
    writeFileSync(path.join(docs, 'other.mdx'), '---\ntitle: Other\n---\n\nThe other page.\n');
    writeFileSync(path.join(docs, '_notes.mdx'), 'Notes from another file, with a [link](./other.mdx).\n');
    writeFileSync(path.join(docs, '_loop.mdx'), "import Loop from './_loop.mdx';\n\nOnce.\n\n<Loop />\n");
    writeFileSync(path.join(docs, '_partials', 'config', 'changes.mdx'), '{/* Generated */}\n\n## Fields added (1)\n\n- [`alpha.one`](../../other.mdx#alpha-one) `string`\n');
    for (const partial of ['alpha.mdx', 'alpha/deep.mdx', 'beta.mdx']) writeFileSync(path.join(docs, '_partials', 'config', partial), '<ConfigSection />\n');
  });
  after(() => rmSync(siteDir, {recursive: true, force: true}));

  function fixture(baseUrl = '/'): {site: SiteInfo; version: VersionPages; page: TwinPage} {
    const base = baseUrl.replace(/\/$/u, '');
    const links = new TwinLinks({
      siteUrl: 'https://docs.example',
      baseUrl,
      permalinkOfSource: new Map([
        [path.join(docs, 'index.mdx'), `${base}/docs/intro`],
        [path.join(docs, 'other.mdx'), `${base}/docs/other`],
        [path.join(siteDir, 'old', 'other.mdx'), `${base}/docs/0.0.9/other/`],
      ]),
    });
    const site: SiteInfo = {siteDir, title: 'Fixture site', tagline: 'A site for tests.', links, warn: (message) => warnings.push(message)};
    const page: TwinPage = {title: 'Fixture overview', description: 'A page for the tests.', ownDescription: true, permalink: `${base}/docs/intro`, sourceFile: path.join(docs, 'index.mdx'), listed: true};
    const other: TwinPage = {title: 'Other', description: 'The other page. More words.', ownDescription: false, permalink: `${base}/docs/other`, sourceFile: path.join(docs, 'other.mdx'), listed: true};
    const fields = indexFields({version: '0.1.0', fields: FIELDS, partials: {'alpha.mdx': 'alpha', 'alpha/deep.mdx': 'alpha-deep', 'beta.mdx': 'beta'}});
    const version: VersionPages = {version: '0.1.0', current: '0.1.0', partialsDir: path.join(docs, '_partials', 'config'), fields, pages: [page, other]};
    return {site, version, page};
  }

  function twin(baseUrl = '/'): {markdown: string; tree: Root; fields: string[]} {
    const {site, version, page} = fixture(baseUrl);
    const result = pageTwin(page, version, site);
    const markdown = serializeMarkdown(result.tree);
    return {markdown, tree: reparse(markdown), fields: result.fields};
  }

  it('starts with the title, the front matter description and where the rest is', () => {
    const {markdown} = twin();
    assert.ok(
      markdown.startsWith('# Fixture overview\n\n> A page for the tests.\n\nvCluster 0.1.0 · [web page](https://docs.example/docs/intro) · [all of 0.1.0 in one file](https://docs.example/llms-full.txt)\n'),
      markdown.slice(0, 300),
    );
    assert.ok(!/^(import|export) /mu.test(markdown), 'no ESM');
    assert.ok(!markdown.includes('title: Fixture'), 'no front matter');
  });

  it('keeps what only looks like a directive, and drops expressions and heading-id comments', () => {
    const {markdown} = twin();
    assert.ok(markdown.includes('Tolerations look like key=value:NoSchedule, also in code: `key=value:NoSchedule`.'), markdown);
    assert.ok(markdown.includes('\n## Heading with an id\n'), 'the id comment is gone');
    assert.ok(!markdown.includes('{1 + 1}') && !markdown.includes('custom-id'));
  });

  it('turns admonitions into quotes led by their kind and title', () => {
    const {markdown} = twin();
    assert.ok(markdown.includes('> **Warning: Choose once**\n>\n> Body **bold**.\n'), markdown);
    assert.ok(markdown.includes('> **Tip**\n>\n> No title.\n'), markdown);
  });

  it('replaces components by their meaning or their children, inlines imported MDX once, and warns of the rest', () => {
    const {markdown} = twin();
    assert.ok(markdown.includes('Kept child text'), 'an unknown component by its children');
    assert.ok(markdown.includes('Notes from another file, with a [link](https://docs.example/docs/other.md).'), 'an imported MDX file, its links resolved from it');
    assert.equal(markdown.split('Once.').length - 1, 1, 'a file importing itself is inlined once');
    assert.ok(markdown.includes('```yaml\n# yaml-language-server: $schema=https://docs.example/schemas/0.1.0/vcluster.schema.json\n```'), 'EditorSchema by its meaning');
    assert.ok(markdown.includes('## Fields added (1)\n\n- [`alpha.one`](https://docs.example/docs/other.md#alpha-one) `string`'), 'a generated partial that is no reference, with links from its folder');
    assert.ok(warnings.some((warning) => warning.includes('<Tabs>')), `warned: ${warnings.join('; ')}`);
    assert.ok(warnings.some((warning) => warning.includes('imports itself')), `warned: ${warnings.join('; ')}`);
  });

  it('points every link to a page at its twin, absolute, with and without a baseUrl', () => {
    assert.deepEqual(links(twin().tree).slice(0, 8), [
      'https://docs.example/docs/intro',
      'https://docs.example/llms-full.txt',
      'https://docs.example/docs/other.md#part',
      'https://docs.example/docs/intro.md#alpha-one',
      'https://docs.example/docs/other.md',
      'https://docs.example/docs/0.0.9/other.md#x',
      'https://example.com/x',
      'https://docs.example/docs/other.md',
    ]);
    assert.ok(links(twin().tree).includes('https://docs.example/schemas/0.1.0/vcluster.schema.json'), 'a site file, absolute');
    assert.deepEqual(links(twin('/pr-7/').tree).slice(0, 8), [
      'https://docs.example/pr-7/docs/intro',
      'https://docs.example/pr-7/llms-full.txt',
      'https://docs.example/pr-7/docs/other.md#part',
      'https://docs.example/pr-7/docs/intro.md#alpha-one',
      'https://docs.example/pr-7/docs/other.md',
      'https://docs.example/pr-7/docs/0.0.9/other.md#x',
      'https://example.com/x',
      'https://docs.example/pr-7/docs/other.md',
    ]);
  });

  it('replaces each reference partial by its fields, each once per page, below the heading it sits under', () => {
    const {tree, fields, markdown} = twin();
    assert.deepEqual(fields, ['alpha', 'alpha.one', 'alpha.deep', 'alpha.deep.x']);
    assert.deepEqual(fieldHeadings(tree), fields, 'the second partial adds none of the fields the first showed');
    const depths = tree.children.filter((node): node is Heading => node.type === 'heading' && node.children[0]?.type === 'inlineCode').map((heading) => heading.depth);
    assert.deepEqual(depths, [3, 3, 3, 3], 'one level below "## Reference"');
    assert.ok(markdown.includes('### `alpha.deep.x`\n\n`integer` · Pro\n'), markdown);
    assert.deepEqual(htmlNodes(tree), []);
  });

  it('writes llms-full.txt with every page and every field exactly once, a field on no page included', () => {
    const {site, version} = fixture();
    const markdown = serializeMarkdown(llmsFull(version, site));
    const tree = reparse(markdown);
    assert.deepEqual(notExactlyOnce(fieldHeadings(tree), FIELDS.map((record) => record.path)), {duplicated: [], missing: [], unexpected: []});
    assert.ok(markdown.startsWith('# Fixture site: vCluster 0.1.0\n\n> A site for tests.\n'), markdown.slice(0, 200));
    assert.ok(markdown.includes('\n## Fixture overview\n') && markdown.includes('\n## Other\n'), 'each page is a section');
    assert.ok(markdown.includes('\n### Heading with an id\n'), "a page's headings one level deeper");
    assert.ok(markdown.includes('The reference of `alpha` (4 fields) is in the Reference part at the end of this file'), markdown);
    assert.ok(markdown.includes('\n## Reference\n'), markdown);
    assert.deepEqual(htmlNodes(tree), []);
  });

  it('writes llms.txt in the llmstxt.org form', () => {
    const {site, version} = fixture();
    const markdown = serializeMarkdown(llmsTxt([version, {...version, version: '0.0.9', pages: []}], site));
    const tree = reparse(markdown);
    const [title, summary, details, section] = tree.children;
    assert.equal((title as Heading).depth, 1);
    assert.equal(summary.type, 'blockquote');
    assert.equal(details.type, 'paragraph');
    assert.equal((section as Heading).depth, 2);
    assert.ok(markdown.includes('## vCluster 0.1.0 (current)\n\n- [vCluster 0.1.0 in one file](https://docs.example/llms-full.txt): every page and all 5 fields of the reference\n'), markdown);
    assert.ok(markdown.includes('- [Fixture overview](https://docs.example/docs/intro.md): A page for the tests.\n'), 'its own description');
    assert.ok(markdown.includes('- [Other](https://docs.example/docs/other.md): The other page.\n'), 'the first sentence of a derived one');
    assert.ok(markdown.includes('## vCluster 0.0.9\n\n- [vCluster 0.0.9 in one file](https://docs.example/docs/0.0.9/llms-full.txt)'), markdown);
    assert.equal(tree.children.filter((node): node is List => node.type === 'list').length, 2, 'one list per version');
  });
});
