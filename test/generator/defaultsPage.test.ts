/**
 * The default-values partial: for every real version it compiles, runs and
 * renders (MDX 3, the site's component), shows the chart's values.yaml as
 * it is, links each key that is a field to the field on the page the page
 * policy names, and gives every field of the version a line id. On fixtures:
 * comments and keys are found exactly, and defaults that changed since the
 * previous documented release are marked, from the field records' history.
 */
import assert from 'node:assert/strict';
import {describe, test, before} from 'node:test';
import {parse} from 'yaml';
import {createDefaultsFile, type DefaultsInputs} from '../../src/generator/defaults/defaultsFile';
import {changesSinceBase, createDefaultsOutput} from '../../src/generator/defaults/defaultsPartial';
import {createDefaultsPartial} from '../../src/generator/defaults/createDefaultsPartial';
import {scanValues} from '../../src/generator/defaults/scanValues';
import {loadChart} from '../../src/generator/load/loadChart';
import type {PipelineOutput} from '../../src/generator/pipeline';
import {serializePartial} from '../../src/generator/render/serialize';
import {attr, hasClass, parseHtml, textOf, walkElements, type HtmlElement, type HtmlNode} from '../../src/lib/html';
import {DEFAULTS_FILE, docsDirFor} from '../../src/reference/files';
import {indexFields, type FieldIndex} from '../../src/reference/fieldIndex';
import {pageMapFor, type PageMap} from '../../src/reference/pageMap';
import {pageForField} from '../../src/reference/pageForField';
import {PUBLISHED_VALUES, defaultsLineId, docsRoute, publishedUrl} from '../../src/reference/urls';
import {PROJECT_ROOT, chartDir} from '../support/chart';
import {runRealPipeline} from '../support/sitePipeline';
import {CURRENT, DOCUMENTED, LINE, SAMPLE_DOCUMENTED} from '../support/versions';
import {fieldRecord} from '../support/fieldRecords';
import {renderPartial} from '../support/render';

/** The file's text as the page shows it: the `<pre>`, without the marks that are not part of the file. */
function shownFile(nodes: HtmlNode[]): string {
  const pre = [...walkElements(nodes)].find((element) => element.tagName === 'pre');
  assert.ok(pre, 'the page has the file in a <pre>');
  const strip = (node: HtmlNode): string => {
    if ('tagName' in node && hasClass(node, 'defaults__changed')) return '';
    if ('childNodes' in node && 'tagName' in node) return node.childNodes.map(strip).join('');
    return textOf(node);
  };
  return strip(pre);
}

const elements = (html: string): HtmlElement[] => [...walkElements(parseHtml(html))];

describe('the default-values partial of every real version', () => {
  let outputs: PipelineOutput[];
  let pages: Map<string, PageMap>;
  let current: string;

  before(async () => {
    current = CURRENT;
    pages = new Map(DOCUMENTED.map((version) => [version, pageMapFor(docsDirFor(PROJECT_ROOT, version, current), PROJECT_ROOT)]));
    ({outputs} = await runRealPipeline(SAMPLE_DOCUMENTED));
  });

  for (const version of SAMPLE_DOCUMENTED) {
    test(`${version}: compiles and renders; the file as it is; every key of a field linked by the page policy; a line id for every field`, async (t) => {
      const output = outputs.find((candidate) => candidate.reference.version === version)!;
      const {index} = output.reference;
      const chart = await loadChart(chartDir(version));
      const valuesText = chart.valuesText!;
      assert.equal(output.editorFiles?.get(PUBLISHED_VALUES), valuesText, 'the published values.yaml is the chart file, unchanged');

      const rendered = await renderPartial(output.reference.files.get(DEFAULTS_FILE)!);
      assert.deepEqual(rendered.exports, [], 'the partial exports nothing');
      const nodes = parseHtml(rendered.html);
      const all = [...walkElements(nodes)];
      assert.equal(shownFile(nodes), valuesText.replace(/\r\n?/g, '\n'), 'the page shows values.yaml exactly, comments included');
      assert.deepEqual(parse(shownFile(nodes)), parse(valuesText));

      const download = all.find((element) => attr(element, 'download') !== undefined);
      assert.equal(download && attr(download, 'href'), publishedUrl(version, PUBLISHED_VALUES), 'the download link is the published file');

      // Links: to the field's anchor, on the page the page policy names, which imports a partial showing it.
      const {byAnchor} = indexFields(index);
      const pageMap = pages.get(version)!;
      const pageByRoute = new Map([...pageMap.routes].map(([page, route]) => [docsRoute(version, current, route), page]));
      const links = all.filter((element) => element.tagName === 'a' && hasClass(element, 'defaults__link'));
      const problems: string[] = [];
      for (const link of links) {
        const [route, anchor] = attr(link, 'href')!.split('#');
        const record = byAnchor.get(anchor);
        if (!record) {
          problems.push(`${attr(link, 'href')}: no field has the anchor ${anchor}`);
          continue;
        }
        const page = pageByRoute.get(route);
        if (page !== pageForField(record, pageMap.pagesByPartial)) problems.push(`${record.path}: links to ${route}, the page policy says ${pageForField(record, pageMap.pagesByPartial)}`);
        if (!page || !pageMap.partialsByPage.get(page)!.some((partial) => record.partials.includes(partial))) problems.push(`${record.path}: ${route} shows no partial with the field`);
        if (attr(link, 'aria-label') !== record.path) problems.push(`${record.path}: the link is named ${attr(link, 'aria-label')}`);
        // The link's text is the key as written; below a map field it is a key of the map.
        const written = parse(textOf(link)) as unknown;
        const key = record.path.endsWith('.*') ? undefined : record.path.match(/(?:^|\.)([A-Za-z_][A-Za-z0-9_]*)$|\["((?:[^"\\]|\\.)*)"\]$/u);
        if (key && String(written) !== (key[1] ?? JSON.parse(`"${key[2]}"`))) problems.push(`${record.path}: the link's text is ${textOf(link)}`);
      }
      assert.deepEqual(problems.slice(0, 20), []);

      // Ids: unique; every field of the version has exactly one, on its key or on an ancestor's.
      const ids = all.map((element) => attr(element, 'id')).filter((id): id is string => id !== undefined);
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
      const idSet = new Set(ids);
      const missing = index.fields.filter((record) => !idSet.has(defaultsLineId(record.anchor))).map((record) => record.path);
      assert.deepEqual(missing, [], 'every field has a line id');

      const keys = all.filter((element) => hasClass(element, 'defaults__key'));
      const keyCount = scanValues(valuesText).keys.length;
      assert.equal(keys.length, keyCount, 'every key of the file is shown as a key');
      assert.ok(links.length > keyCount * 0.8, `most keys are linked: ${links.length} of ${keyCount}`);
      const marks = all.filter((element) => hasClass(element, 'defaults__changed')).length;
      // The generator's own counts agree with what is shown.
      const {counts} = createDefaultsOutput(chart, version, index, pageMap, LINE);
      assert.deepEqual([counts.keys, counts.linked, counts.changed], [keyCount, links.length, marks]);
      assert.equal(counts.inValue + counts.unknown + counts.noPage, keyCount - links.length);
      t.diagnostic(`${version}: ${JSON.stringify(counts)}; HTML ${(rendered.html.length / 1024).toFixed(0)} KB`);
    });
  }
});

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

const FIXTURE_VALUES = `# Top: <script>alert(1)</script> {braces} \`code\`
controlPlane:
  # The distro's switch.
  enabled: true # trailing comment
  image: "nginx#1" # a quoted value with a hash
  list:
    - name: a
  script: |
    # in a block scalar, not a comment
    echo hi
free:
  cpu: 1
unknown: 2 #no space before it is still a comment
`;

function fixtureIndex(): FieldIndex {
  const fields = [
    fieldRecord('controlPlane'),
    fieldRecord('controlPlane.enabled', {type: 'boolean', defaultChanges: [{version: '1.1.0', fromYaml: 'null', toYaml: 'false'}, {version: '1.2.0', fromYaml: 'false', toYaml: 'true'}]}),
    fieldRecord('controlPlane.image', {type: 'string', defaultChanges: [{version: '1.1.0', fromYaml: 'nginx', toYaml: '"nginx#1"'}]}),
    fieldRecord('controlPlane.list', {type: 'object[]'}),
    fieldRecord('controlPlane.list[]'),
    fieldRecord('controlPlane.list[].name', {type: 'string', defaultChanges: [{version: '1.2.0', fromYaml: 'x', toYaml: 'y'}]}),
    fieldRecord('controlPlane.script', {type: 'string', defaultChanges: [{version: '1.1.5', toYaml: 'echo hi'}]}),
    fieldRecord('controlPlane.missing', {type: 'string'}),
    fieldRecord('free', {type: 'object'}),
    fieldRecord('gone', {type: 'string'}),
  ];
  return {version: '1.2.0', fields, partials: {'a.mdx': 'controlPlane'}};
}

const FIXTURE_PAGES = {pagesByPartial: new Map([['a.mdx', ['/site/docs/a.mdx']]]), routes: new Map([['/site/docs/a.mdx', 'section/a']])};

function fixtureInputs(extra: Partial<DefaultsInputs> = {}): DefaultsInputs {
  return {version: '1.2.0', current: '1.2.0', valuesText: FIXTURE_VALUES, index: fixtureIndex(), pages: FIXTURE_PAGES, previous: '1.1.0', markChangesIn: new Set(['1.2.0']), ...extra};
}

async function renderFixture(inputs: DefaultsInputs): Promise<HtmlElement[]> {
  const {props} = createDefaultsFile(inputs);
  const rendered = await renderPartial(serializePartial(createDefaultsPartial(props)));
  return elements(rendered.html);
}

describe('the default-values partial on fixtures', () => {
  test('comments are the file\'s comments: not a `#` in a quoted value or a block scalar', () => {
    const {comments, keys} = scanValues(FIXTURE_VALUES);
    assert.deepEqual(
      comments.map(([start, end]) => FIXTURE_VALUES.slice(start, end)),
      ['# Top: <script>alert(1)</script> {braces} `code`', "# The distro's switch.", '# trailing comment', '# a quoted value with a hash', '#no space before it is still a comment'],
    );
    assert.deepEqual(
      keys.map((key) => FIXTURE_VALUES.slice(key.start, key.end)),
      ['controlPlane', 'enabled', 'image', 'list', 'name', 'script', 'free', 'cpu', 'unknown'],
    );
  });

  test('keys with anchors, tags, quotes and flow maps; a collection as key; an alias as key', () => {
    const text = `&a "quoted#key": 1\n!!str tagged: {inner: [x, {deep: 1}]}\n? [complex, key]\n: v\n*a : alias-key\n'single': 2\n`;
    const {keys, comments} = scanValues(text);
    assert.deepEqual(comments, []);
    assert.deepEqual(
      keys.map((key) => [text.slice(key.start, key.end), key.segments?.map((segment) => (segment.kind === 'property' ? segment.key : '[]')).join('.')]),
      [['"quoted#key"', 'quoted#key'], ['tagged', 'tagged'], ['inner', 'tagged.inner'], ['deep', 'tagged.inner.[].deep'], ["'single'", 'single']],
    );
  });

  test('links, plain keys, stubs and counts', async () => {
    const {counts, props} = createDefaultsFile(fixtureInputs());
    assert.deepEqual(counts, {keys: 9, linked: 7, inValue: 1, unknown: 1, noPage: 0, changed: 1, stubs: 3});
    assert.deepEqual(props[3], ['/docs/section/a']);
    const shown = await renderFixture(fixtureInputs());
    const links = shown.filter((element) => hasClass(element, 'defaults__link'));
    assert.deepEqual(
      links.map((link) => [textOf(link), attr(link, 'href'), attr(link, 'id') ?? null]),
      [
        ['controlPlane', '/docs/section/a#controlPlane', 'values-controlPlane'],
        ['enabled', '/docs/section/a#controlPlane-enabled', 'values-controlPlane-enabled'],
        ['image', '/docs/section/a#controlPlane-image', 'values-controlPlane-image'],
        ['list', '/docs/section/a#controlPlane-list', 'values-controlPlane-list'],
        ['name', '/docs/section/a#controlPlane-list-items-name', 'values-controlPlane-list-items-name'],
        ['script', '/docs/section/a#controlPlane-script', 'values-controlPlane-script'],
        ['free', '/docs/section/a#free', 'values-free'],
      ],
    );
    const plain = shown.filter((element) => hasClass(element, 'defaults__key') && !hasClass(element, 'defaults__link')).map(textOf);
    assert.deepEqual(plain, ['cpu', 'unknown'], 'a key inside a free-form value and a key the schema lacks are plain text');
    // A field with no key of its own: its id just before its nearest ancestor's key; with no ancestor, at the start.
    const stubs = shown.filter((element) => hasClass(element, 'defaults__stubs'));
    assert.deepEqual(stubs.map((stub) => stub.childNodes.map((node) => attr(node as HtmlElement, 'id'))), [['values-gone'], ['values-controlPlane-missing'], ['values-controlPlane-list-items']]);
    const comments = shown.filter((element) => hasClass(element, 'defaults__comment')).map(textOf);
    assert.equal(comments[0], '# Top: <script>alert(1)</script> {braces} `code`', 'a hostile comment shows as its text');
    assert.ok(!shown.some((element) => element.tagName === 'script'));
  });

  test('a default changed since the previous documented release is marked on its line, with the value before', async () => {
    const shown = await renderFixture(fixtureInputs());
    const marks = shown.filter((element) => hasClass(element, 'defaults__changed'));
    assert.equal(marks.length, 1, 'only controlPlane.enabled: image changed in 1.1.0, list[].name is below a list item');
    assert.equal(textOf(marks[0]).trim(), 'changed in 1.2.0, was false');
    assert.equal(attr(marks[0], 'title'), 'Default in 1.1.0: false');
    // On the line of `enabled`, after its trailing comment.
    const file = textOf(shown.find((element) => element.tagName === 'pre')!);
    assert.match(file, /enabled: true # trailing comment changed in 1\.2\.0, was false\n/u);
  });

  test('a history-only release since the previous documented one counts; the badge names the last change and the value before the first', async () => {
    const inputs = fixtureInputs({markChangesIn: new Set(['1.2.0', '1.1.5', '1.1.0']), previous: '1.0.0'});
    const marks = (await renderFixture(inputs)).filter((element) => hasClass(element, 'defaults__changed'));
    assert.deepEqual(
      marks.map((mark) => [textOf(mark).trim(), attr(mark, 'title')]),
      [
        ['changed in 1.2.0, was null', 'Default in 1.0.0: null'],
        ['changed in 1.1.0, was nginx', 'Default in 1.0.0: nginx'],
        ['changed in 1.1.5, was unset', 'Default in 1.0.0: no default'],
      ],
    );
  });

  test('without the version\'s pages no key is linked, and every field still has its id', async () => {
    const {counts} = createDefaultsFile(fixtureInputs({pages: undefined}));
    assert.equal(counts.linked, 0);
    assert.equal(counts.noPage, 7);
    const ids = new Set((await renderFixture(fixtureInputs({pages: undefined}))).map((element) => attr(element, 'id')));
    for (const record of fixtureIndex().fields) assert.ok(ids.has(defaultsLineId(record.anchor)), record.path);
  });

  test('which releases a page marks: those since its what-changed base, the newest release of the minor before', () => {
    const line = {releases: ['0.9.0', '1.1.0', '1.1.5', '1.2.0', '1.2.1', '1.3.0', '1.3.2'], documented: ['1.3.2', '1.2.0', '1.1.0']};
    assert.deepEqual(changesSinceBase('1.3.2', line), {previous: '1.2.1', releases: new Set(['1.3.0', '1.3.2'])}, 'a patch: its minor\'s .0 and itself');
    assert.deepEqual(changesSinceBase('1.2.0', line), {previous: '1.1.5', releases: new Set(['1.2.0'])});
    assert.deepEqual(changesSinceBase('1.1.0', line), {previous: '0.9.0', releases: new Set(['1.1.0'])});
    assert.deepEqual(changesSinceBase('1.1.0', {...line, releases: line.releases.slice(1)}), {previous: undefined, releases: new Set(['1.1.0'])}, 'no earlier release: its own changes only');
  });
});
