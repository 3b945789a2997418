/**
 * The hostile-input property, shared by test/hostile/fuzz.test.ts (a fixed
 * seed, FUZZ_RUNS cases, default 1000) and scripts/fuzz.ts (many more cases,
 * a random seed).
 *
 * Arbitrary small charts (a root object with 1–4 properties, objects nested up
 * to depth 3, lists of objects, maps via additionalProperties, enums, examples,
 * schema defaults and a values.yaml) whose names, descriptions, enum values,
 * examples and defaults are hostile: MDX/JSX and HTML syntax, script and event
 * handler payloads, ESM lines, Markdown punctuation, RTL and bidi controls,
 * emoji, 10,000+ character strings, keys with dots, dashes, spaces and
 * slashes. For each chart the whole generator runs in memory, every partial is
 * compiled and run with MDX 3 and rendered with the site's real components,
 * and the rendered HTML is checked:
 *
 * - nothing breaks: one partial per section, portable file names, the field
 *   index lists every field, every partial compiles, runs and renders;
 * - nothing executes: only the elements and attributes the components and
 *   Markdown produce (no script, img, iframe, svg, event handler, style or
 *   `javascript:` URL), no export but `toc`, TOC values that are HTML text;
 * - nothing is lost: each field's name is its heading's text; each enum value,
 *   example and default is shown as YAML that reads back as the original
 *   value; each description's text is shown in its field (see
 *   {@link descriptionKey} for exactly what is compared).
 *
 * The chart's values.yaml carries hostile comments too (the descriptions
 * before the keys, the names after the values), and its default-values
 * partial is checked the same way: it compiles, runs and renders, nothing
 * executes, the file shows exactly as it is (every comment as a comment),
 * each key that is a field links to it, every field has its line id, and a
 * changed-default mark shows the previous (hostile) value as text.
 */
import {isDeepStrictEqual} from 'node:util';
import fc from 'fast-check';
import {Document, isMap, isScalar, parse, parseDocument, visit, type Scalar, type YAMLMap} from 'yaml';
import {createDefaultsFile} from '../../src/generator/defaults/defaultsFile';
import {createDefaultsPartial} from '../../src/generator/defaults/createDefaultsPartial';
import {generateFromChart, type GeneratedReference} from '../../src/generator/generate';
import {serializePartial} from '../../src/generator/render/serialize';
import {lastKey, parsePath} from '../../src/reference/configPath';
import {INDEX_FILE, SCHEMA_COPY_FILE} from '../../src/reference/files';
import {defaultsLineId, docsRoute} from '../../src/reference/urls';
import {parseSchemaText, parseValuesText} from '../../src/generator/load/loadChart';
import {attr, childElements, childNodes, hasClass, isElement, parseHtml, textOf, walkElements, type HtmlElement, type HtmlNode} from '../../src/lib/html';
import {renderPartial} from './render';

// ---------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------

export const RTL_AND_BIDI = ['مرحبا بالعالم', 'שלום עולם', '\u202Eevil.exe\u202C', '\u200Fرتل\u200E', '\u2066isolate\u2069', 'abc\u202Edef'];
export const EMOJI_AND_UNICODE = ['🚀', '👩‍💻', '🏳️‍🌈', '👍🏽', 'e\u0301', '設定', 'Ωμέγα', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o', 'nb\u00A0sp', 'ls\u2028ps\u2029', 'bom\uFEFF', 'zw\u200Bsp', '\u{1F4A9}'];

/**
 * Inline pieces for descriptions. Each one's visible text is its source text
 * once {@link descriptionKey} has removed whitespace and Markdown punctuation:
 * raw HTML and braces show as the text they are, emphasis and code spans
 * show their content, and unsafe links and images become "text (url)".
 *
 * Not generated in descriptions, because Markdown itself hides part of their
 * text (so no generator could show it): links to safe addresses (the URL is
 * only in `href`), a fence's info string, an ordered list's first number,
 * entity references (`&amp;` reads `&`), task-list boxes, table rows with
 * more cells than the header, footnote and link reference definitions (the
 * generator drops these on purpose), NUL and other C0 controls, CR, and lone
 * surrogates. Names, values, examples and defaults do get entities, CR LF,
 * tabs and Markdown-looking text: they are shown through React and YAML.
 */
export const DESCRIPTION_ATOMS = [
  // MDX / JSX
  '{', '}', '{account}', '{alert(1)}', '{/* c */}', '${x}', '<Foo>', '</Foo>', '<Foo bar={1} />', '<details>', '</details>',
  '<ConfigField f={{}} />', '</ConfigField>', '</ConfigSection>', '<>', '</>',
  // HTML and script
  '<script>alert(1)</script>', '<script>window.__pwned=1</script>', '<!-- comment -->', '-->', '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:alert(1)">x</a>', '<div onclick="window.__pwned=1">d</div>', '<svg onload=alert(1)>', '<iframe src="javascript:alert(1)"></iframe>',
  '<style>*{display:none}</style>', '"\'', '<', 'a>b', '&', '/>',
  // ESM keywords (mid-line; ESM lines of their own are blocks below)
  "import x from 'y'", 'export const a = 1',
  // Markdown
  '*emph*', '**bold**', '_under_', '~~del~~', '`code {x} <b>`', '`', '``', '*', '_', '#', '|', 'a|b', '\\', '\\{', '\\<x>',
  '[x](javascript:window.__pwned=1)', '[y](data:text/html,<script>alert(1)</script>)', '![alt](https://example.com/i.png)', '[^note]',
  'https://example.com/a_b?c=d', 'user@example.com',
  ...RTL_AND_BIDI,
  ...EMOJI_AND_UNICODE,
];

/** Single characters for random description text: none starts a Markdown construct that hides text (see descriptionKey). */
const NOISE_CHARS = [...'abcxyzABCXYZ     {}/"\'$%^,.', 'é', 'ß', 'ا', 'ש', '\u202E', '😀', '\u0301', '\u00A0'];

/** Extra hostile strings for names, enum values, examples and defaults: shown through React and YAML, not Markdown. */
export const VALUE_ATOMS = [
  ...DESCRIPTION_ATOMS,
  '&lt;script&gt;', '&amp;', '&#x3C;b&#x3E;', '&nbsp;', '\n', 'a\nb', '\t', 'x\r\ny', ' ', '', ' padded ', '- a', '? x', 'key: value', ': x', '# comment', '&anchor', '*alias',
  '!tag', '%TAG', '@at', "'", '"', 'null', 'true', 'yes', 'off', '~', '1.0', '0x1F', '1e3', '.inf', '-', '---', '...', '<<', '```js', '```',
  '[a](https://example.com)', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'items', 'key', 'a.b', 'a-b', 'a b', 'a/b', '../x', '/etc/passwd',
  'C:\\x', 'app.kubernetes.io/name', '$ref', '#/definitions/x', '~1~0', '%2e%2e', 'a"b', "a'b", 'x: {y: z}', '[1, 2]', '{a: 1}', '|', '>',
  "export default function X() { return <script /> }",
];

const NAME_CHARS = [...'abcXYZ019._- /~:@#*|{}<>"\'`\\$&!?+=', 'é', 'ש', 'ا', '\u202E', '🚀', '\u00A0'];

/**
 * Strings of 10,000+ characters are drawn rarely (about 1 in 150 strings; in
 * the default run 184 of the 1000 charts have at least one): they cost most
 * of the time.
 */
const LONG_WEIGHT = 1;
/** Relative to the other description blocks (weights summing to 150). */
const LONG_DESCRIPTION_WEIGHT = 1;

/** A string of at least 10,000 characters built by repeating a hostile one. */
function longString(seed: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return seed.map((piece) => {
    const unit = piece.length ? piece : '<x>';
    return unit.repeat(Math.ceil(10_000 / unit.length) + 1);
  });
}

const nameArbitrary: fc.Arbitrary<string> = fc.oneof(
  {weight: 60, arbitrary: fc.constantFrom(...VALUE_ATOMS)},
  {weight: 40, arbitrary: fc.string({unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 12})},
  {weight: 20, arbitrary: fc.tuple(fc.constantFrom(...VALUE_ATOMS), fc.constantFrom(...VALUE_ATOMS)).map(([a, b]) => a + b)},
  {weight: 10, arbitrary: fc.constantFrom('enabled', 'image', 'name')},
  {weight: LONG_WEIGHT, arbitrary: longString(fc.constantFrom('a.b-c d/', '<script>', '{account}', 'ש', '🚀'))},
);

export const hostileStringArbitrary: fc.Arbitrary<string> = fc.oneof(
  {weight: 80, arbitrary: fc.constantFrom(...VALUE_ATOMS)},
  {weight: 40, arbitrary: fc.array(fc.constantFrom(...VALUE_ATOMS), {minLength: 2, maxLength: 5}).map((parts) => parts.join(''))},
  {weight: 30, arbitrary: fc.string({unit: fc.constantFrom(...NAME_CHARS, '\n', '\t'), maxLength: 16})},
  {weight: LONG_WEIGHT, arbitrary: longString(fc.array(fc.constantFrom(...VALUE_ATOMS), {minLength: 1, maxLength: 4}).map((parts) => parts.join(' ')))},
);

const numberArbitrary = fc.oneof(
  fc.integer(),
  fc.double({noNaN: true, noDefaultInfinity: true}).map((value) => (Object.is(value, -0) ? 0 : value)),
);

/** JSON values with hostile strings, as keys too (built with Object.fromEntries, so `__proto__` is an own key). */
export const hostileValueArbitrary: fc.Arbitrary<unknown> = fc.letrec<{value: unknown; scalar: unknown}>((tie) => ({
  scalar: fc.oneof({weight: 6, arbitrary: hostileStringArbitrary}, numberArbitrary, fc.boolean(), fc.constant(null)),
  value: fc.oneof(
    {weight: 5, arbitrary: tie('scalar')},
    {weight: 1, arbitrary: fc.array(tie('scalar'), {maxLength: 3})},
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.tuple(nameArbitrary, tie('scalar')), {selector: ([key]) => key, maxLength: 3})
        .map((entries) => Object.fromEntries(entries)),
    },
  ),
})).value;

// ---------------------------------------------------------------------------
// Descriptions: Markdown blocks with a known visible text
// ---------------------------------------------------------------------------

export interface Described {
  /** The description as written in the schema. */
  source: string;
  /** What a reader sees, up to {@link descriptionKey}: the source without block markers (`- `, `> `, fences, table rules). */
  visible: string;
}

const inlinePiece = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...DESCRIPTION_ATOMS)},
  {weight: 2, arbitrary: fc.string({unit: fc.constantFrom(...NOISE_CHARS), minLength: 1, maxLength: 12})},
);
/** Pieces on one line. */
const inlineLine = fc.array(inlinePiece, {minLength: 1, maxLength: 6}).map((pieces) => pieces.join(' '));
/** Pieces over one or more lines (a paragraph, or lines that interrupt it). */
const inlineLines = fc
  .array(fc.tuple(inlinePiece, fc.constantFrom(' ', ' ', '\n')), {minLength: 1, maxLength: 6})
  .map((pairs) => pairs.map(([piece, separator], i) => (i === 0 ? piece : separator + piece)).join(''));
/** Table cells: no pipe, no backslash (it would escape the cell's closing pipe). */
const cell = fc.constantFrom(...DESCRIPTION_ATOMS.filter((atom) => !/[|\\]/.test(atom) && atom.trim() === atom && atom !== ''));

const same = (text: string): Described => ({source: text, visible: text});

const blockArbitrary: fc.Arbitrary<Described> = fc.oneof(
  {weight: 60, arbitrary: inlineLines.map(same)},
  {weight: 10, arbitrary: inlineLine.map((line) => ({source: `# ${line}`, visible: line}))},
  {weight: 10, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '+ '), inlineLine).map(([marker, line]) => ({source: marker + line, visible: line}))},
  {weight: 10, arbitrary: inlineLine.map((line) => ({source: `> ${line}`, visible: line}))},
  {weight: 10, arbitrary: fc.tuple(fc.constantFrom('```', '~~~'), inlineLines).map(([fence, text]) => ({source: `${fence}\n${text}\n${fence}`, visible: text}))},
  {weight: 10, arbitrary: inlineLine.map((line) => ({source: `    ${line}`, visible: line}))},
  {
    weight: 10,
    arbitrary: fc.tuple(cell, cell, cell, cell).map(([a, b, c, d]) => ({source: `| ${a} | ${b} |\n| --- | --- |\n| ${c} | ${d} |`, visible: `${a}${b}${c}${d}`})),
  },
  {
    weight: 20,
    arbitrary: fc
      .constantFrom(
        "import x from 'y'",
        'export const a = 1',
        'export const toc = []',
        'export default function X() { return <script /> }',
        "import {x} from './evil.mdx'",
        '<script>\nwindow.__pwned=1\n</script>',
        '<details>\n<summary>s</summary>\nhidden?\n</details>',
        '<!--\nmulti-line comment\n-->',
        '<div onclick="window.__pwned=1">\n\n*md*\n\n</div>',
        '</details>\n</ConfigField>\n<ConfigField f={{name: "x"}}>',
      )
      .map(same),
  },
  {weight: 10, arbitrary: fc.constantFrom('***', '---').map((rule) => ({source: rule, visible: ''}))},
  {
    weight: LONG_DESCRIPTION_WEIGHT,
    arbitrary: fc.array(inlinePiece, {minLength: 1, maxLength: 8}).map((pieces) => {
      let text = pieces.join(' ');
      while (text.length < 10_000) text += ` ${pieces.join(' ')}`;
      return same(text);
    }),
  },
);

export const descriptionArbitrary: fc.Arbitrary<Described> = fc
  .array(blockArbitrary, {minLength: 1, maxLength: 3})
  // A blank line between blocks: each block is parsed on its own (no lazy lines, HTML blocks end).
  .map((blocks) => ({source: blocks.map((b) => b.source).join('\n\n'), visible: blocks.map((b) => b.visible).join('\n\n')}));

/**
 * What is compared for descriptions: the text without whitespace (Markdown
 * reflows lines, a table puts no space between cells, an unsafe link becomes
 * "text (url)") and without the punctuation Markdown consumes as syntax
 * (`\` escapes, `` ` `` code spans, `*` `_` `~` emphasis, `#` headings, `|`
 * tables, `[` `]` `(` `)` `!` links and images). Everything else — letters,
 * digits, `<` `>` `{` `}` `/` `=` `"` `'` `&` `:` and all non-ASCII text —
 * must be shown, in order, contiguously.
 */
export function descriptionKey(text: string): string {
  return text.replace(/[\s\\`*_~|#[\]()!]/gu, '');
}

/** Whitespace runs as one space: how names and values are compared (HTML turns CR LF into LF). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

// ---------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------

export type LeafType = 'string' | 'integer' | 'number' | 'boolean' | 'array';

export interface LeafShape {
  kind: 'leaf';
  type: LeafType;
  enum?: unknown[];
  default?: {value: unknown};
  examples?: unknown[];
}
export interface ObjectShape {
  kind: 'object';
  properties: Property[];
  required: string[];
}
export interface ArrayShape {
  kind: 'array';
  /** Description of the item schema. */
  description?: Described;
  items: ObjectShape;
}
export interface MapShape {
  kind: 'map';
  /** Description of the value schema. */
  description?: Described;
  values: ObjectShape | LeafShape;
}
export type Shape = LeafShape | ObjectShape | ArrayShape | MapShape;

export interface Property {
  name: string;
  description?: Described;
  shape: Shape;
  /** The property's entry in values.yaml (leaves, lists and maps; objects hold their properties'). */
  value?: {value: unknown};
}

export interface HostileChart {
  description?: Described;
  properties: Property[];
}

const MAX_DEPTH = 3;

const optional = <T>(arbitrary: fc.Arbitrary<T>, freq = 2) => fc.option(arbitrary, {nil: undefined, freq});

const leafArbitrary: fc.Arbitrary<LeafShape> = fc
  .record({
    type: fc.constantFrom<LeafType>('string', 'string', 'integer', 'number', 'boolean', 'array'),
    enum: optional(fc.array(hostileValueArbitrary, {minLength: 1, maxLength: 4}), 3),
    default: optional(hostileValueArbitrary.map((value) => ({value})), 3),
    examples: optional(fc.array(hostileValueArbitrary, {minLength: 1, maxLength: 2}), 4),
  })
  .map((leaf) => ({kind: 'leaf' as const, ...leaf}));

function uniqueProperties(depth: number, minLength: number, maxLength: number): fc.Arbitrary<Property[]> {
  return fc.uniqueArray(propertyArbitrary(depth), {selector: (property) => property.name, minLength, maxLength});
}

function objectArbitrary(depth: number): fc.Arbitrary<ObjectShape> {
  return uniqueProperties(depth, 1, 3).chain((properties) =>
    fc.subarray(properties.map((p) => p.name)).map((required) => ({kind: 'object' as const, properties, required})),
  );
}

function shapeArbitrary(depth: number): fc.Arbitrary<Shape> {
  if (depth >= MAX_DEPTH) return leafArbitrary;
  return fc.oneof(
    {weight: 5, arbitrary: leafArbitrary},
    {weight: 2, arbitrary: objectArbitrary(depth + 1)},
    {weight: 1, arbitrary: fc.record({kind: fc.constant('array' as const), description: optional(descriptionArbitrary), items: objectArbitrary(depth + 1)})},
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('map' as const),
        description: optional(descriptionArbitrary),
        values: fc.oneof(leafArbitrary, objectArbitrary(depth + 1)),
      }),
    },
  );
}

const mapValueArbitrary = fc
  .uniqueArray(fc.tuple(nameArbitrary, hostileValueArbitrary), {selector: ([key]) => key, maxLength: 3})
  .map((entries) => Object.fromEntries(entries));

function valueArbitrary(shape: Shape): fc.Arbitrary<{value: unknown} | undefined> {
  switch (shape.kind) {
    case 'object':
      return fc.constant(undefined);
    case 'leaf':
      return optional(hostileValueArbitrary.map((value) => ({value})), 2);
    case 'array':
      return optional(fc.array(mapValueArbitrary, {maxLength: 2}).map((value) => ({value})), 3);
    case 'map':
      return optional(mapValueArbitrary.map((value) => ({value})), 2);
  }
}

function propertyArbitrary(depth: number): fc.Arbitrary<Property> {
  return fc
    .record({name: nameArbitrary, description: optional(descriptionArbitrary, 2), shape: shapeArbitrary(depth)})
    .chain((property) => valueArbitrary(property.shape).map((value) => ({...property, value})));
}

export const hostileChartArbitrary: fc.Arbitrary<HostileChart> = fc.record({
  description: optional(descriptionArbitrary),
  properties: uniqueProperties(1, 1, 4),
});

// ---------------------------------------------------------------------------
// Chart → values.schema.json + values.yaml
// ---------------------------------------------------------------------------

type Json = Record<string, unknown>;

function described(schema: Json, description: Described | undefined): Json {
  return description ? {description: description.source, ...schema} : schema;
}

function shapeSchema(shape: Shape): Json {
  switch (shape.kind) {
    case 'leaf': {
      const schema: Json = shape.type === 'array' ? {type: 'array', items: {type: 'string'}} : {type: shape.type};
      if (shape.enum) schema.enum = shape.enum;
      if (shape.default) schema.default = shape.default.value;
      if (shape.examples) schema.examples = shape.examples;
      return schema;
    }
    case 'object':
      return {
        type: 'object',
        properties: Object.fromEntries(shape.properties.map((p) => [p.name, described(shapeSchema(p.shape), p.description)])),
        ...(shape.required.length ? {required: shape.required} : {}),
      };
    case 'array':
      return {type: 'array', items: described(shapeSchema(shape.items), shape.description)};
    case 'map':
      return {type: 'object', additionalProperties: described(shapeSchema(shape.values), shape.description)};
  }
}

export function chartSchema(chart: HostileChart): Json {
  return described(shapeSchema({kind: 'object', properties: chart.properties, required: []}), chart.description);
}

function valuesOf(properties: Property[]): Json | undefined {
  const entries: Array<[string, unknown]> = [];
  for (const property of properties) {
    if (property.shape.kind === 'object') {
      const nested = valuesOf(property.shape.properties);
      if (nested) entries.push([property.name, nested]);
    } else if (property.value) entries.push([property.name, property.value.value]);
  }
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** A comment as a chart could hold it: line breaks are `\n` (a CR would end the comment and start YAML). */
const asComment = (text: string) => text.replace(/\r\n?/g, '\n');

/** Hostile comments on a map of values: each property's description before its key, its name after a scalar value. */
function commentValues(map: YAMLMap, properties: Property[]): void {
  for (const pair of map.items) {
    const key = pair.key as Scalar;
    const property = properties.find((candidate) => candidate.name === key.value);
    if (!property) continue;
    if (property.description) key.commentBefore = asComment(property.description.source);
    if (isScalar(pair.value)) pair.value.comment = asComment(property.name);
    else if (property.shape.kind === 'object' && isMap(pair.value)) commentValues(pair.value, property.shape.properties);
  }
}

/** values.yaml, serialised with the `yaml` package, with the hostile comments of {@link valuesComments}. */
export function chartValuesYaml(chart: HostileChart): string {
  const values = valuesOf(chart.properties);
  if (!values) return '';
  const document = new Document(values);
  if (chart.description) document.commentBefore = asComment(chart.description.source);
  commentValues(document.contents as YAMLMap, chart.properties);
  return document.toString();
}

/** Every comment line {@link chartValuesYaml} writes, as the lines of text after `#`. */
export function valuesComments(chart: HostileChart): string[] {
  if (!valuesOf(chart.properties)) return [];
  const lines: string[] = [];
  // The yaml package starts a comment line after U+2028 and U+2029 too (JavaScript's line terminators).
  const add = (text: string | undefined) => text !== undefined && lines.push(...asComment(text).split(/[\n\u2028\u2029]/u));
  add(chart.description?.source);
  const visitProperties = (properties: Property[], values: Json) => {
    for (const property of properties) {
      if (!Object.prototype.hasOwnProperty.call(values, property.name)) continue;
      add(property.description?.source);
      const value = values[property.name];
      if (value === null || typeof value !== 'object') add(property.name);
      else if (property.shape.kind === 'object') visitProperties(property.shape.properties, value as Json);
    }
  };
  visitProperties(chart.properties, valuesOf(chart.properties)!);
  return lines.filter((line) => line.trim() !== '');
}

// ---------------------------------------------------------------------------
// What must be shown
// ---------------------------------------------------------------------------

interface ExpectedField {
  /** The key; undefined for a list item or map value. */
  key?: string;
  description: string;
  default?: {value: unknown};
  enum?: unknown[];
  examples?: unknown[];
  children: ExpectedField[];
}

/** The fields the generator must document, mirroring its tree: list items and map values of objects are fields too. */
/** Properties in the order the generator sees them: JSON objects put integer-like keys ("9") first. */
function inSchemaOrder(properties: Property[]): Property[] {
  const byName = Object.fromEntries(properties.map((property) => [property.name, property]));
  return Object.keys(byName).map((name) => byName[name]);
}

function expectedField(property: Property, belowContainer: boolean): ExpectedField {
  const field: ExpectedField = {key: property.name, description: property.description?.visible ?? '', children: []};
  const shape = property.shape;
  // values.yaml is read along object keys only; below a list item or map value, the schema's default is shown.
  const fromValues = belowContainer ? undefined : property.value;
  if (shape.kind === 'leaf') {
    field.default = fromValues ?? shape.default;
    field.enum = shape.enum;
    field.examples = shape.examples;
  } else if (shape.kind === 'object') {
    field.children = inSchemaOrder(shape.properties).map((child) => expectedField(child, belowContainer));
  } else if (shape.kind === 'array') {
    field.children = [{description: shape.description?.visible ?? '', children: inSchemaOrder(shape.items.properties).map((child) => expectedField(child, true))}];
  } else if (shape.values.kind === 'object') {
    field.children = [{description: shape.description?.visible ?? '', children: inSchemaOrder(shape.values.properties).map((child) => expectedField(child, true))}];
  } else {
    // A map of scalars is one field (`map[string]string`); its default is the whole map.
    field.default = fromValues;
  }
  return field;
}

function* preorder(fields: ExpectedField[]): Generator<ExpectedField> {
  for (const field of fields) {
    yield field;
    yield* preorder(field.children);
  }
}

// ---------------------------------------------------------------------------
// Checks on the rendered HTML
// ---------------------------------------------------------------------------

/** Elements the components and the Markdown of descriptions produce; anything else came from input. */
const ALLOWED_TAGS = new Set([
  'div', 'details', 'summary', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'span', 'button', 'p', 'pre', 'strong', 'em', 'del',
  'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr',
]);
const ALLOWED_ATTRIBUTES = new Set(['id', 'class', 'href', 'type', 'title', 'open', 'start', 'role', 'tabindex', 'lang', 'dir']);
/** ARIA and data attributes carry no behaviour. */
const isAllowedAttribute = (name: string) => ALLOWED_ATTRIBUTES.has(name) || /^(aria|data)-[a-z-]+$/.test(name);
const SAFE_HREF = /^(#[A-Za-z0-9_.~-]*|https?:\/\/[^\s]*|mailto:[^\s]*)$/i;

class Problems {
  readonly list: string[] = [];
  check(condition: boolean, message: () => string): void {
    if (!condition && this.list.length < 20) this.list.push(message());
  }
}

const show = (text: string, max = 120) => {
  const json = JSON.stringify(text);
  return json.length > max ? `${json.slice(0, max)}…(${text.length} chars)` : json;
};

/** Plain data for comparing YAML read back with the original: maps as sorted entry lists, so key order and Map vs object do not matter. */
function canonical(value: unknown): unknown {
  if (value instanceof Map) return ['map', [...value].map(([k, v]) => [canonical(k), canonical(v)]).sort(byJson)];
  if (Array.isArray(value)) return ['list', value.map(canonical)];
  if (value !== null && typeof value === 'object') return ['map', Object.entries(value).map(([k, v]) => [k, canonical(v)]).sort(byJson)];
  return value;
}
const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

function readsBackAs(yamlText: string, expected: unknown): boolean {
  try {
    return isDeepStrictEqual(canonical(parse(yamlText, {mapAsMap: true, maxAliasCount: -1})), canonical(expected));
  } catch {
    return false;
  }
}

/**
 * The facts line of a field or section: label ("Default", "Allowed", "Example"
 * or "Examples", ...) → the YAML texts shown after it, each a `<code>` or
 * `<pre>`. Read from the text in document order, so it does not depend on how
 * the line is wrapped in elements.
 */
export function factsOf(container: HtmlElement): Map<string, string[]> {
  const facts = new Map<string, string[]>();
  const line = childElements(container).find((element) => hasClass(element, 'cfg__facts'));
  let label: string | undefined;
  const visit = (node: HtmlNode): void => {
    if (isElement(node) && (node.tagName === 'code' || node.tagName === 'pre')) {
      if (label !== undefined) facts.get(label)!.push(textOf(node));
    } else if (isElement(node)) {
      childNodes(node).forEach(visit);
    } else {
      const match = /([A-Z][a-z]+):\s*$/.exec(textOf(node));
      if (match) {
        label = match[1];
        facts.set(label, []);
      }
    }
  };
  if (line) childNodes(line).forEach(visit);
  return facts;
}

function checkFacts(where: string, container: HtmlElement, field: ExpectedField, problems: Problems): void {
  const facts = factsOf(container);
  const compare = (label: string, expected: unknown[] | undefined) => {
    const shown = facts.get(label);
    if (!expected) {
      problems.check(shown === undefined, () => `${where}: shows ${label} but none was given`);
      return;
    }
    problems.check(shown !== undefined && shown.length === expected.length, () => `${where}: ${label} shows ${shown?.length ?? 0} values, expected ${expected.length}`);
    expected.forEach((value, i) =>
      problems.check(shown?.[i] !== undefined && readsBackAs(shown[i], value), () => `${where}: ${label} value ${i} is shown as ${show(shown?.[i] ?? '(nothing)')}, which does not read back as ${show(JSON.stringify(value))}`),
    );
  };
  compare('Default', field.default && [field.default.value]);
  compare('Allowed', field.enum);
  compare(field.examples && field.examples.length > 1 ? 'Examples' : 'Example', field.examples);
}

function checkDescription(where: string, nodes: HtmlNode[], field: ExpectedField, problems: Problems): void {
  const shown = descriptionKey(textOf(nodes));
  const expected = descriptionKey(field.description);
  problems.check(shown.includes(expected), () => `${where}: the description's text ${show(expected)} is not shown; the field shows ${show(shown)}`);
}

/** A field's head line: its heading, type and badges (and actions, added in the browser), before its description. */
function isHeadPart(node: HtmlNode): boolean {
  return isElement(node) && (/^h[2-6]$/.test(node.tagName) || node.tagName === 'code' || hasClass(node, 'badge') || hasClass(node, 'cfg__actions'));
}

/** One ConfigField: its heading, description, facts and nested fields, against the expected field. */
function checkField(where: string, element: HtmlElement, field: ExpectedField, headings: HtmlElement[], problems: Problems): void {
  const hasChildren = field.children.length > 0;
  problems.check(hasClass(element, 'cfg') && element.tagName === 'div', () => `${where}: field element is <${element.tagName} class="${attr(element, 'class')}">`);
  const parts = childElements(element);
  // The head line: the heading (the field element's first child), type and badges.
  const heading = parts[0] && /^h[2-6]$/.test(parts[0].tagName) ? parts[0] : undefined;
  if (!heading) {
    problems.check(false, () => `${where}: no heading`);
    return;
  }
  headings.push(heading);
  const label = `${where} > ${show(field.key ?? '(item or map value)', 60)}`;
  if (field.key !== undefined) {
    problems.check(collapseWhitespace(textOf(heading)) === collapseWhitespace(field.key), () => `${label}: heading shows ${show(textOf(heading))}`);
  }
  // The fold of the field's own fields: a `<details>` whose `<summary>` is text only (no control inside a control).
  const folds = parts.filter((part) => part.tagName === 'details');
  problems.check(folds.length === (hasChildren ? 1 : 0), () => `${label}: ${folds.length} folds, expected ${hasChildren ? 1 : 0}`);
  const summary = folds[0] && childElements(folds[0])[0];
  if (folds[0]) {
    problems.check(summary?.tagName === 'summary' && childElements(summary).length === 0, () => `${label}: the fold's summary is not text only`);
  }
  const descriptionNodes = childNodes(element).filter(
    (node) => !isHeadPart(node) && !(isElement(node) && (node.tagName === 'details' || ['cfg__facts', 'cfg__recursion', 'cfg'].some((c) => hasClass(node, c)))),
  );
  checkDescription(label, descriptionNodes, field, problems);
  checkFacts(label, element, field, problems);
  const nested = folds[0] ? childElements(folds[0]).filter((part) => hasClass(part, 'cfg')) : [];
  problems.check(parts.every((part) => !hasClass(part, 'cfg')), () => `${label}: a nested field outside the fold`);
  problems.check(nested.length === field.children.length, () => `${label}: ${nested.length} nested fields shown, expected ${field.children.length}`);
  field.children.forEach((child, i) => nested[i] && checkField(label, nested[i], child, headings, problems));
}

/** What the default-values file adds: links to a route of the site, and the download link's `download`. */
const DEFAULTS_FILE_ALLOWED = {attributes: new Set(['download']), href: /^\/[A-Za-z0-9_.~/-]*(#[A-Za-z0-9_.~-]*)?$/};

function checkSafeHtml(file: string, nodes: HtmlNode[], problems: Problems, also?: typeof DEFAULTS_FILE_ALLOWED): void {
  const ids = new Set<string>();
  for (const element of walkElements(nodes)) {
    problems.check(ALLOWED_TAGS.has(element.tagName), () => `${file}: rendered a <${element.tagName}> element`);
    for (const {name, value} of element.attrs) {
      problems.check(isAllowedAttribute(name) || !!also?.attributes.has(name), () => `${file}: <${element.tagName}> has an attribute ${name}=${show(value)}`);
      if (name === 'href') problems.check(SAFE_HREF.test(value) || !!also?.href.test(value), () => `${file}: link to ${show(value)}`);
      if (name === 'id') {
        problems.check(!ids.has(value), () => `${file}: id ${show(value)} is not unique`);
        ids.add(value);
      }
    }
  }
}

/** File names the generator may write: relative, portable segments, none `.` or `..`, at most 255 bytes each. */
function checkFileName(file: string, problems: Problems): void {
  const segments = file.split('/');
  problems.check(
    /\.mdx$/.test(file) && segments.every((s) => /^[A-Za-z0-9._~-]+$/.test(s) && s !== '.' && s !== '..' && Buffer.byteLength(s) <= 255),
    () => `unportable partial file name ${show(file)}`,
  );
}

/** Whether the chart's values hold a value at a path of keys alone. */
function valuesHave(values: unknown, path: string): boolean {
  let current = values;
  for (const segment of parsePath(path)) {
    if (segment.kind !== 'property' || current === null || typeof current !== 'object' || Array.isArray(current)) return false;
    if (!Object.prototype.hasOwnProperty.call(current, segment.key)) return false;
    current = (current as Json)[segment.key];
  }
  return true;
}

/**
 * The default-values partial of the chart, every section shown by one page
 * (`/docs/reference`) and every default marked as changed (from itself, as
 * YAML: hostile text in the mark): compiles, runs and renders; nothing
 * executes; the file shows exactly, each injected comment in a comment; every
 * key is shown as a key, linked to its field where it is one; every field
 * has its line id; each mark shows the previous value as text.
 */
async function checkDefaultsFile(reference: GeneratedReference, valuesText: string, chart: HostileChart, problems: Problems): Promise<void> {
  const file = 'the default-values partial';
  const PREVIOUS = 'fuzz-previous';
  const index = {...reference.index, fields: reference.index.fields.map((record) => (record.defaultYaml === undefined ? record : {...record, defaultChanges: [{version: 'fuzz', fromYaml: record.defaultYaml}]}))};
  const page = '/fuzz/docs/reference.mdx';
  const pages = {pagesByPartial: new Map(Object.keys(index.partials).map((partial) => [partial, [page]])), routes: new Map([[page, 'reference']])};
  const {props} = createDefaultsFile({version: 'fuzz', current: 'fuzz', valuesText, index, pages, previous: PREVIOUS, markChangesIn: new Set(['fuzz'])});
  let rendered;
  try {
    rendered = await renderPartial(serializePartial(createDefaultsPartial(props)));
  } catch (error) {
    problems.check(false, () => `${file}: does not compile, run or render: ${(error as Error).message.split('\n')[0]}`);
    return;
  }
  problems.check(rendered.exports.length === 0, () => `${file}: exports ${show(rendered.exports.join(', '))}`);
  const nodes = parseHtml(rendered.html);
  checkSafeHtml(file, nodes, problems, DEFAULTS_FILE_ALLOWED);
  const elements = [...walkElements(nodes)];
  const pre = elements.find((element) => element.tagName === 'pre');
  const marks = elements.filter((element) => hasClass(element, 'defaults__changed'));
  const shown = (node: HtmlNode): string => (isElement(node) && hasClass(node, 'defaults__changed') ? '' : isElement(node) ? childNodes(node).map(shown).join('') : textOf(node));
  const fileShown = pre ? shown(pre) : '';
  // HTML reads a CR as a line break, as YAML does.
  problems.check(fileShown === valuesText.replace(/\r\n?/g, '\n'), () => `${file}: shows ${show(fileShown, 300)}, not values.yaml ${show(valuesText, 300)}`);

  const comments = elements.filter((element) => hasClass(element, 'defaults__comment')).map(textOf);
  for (const line of valuesComments(chart)) problems.check(comments.some((comment) => comment.includes(line.trim())), () => `${file}: the comment line ${show(line)} is not shown as a comment`);
  for (const comment of comments) problems.check(comment.startsWith('#') || valuesText === '', () => `${file}: a comment ${show(comment)} does not start with #`);

  // The keys of the file in order, as the yaml package reads them.
  const keyValues: unknown[] = [];
  visit(parseDocument(valuesText, {uniqueKeys: false}), {Pair: (_, pair) => void keyValues.push(isScalar(pair.key) ? pair.key.value : pair.key)});
  const keys = elements.filter((element) => hasClass(element, 'defaults__key'));
  problems.check(keys.length === keyValues.length, () => `${file}: ${keys.length} keys shown, values.yaml has ${keyValues.length}`);
  const byPath = new Map(index.fields.map((record) => [record.path, record]));
  keys.forEach((key, i) => {
    if (key.tagName !== 'a') return;
    const record = byPath.get(attr(key, 'aria-label') ?? '');
    const href = attr(key, 'href');
    problems.check(record !== undefined && href === `${docsRoute('fuzz', 'fuzz', 'reference')}#${record.anchor}`, () => `${file}: the key ${show(textOf(key))} links to ${show(href ?? '')} as ${show(attr(key, 'aria-label') ?? '')}`);
    // A key that is a field's own key (not a key of a map field) is the field's last key.
    if (!record || parsePath(record.path).at(-1)?.kind !== 'property') return;
    problems.check(String(keyValues[i]) === lastKey(record.path), () => `${file}: the key ${show(String(keyValues[i]))} links to ${show(record.path)}`);
  });
  const ids = new Set(elements.map((element) => attr(element, 'id')));
  for (const record of index.fields) problems.check(ids.has(defaultsLineId(record.anchor)), () => `${file}: no line id for ${show(record.path)}`);

  const values = valuesOf(chart.properties) ?? {};
  const marked = index.fields.filter((record) => record.defaultYaml !== undefined && parsePath(record.path).every((segment) => segment.kind === 'property') && valuesHave(values, record.path));
  problems.check(marks.length === marked.length, () => `${file}: ${marks.length} changed-default marks, expected ${marked.length}`);
  for (const mark of marks) {
    const title = attr(mark, 'title') ?? '';
    problems.check(marked.some((record) => title === `Default in ${PREVIOUS}: ${record.defaultYaml}`), () => `${file}: a mark's title ${show(title)} is no field's previous default`);
    problems.check(/^ changed in fuzz, was /.test(textOf(mark)), () => `${file}: a mark reads ${show(textOf(mark))}`);
  }
}

export interface CaseResult {
  partials: number;
  fields: number;
  /** Characters of schema + values.yaml text. */
  inputChars: number;
}

/** The property: generate, compile, run, render and check every partial of one hostile chart. Throws listing every problem. */
export async function checkHostileChart(chart: HostileChart): Promise<CaseResult> {
  const schemaText = JSON.stringify(chartSchema(chart), null, 2);
  const valuesText = chartValuesYaml(chart);
  const reference = generateFromChart(
    {
      schemaFile: 'values.schema.json',
      valuesFile: 'values.yaml',
      schema: parseSchemaText('values.schema.json', schemaText),
      schemaText,
      values: parseValuesText('values.yaml', valuesText),
    },
    'fuzz',
  );
  const problems = new Problems();
  const expected = inSchemaOrder(chart.properties).map((property) => expectedField(property, false));
  const allFields = [...preorder(expected)];
  // A partial per section (each top-level key, each field with fields), in the generator's pre-order.
  const sections = allFields.filter((field) => expected.includes(field) || field.children.length > 0);
  const partialFiles = [...reference.files.keys()].filter((file) => file !== INDEX_FILE && file !== SCHEMA_COPY_FILE);
  problems.check(partialFiles.length === sections.length, () => `${partialFiles.length} partials written for ${sections.length} sections`);
  problems.check(reference.files.get(SCHEMA_COPY_FILE) === schemaText, () => 'the schema copy differs from the schema');
  problems.check(reference.fieldCount === allFields.length, () => `the field index lists ${reference.fieldCount} fields, expected ${allFields.length}`);
  problems.check(Object.keys(reference.index.partials).length === sections.length, () => `the field index lists ${Object.keys(reference.index.partials).length} partials`);
  const index = JSON.parse(reference.files.get(INDEX_FILE) ?? 'null') as {fields?: unknown[]} | null;
  problems.check(index?.fields?.length === allFields.length, () => `${INDEX_FILE} does not list every field`);

  for (const [i, file] of partialFiles.entries()) {
    checkFileName(file, problems);
    const section = sections[i];
    if (!section) continue;
    const source = reference.files.get(file)!;
    let rendered;
    try {
      rendered = await renderPartial(source);
    } catch (error) {
      problems.check(false, () => `${file}: does not compile, run or render: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    problems.check(rendered.exports.join() === 'toc', () => `${file}: exports ${show(rendered.exports.join(', '))}, expected only toc`);
    const nodes = parseHtml(rendered.html);
    checkSafeHtml(file, nodes, problems);

    const root = nodes.find(isElement);
    if (!root || !hasClass(root, 'cfg-section')) {
      problems.check(false, () => `${file}: does not render one ConfigSection`);
      continue;
    }
    const parts = childElements(root);
    if (section.key !== undefined) {
      const path = textOf(parts.find((part) => hasClass(part, 'cfg-section__path'))?.childNodes.filter(isElement)[1] ?? []);
      problems.check(path.endsWith(section.key) || path.endsWith(`[${JSON.stringify(section.key)}]`), () => `${file}: section path ${show(path)} does not end with ${show(section.key!)}`);
    }
    const descriptionNodes = childNodes(root).filter((node) => !isElement(node) || !['cfg-section__path', 'cfg__facts', 'cfg'].some((c) => hasClass(node, c)));
    checkDescription(file, descriptionNodes, section, problems);
    checkFacts(file, root, section, problems);
    const fieldElements = parts.filter((part) => hasClass(part, 'cfg'));
    problems.check(fieldElements.length === section.children.length, () => `${file}: ${fieldElements.length} fields shown, expected ${section.children.length}`);
    const headings: HtmlElement[] = [];
    section.children.forEach((child, j) => fieldElements[j] && checkField(file, fieldElements[j], child, headings, problems));

    // The TOC: Docusaurus renders each `value` as HTML, so it must be the heading's text, escaped.
    problems.check(rendered.toc.length === headings.length, () => `${file}: ${rendered.toc.length} TOC entries for ${headings.length} fields`);
    rendered.toc.forEach((entry, j) => {
      const heading = headings[j];
      const parsed = parseHtml(entry.value);
      problems.check(parsed.every((node) => node.nodeName === '#text'), () => `${file}: TOC value ${show(entry.value)} holds HTML markup`);
      problems.check(!/[<>"']/.test(entry.value), () => `${file}: TOC value ${show(entry.value)} is not HTML-escaped`);
      if (heading) {
        problems.check(entry.id === attr(heading, 'id'), () => `${file}: TOC entry ${j} links to ${show(entry.id)}, the heading's id is ${show(attr(heading, 'id') ?? '')}`);
        problems.check(collapseWhitespace(textOf(parsed)) === collapseWhitespace(textOf(heading)), () => `${file}: TOC entry ${show(entry.value)} does not read as the heading ${show(textOf(heading))}`);
      }
    });
  }
  await checkDefaultsFile(reference, valuesText, chart, problems);
  if (problems.list.length) {
    throw new Error(`${problems.list.length} problem(s):\n- ${problems.list.join('\n- ')}`);
  }
  return {partials: partialFiles.length + 1, fields: allFields.length, inputChars: schemaText.length + valuesText.length};
}

// ---------------------------------------------------------------------------
// Running it
// ---------------------------------------------------------------------------

export interface FuzzOptions {
  numRuns: number;
  seed: number;
  /** fast-check's replay path of a failure (printed with it). */
  path?: string;
  log?: (line: string) => void;
}

export interface FuzzStats {
  seed: number;
  /** Cases run (the property was called this often). */
  cases: number;
  partials: number;
  totalMs: number;
  slowestMs: number;
  slowest?: CaseResult;
}

/** Runs the property `numRuns` times from `seed`; throws fast-check's report (with seed and path to replay) on a failure. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzStats> {
  const stats: FuzzStats = {seed: options.seed, cases: 0, partials: 0, totalMs: 0, slowestMs: 0};
  const started = performance.now();
  const property = fc.asyncProperty(hostileChartArbitrary, async (chart) => {
    const caseStarted = performance.now();
    const result = await checkHostileChart(chart);
    const ms = performance.now() - caseStarted;
    stats.cases++;
    stats.partials += result.partials;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowest = result;
    }
  });
  try {
    await fc.assert(property, {numRuns: options.numRuns, seed: options.seed, includeErrorInReport: true, ...(options.path ? {path: options.path} : {})});
  } finally {
    stats.totalMs = performance.now() - started;
  }
  return stats;
}

export function formatStats(stats: FuzzStats): string {
  const slowest = stats.slowest ? ` (${stats.slowest.partials} partials, ${stats.slowest.fields} fields, ${stats.slowest.inputChars} input chars)` : '';
  return (
    `${stats.cases} cases, ${stats.partials} partials, seed ${stats.seed}: ${(stats.totalMs / 1000).toFixed(1)} s in all, ` +
    `slowest case ${stats.slowestMs.toFixed(0)} ms${slowest}`
  );
}
