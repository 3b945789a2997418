/**
 * Descriptions: the plain-prose fast path gives the parser's tree; the rules
 * that make parsed Markdown safe; and the two escaping functions.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import type {Nodes, RootContent} from 'mdast';
import {normaliseDescription} from '../../src/generator/model/descriptionRules';
import {descriptionToMdast, isPlainProse, parseMarkdown, plainParagraphs} from '../../src/generator/render/description';
import {escapeHtml, jsLiteral} from '../../src/generator/render/escape';
import {chartDir, readSchema, schemaDescriptions} from '../support/chart';
import {SAMPLE_RELEASES} from '../support/versions';
import {decodeHtml, renderPartial} from '../support/mdx';

/** A tree without `position` (the fast path has none), as plain data. */
function withoutPositions(nodes: readonly RootContent[]): unknown {
  return JSON.parse(JSON.stringify(nodes, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

function* walk(nodes: readonly Nodes[]): Generator<Nodes> {
  for (const node of nodes) {
    yield node;
    if ('children' in node) yield* walk(node.children as Nodes[]);
  }
}

function textOf(nodes: readonly Nodes[]): string {
  return [...walk(nodes)].map((node) => ('value' in node && node.type !== 'html' ? node.value : '')).join('');
}

const types = (nodes: readonly Nodes[]) => new Set([...walk(nodes)].map((node) => node.type));

describe('isPlainProse fast path', () => {
  test('gives the same tree as the parser for every plain description in the real schemas', () => {
    let plain = 0;
    let total = 0;
    for (const version of SAMPLE_RELEASES) {
      for (const raw of new Set(schemaDescriptions(readSchema(chartDir(version))))) {
        const description = normaliseDescription(raw);
        if (!description.trim()) continue;
        total++;
        if (!isPlainProse(description)) continue;
        plain++;
        assert.deepEqual(withoutPositions(plainParagraphs(description)), withoutPositions(parseMarkdown(description)), JSON.stringify(description));
      }
    }
    assert.ok(plain > total / 2, `only ${plain} of ${total} descriptions take the fast path`);
  });

  test('gives the same tree as the parser for generated prose (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9'",.;:()$%=?/+-]{0,8}$/);
    const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '  ', '\n \n', '\n\n\n', ' \n', '. ', ', ');
    const prose = fc.array(fc.tuple(word, separator), {minLength: 1, maxLength: 12}).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(prose, (raw) => {
        const description = normaliseDescription(raw);
        if (!description.trim() || !isPlainProse(description)) return;
        assert.deepEqual(withoutPositions(plainParagraphs(description)), withoutPositions(parseMarkdown(description)), JSON.stringify(description));
      }),
      {numRuns: 1500},
    );
  });

  test('is not taken for Markdown', () => {
    for (const markdown of ['a `code` b', '*em*', '- item', '1. item', '# heading', '> quote', 'a <b> c', 'see https://x.io', 'a {b} c', 'x\n\n\ny', 'a | b']) {
      assert.equal(isPlainProse(markdown), false, markdown);
    }
    assert.equal(isPlainProse('Plain words, nothing else.'), true);
  });
});

describe('description rules', () => {
  test('raw HTML becomes text', () => {
    const inline = parseMarkdown('Use <controlPlane-component> or <b>bold</b> here.');
    assert.ok(!types(inline).has('html'));
    assert.equal(textOf(inline), 'Use <controlPlane-component> or <b>bold</b> here.');
    const block = parseMarkdown('<script>alert(1)</script>\n\nafter');
    assert.ok(!types(block).has('html'));
    assert.equal(block[0].type, 'paragraph', 'block HTML becomes a paragraph of text');
    assert.equal(textOf([block[0]]), '<script>alert(1)</script>');
    const comment = parseMarkdown('<!-- note -->');
    assert.equal(textOf(comment), '<!-- note -->');
    const nested = parseMarkdown('- item with <i>tag</i>\n\n> <div>quoted</div>');
    assert.ok(!types(nested).has('html'), 'also inside lists and quotes');
  });

  test('javascript: and other unsafe links become text', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example']) {
      const nodes = parseMarkdown(`A [click me](${url}) link.`);
      assert.ok(!types(nodes).has('link'), url);
      assert.ok(textOf(nodes).includes('click me'), `${url}: keeps the link text`);
      assert.ok(textOf(nodes).includes(url), `${url}: shows the address as text`);
    }
    const autolink = parseMarkdown('<javascript:alert(1)>');
    assert.ok(!types(autolink).has('link'), 'an autolink too');
    for (const url of ['https://example.com', 'http://example.com', 'mailto:a@b.c', '#anchor', '/docs/page', './relative', '../up']) {
      const nodes = parseMarkdown(`A [safe](${url}) link.`);
      const link = [...walk(nodes)].find((node) => node.type === 'link');
      assert.ok(link && link.type === 'link' && link.url === url, `${url} stays a link`);
    }
  });

  test('headings become strong paragraphs', () => {
    for (const markdown of ['# Title', '### Title', 'Title\n=====', 'Title\n---']) {
      const nodes = parseMarkdown(`${markdown}\n\nBody text.`);
      assert.ok(!types(nodes).has('heading'), markdown);
      const [first] = nodes;
      assert.equal(first.type, 'paragraph', markdown);
      assert.ok(first.type === 'paragraph' && first.children.length === 1 && first.children[0].type === 'strong', `${markdown}: a strong paragraph`);
      assert.equal(textOf([first]), 'Title');
    }
    assert.ok(!types(parseMarkdown('> ## Quoted heading')).has('heading'), 'inside a quote too');
  });

  test('images and reference definitions do not render as such', () => {
    const nodes = parseMarkdown('![diagram](https://example.com/x.png)\n\n[ref]: https://example.com');
    assert.ok(!types(nodes).has('image'));
    assert.ok(!types(nodes).has('definition'));
    assert.ok(textOf(nodes).includes('https://example.com/x.png'));
  });

  test('descriptionToMdast: empty text gives nothing; the same text gives the same tree', () => {
    assert.deepEqual(descriptionToMdast(''), []);
    assert.deepEqual(descriptionToMdast('  \n '), []);
    assert.deepEqual(withoutPositions(descriptionToMdast('Some *text*.')), withoutPositions(parseMarkdown('Some *text*.')));
  });
});

describe('escape.ts', () => {
  const evaluate = (source: string): unknown => new Function(`return (${source});`)() as unknown;
  // A `"__proto__"` key means something else in a JavaScript object literal; props never have one.
  const jsonValue = fc
    .jsonValue()
    .map((value) => JSON.parse(JSON.stringify(value)) as unknown)
    .filter((value) => !JSON.stringify(value).includes('"__proto__"'));
  const nasty = fc.constantFrom('</script><script>alert(1)</script>', '<!--', '\u2028\u2029', '{`${x}`}', "'\"\\", '<ConfigField f={{}} />', 'export const toc = 1');
  const value = fc.oneof(jsonValue, nasty, fc.dictionary(fc.string().filter((key) => key !== '__proto__'), nasty, {noNullPrototype: true}), fc.array(fc.oneof(nasty, fc.string())));

  test('jsLiteral: evaluates (and parses as JSON) to the same value; no <, U+2028 or U+2029 in it', () => {
    fc.assert(
      fc.property(value, (input) => {
        const literal = jsLiteral(input);
        assert.ok(!/[<\u2028\u2029]/.test(literal), literal);
        assert.deepStrictEqual(evaluate(literal), input);
        assert.deepStrictEqual(JSON.parse(literal), input);
      }),
      {numRuns: 1000},
    );
  });

  test('jsLiteral: props reach the component unchanged through MDX', async () => {
    const samples = fc.sample(fc.dictionary(fc.string().filter((key) => key !== '__proto__'), fc.oneof(fc.string(), nasty), {maxKeys: 4, noNullPrototype: true}), {numRuns: 40, seed: 42});
    for (const props of [...samples, {name: '</script>', path: 'a{b}', anchor: '<x>', level: 2, depth: 0, type: 'string', yamlKeys: ['{', '}']}]) {
      const source = `<ConfigSection f={${jsLiteral({path: 'p', anchor: 'p', type: 'object', yamlKeys: []})}}>\n  <ConfigField f={${jsLiteral(props)}} />\n</ConfigSection>\n`;
      const {fields} = await renderPartial(source);
      assert.deepStrictEqual({...fields[0]}, props);
    }
  });

  test('escapeHtml: decodes back to the text; no markup characters left', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), nasty, fc.constantFrom('&amp;', '&#60;', '<key matching ^[0-9]+$>', '[] (each item)')), (text) => {
        const escaped = escapeHtml(text);
        assert.ok(!/[<>"']/.test(escaped), escaped);
        assert.ok(!/&(?!#\d+;)/.test(escaped), `every & starts a character reference: ${escaped}`);
        assert.equal(decodeHtml(escaped), text);
      }),
      {numRuns: 1000},
    );
    assert.equal(escapeHtml('plain text'), 'plain text', 'plain text is unchanged');
  });
});
