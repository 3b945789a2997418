/**
 * Every generated partial compiles with MDX 3 and renders with React, and
 * text from the schema shows as the text it is.
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {FieldRecord} from '../../src/reference/fieldIndex';
import {chartDir, fixtureDir, referenceFor} from '../support/chart';
import {SAMPLE_RELEASES} from '../support/versions';
import {CompilePool, decodeHtml, loadComponents, renderCompiled, renderPartial, type PartialComponents, type RenderedPartial} from '../support/mdx';

let components: PartialComponents;
let pool: CompilePool;

before(async () => {
  components = await loadComponents();
  pool = new CompilePool();
});

after(async () => {
  await pool.close();
});

/** How often ` id="…"` occurs in the HTML. */
function idCount(html: string, id: string): number {
  const needle = ` id="${id.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  return html.split(needle).length - 1;
}

/** Checks that hold for every partial: a toc of unique ids, one entry per field, each the field's name. */
function checkPartial(file: string, rendered: RenderedPartial): string[] {
  const problems: string[] = [];
  const {html, toc, fields} = rendered;
  const ids = toc.map((entry) => entry.id);
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length) problems.push(`${file}: toc ids repeat: ${[...new Set(duplicates)].join(', ')}`);
  const anchors = fields.map((field) => field.anchor);
  if (JSON.stringify(ids) !== JSON.stringify(anchors)) problems.push(`${file}: toc ids are not the rendered fields' anchors, in order`);
  if (rendered.sections.length !== 1) problems.push(`${file}: ${rendered.sections.length} ConfigSection elements, expected 1`);
  for (const entry of toc) {
    const field = fields.find((candidate) => candidate.anchor === entry.id);
    if (!field) continue;
    if (decodeHtml(entry.value) !== field.name) problems.push(`${file}: toc value ${JSON.stringify(entry.value)} is not the name ${JSON.stringify(field.name)}`);
    if (/[<>"']|&(?!#\d+;|#x[0-9a-f]+;|[a-z]+;)/i.test(entry.value)) problems.push(`${file}: toc value ${JSON.stringify(entry.value)} is not HTML-escaped`);
    if (entry.level !== field.level) problems.push(`${file}: toc level ${entry.level} for ${entry.id}, heading level ${field.level}`);
    if (idCount(html, entry.id) !== 1) problems.push(`${file}: id="${entry.id}" occurs ${idCount(html, entry.id)} times in the HTML`);
  }
  return problems;
}

/** Text from descriptions that MDX or HTML would read as syntax, and how it must show in the HTML. */
function literalTexts(description: string): Array<{text: string; html: string}> {
  const found: Array<{text: string; html: string}> = [];
  // `<name` starts a tag in HTML and JSX: it must show as text.
  for (const match of description.matchAll(/<\/?[A-Za-z][\w-]*>?/g)) {
    found.push({text: match[0], html: match[0].replace(/</g, '&lt;').replace(/>/g, '&gt;')});
  }
  // `{expression}` is JavaScript in MDX: it must show with its braces.
  for (const match of description.matchAll(/\{[^{}\n]*\}/g)) found.push({text: match[0], html: match[0]});
  return found;
}

function checkLiteralText(record: FieldRecord, html: string): string[] {
  return literalTexts(record.description)
    .filter(({html: expected}) => !html.includes(expected))
    .map(({text}) => `${record.path}: ${JSON.stringify(text)} from its description does not show as text in ${record.partial}`);
}

describe('every partial compiles and renders with MDX 3', () => {
  for (const version of SAMPLE_RELEASES) {
    test(`${version}: all partials`, async (t) => {
      t.diagnostic(`components: ${components.origin}`);
      const {files, index} = await referenceFor(chartDir(version), version);
      const rendered = new Map<string, RenderedPartial>();
      const problems: string[] = [];
      const partials = [...files].filter(([file]) => file.endsWith('.mdx'));
      // Compile on worker threads (all queued at once), then run and render here, in order.
      const compiled = partials.map(([, text]) => pool.compile(text));
      compiled.forEach((promise) => promise.catch(() => undefined));
      for (const [index, [file]] of partials.entries()) {
        let result: RenderedPartial;
        try {
          result = await renderCompiled(await compiled[index], components);
        } catch (error) {
          problems.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
          continue;
        }
        rendered.set(file, result);
        problems.push(...checkPartial(file, result));
      }
      let literals = 0;
      for (const record of index.fields) {
        const partial = rendered.get(record.partial);
        if (!partial) continue;
        literals += literalTexts(record.description).length;
        problems.push(...checkLiteralText(record, partial.html));
      }
      t.diagnostic(`${rendered.size} partials rendered; ${literals} angle-bracket or brace texts checked`);
      assert.deepEqual(problems.slice(0, 30), []);
      assert.ok(rendered.size > 0);
    });
  }

  test('some real description has angle-bracket text (such as <controlPlane-component>) to check', async () => {
    let found = 0;
    for (const version of SAMPLE_RELEASES) {
      const {index} = await referenceFor(chartDir(version), version);
      found += index.fields.filter((record) => /<[A-Za-z][\w-]*>/.test(record.description)).length;
    }
    assert.ok(found > 0, 'no description in any version has <name> in it: the literal-text check above checked nothing');
  });
});

describe('text that looks like markup (fixture chart "markup")', () => {
  test('renders as text, links only where safe, no toc entries from descriptions', async (t) => {
    const reference = await referenceFor(fixtureDir('markup'), 'markup');
    t.diagnostic(`components: ${components.origin}`);
    const problems: string[] = [];
    const html = new Map<string, string>();
    for (const [file, text] of reference.files) {
      if (!file.endsWith('.mdx')) continue;
      const result = await renderPartial(text, components);
      html.set(file, result.html);
      problems.push(...checkPartial(file, result));
      for (const entry of result.toc) assert.ok(reference.index.fields.some((record) => record.anchor === entry.id), `toc entry ${entry.id} is no field`);
    }
    for (const record of reference.index.fields) problems.push(...checkLiteralText(record, html.get(record.partial) ?? ''));
    assert.deepEqual(problems, []);

    const account = html.get(reference.index.fields.find((record) => record.path === 'account')!.partial)!;
    assert.ok(account.includes('{account}'), '{account} keeps its braces');
    assert.ok(account.includes('{{double}}'), '{{double}} keeps its braces');
    assert.ok(account.includes('&lt;controlPlane-component&gt;'));
    assert.ok(account.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'raw HTML shows as text');
    assert.ok(!/<script/i.test(account), 'no script element');
    assert.ok(!/href="javascript:/i.test(account), 'no javascript: link');
    assert.ok(account.includes('bad link'), 'the unsafe link keeps its text');
    assert.ok(account.includes('href="https://example.com/docs"'), 'a web link stays a link');
    assert.ok(!/<h1/.test(account), 'no heading from a description');
    assert.ok(/<strong>A heading in a description<\/strong>/.test(account), 'the heading becomes strong text');
    assert.ok(account.includes('<code>code {x} &lt;y&gt;</code>'), 'code spans keep their text');
    assert.ok(account.includes('&lt;unclosed-tag text'));

    for (const [file, text] of html) {
      assert.ok(!/<script/i.test(text), `${file}: no script element`);
    }
    const wrapperFile = reference.index.fields.find((record) => record.path === 'wrapper')!.partial;
    const wrapper = html.get(wrapperFile)!;
    assert.ok(wrapper.includes('export const notToc = 1;'), 'a description line starting with export is text, not ESM');
    assert.ok(wrapper.includes('import x from'), 'a description line starting with import is text');
    assert.ok(wrapper.includes('export const toc = [];'));
    assert.ok(wrapper.includes('&lt;!-- a comment --&gt;'), 'an HTML comment shows as text');
    assert.ok(wrapper.includes('{/* an MDX comment */}'), 'an MDX comment shows as text');
  });
});
