/**
 * The compact reference of the Markdown twins: one entry per field, built as
 * an mdast tree from its field-index record. A heading holding only the
 * field's full path in code, one summary line (type, default, required, Pro,
 * deprecated, since, removed), its allowed values, its facts and default
 * changes as a list, then its description.
 *
 * The description goes through the generator's description rules (raw HTML
 * becomes text, unsafe links their text and address); the Markdown
 * serialiser escapes what would otherwise read as markup. A fact's evidence
 * is for maintainers and is never printed.
 */
import type {BlockContent, Heading, ListItem, PhrasingContent, RootContent} from 'mdast';
import {toYaml} from '../../generator/model/defaults';
import {descriptionToMdast} from '../../generator/render/description';
import {factLabel, proConditions, type Fact} from '../../reference/facts';
import type {FieldRecord} from '../../reference/fieldIndex';
import {markWebId} from './fragments';

const text = (value: string): PhrasingContent => ({type: 'text', value});
const code = (value: string): PhrasingContent => ({type: 'inlineCode', value});
const strong = (value: string): PhrasingContent => ({type: 'strong', children: [text(value)]});
const paragraph = (children: PhrasingContent[]): BlockContent => ({type: 'paragraph', children});
const yamlBlock = (value: string): BlockContent => ({type: 'code', lang: 'yaml', value});

const isOneLine = (yaml: string): boolean => !yaml.includes('\n');
const capitalise = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1);

/** Parts joined by ` · ` in one paragraph. */
function joined(parts: PhrasingContent[][]): PhrasingContent[] {
  return parts.flatMap((part, i) => (i ? [text(' · '), ...part] : part));
}

/** Only web links leave the twin as links: a fact's link is curated, but checked all the same. */
function readMore(link: string | undefined): PhrasingContent[] {
  if (!link) return [];
  return /^https?:\/\//iu.test(link) ? [text(' '), {type: 'link', url: link, children: [text('Read more')]}] : [text(` (${link})`)];
}

/** The text of a node, for a block where only inline content fits. */
function plainText(node: RootContent): string {
  if ('value' in node) return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(plainText).join(' ') : '';
}

/** The inline content of a fact's Markdown text (the generator's rules apply: no raw HTML, no unsafe links). */
function factText(markdown: string | undefined): PhrasingContent[] {
  if (!markdown) return [];
  return descriptionToMdast(markdown).flatMap((node, i) => {
    const inline = node.type === 'paragraph' ? node.children : [text(plainText(node))];
    return i ? [text(' '), ...inline] : inline;
  });
}

/** The summary line: what a reader scans for. */
function summary(record: FieldRecord): PhrasingContent[] {
  const facts: readonly Fact[] = record.facts ?? [];
  const parts: PhrasingContent[][] = [[code(record.type)]];
  if (record.defaultYaml !== undefined && isOneLine(record.defaultYaml)) parts.push([text('default '), code(record.defaultYaml)]);
  if (record.required) parts.push([text('required')]);
  const pro = proConditions(record.pro, facts);
  if (pro.pro) parts.push([text(pro.when.length ? `Pro ${pro.when.join(' or ')}` : 'Pro')]);
  if (record.deprecated) {
    const {replacement} = record;
    parts.push([
      text(record.deprecatedIn ? `deprecated since ${record.deprecatedIn}` : 'deprecated'),
      ...(replacement ? [text(': use '), code(replacement)] : []),
    ]);
  }
  if (record.since) parts.push([text(`since ${record.since}`)]);
  if (record.removedIn) parts.push([text(`removed in ${record.removedIn}`)]);
  return joined(parts);
}

function allowedValues(values: readonly unknown[]): BlockContent[] {
  const yaml = values.map((value) => toYaml(value));
  if (yaml.every(isOneLine)) return [paragraph([text('Allowed values: '), ...yaml.flatMap((value, i) => (i ? [text(', '), code(value)] : [code(value)]))])];
  return [paragraph([text('Allowed values:')]), yamlBlock(toYaml(values))];
}

/** Facts that say more than the summary line: each with its label and text. */
function factItems(facts: readonly Fact[]): ListItem[] {
  return facts
    .filter((fact) => fact.text || fact.link || fact.kind === 'default' || fact.kind === 'requires' || fact.kind === 'note')
    .map((fact) => ({
      type: 'listItem',
      spread: false,
      children: [paragraph([strong(`${capitalise(factLabel(fact))}:`), ...(fact.text ? [text(' '), ...factText(fact.text)] : []), ...readMore(fact.link)])],
    }));
}

function defaultChangeItems(record: FieldRecord): ListItem[] {
  return (record.defaultChanges ?? []).map(({version, fromYaml, toYaml}) => {
    const lead = `Default changed in ${version}`;
    const oneLine = (yaml: string | undefined): PhrasingContent => (yaml === undefined ? text('no default') : code(yaml));
    const block = (yaml: string | undefined): BlockContent => (yaml === undefined ? paragraph([text('no default')]) : yamlBlock(yaml));
    const children: BlockContent[] =
      isOneLine(fromYaml ?? '') && isOneLine(toYaml ?? '')
        ? [paragraph([text(`${lead}: from `), oneLine(fromYaml), text(' to '), oneLine(toYaml)])]
        : [paragraph([text(`${lead}, from:`)]), block(fromYaml), paragraph([text('to:')]), block(toYaml)];
    return {type: 'listItem', spread: false, children};
  });
}

/** One field's entry, its heading at `depth` (2 to 6). */
export function fieldEntry(record: FieldRecord, depth: number): RootContent[] {
  const heading: Heading = {type: 'heading', depth: Math.min(Math.max(depth, 1), 6) as Heading['depth'], children: [code(record.path)]};
  // Links to the field's anchor lead here, by the heading's text (fragments.ts).
  markWebId(heading, record.anchor);
  const blocks: RootContent[] = [heading, paragraph(summary(record))];
  if (record.defaultYaml !== undefined && !isOneLine(record.defaultYaml)) blocks.push(paragraph([text('Default:')]), yamlBlock(record.defaultYaml));
  if (record.allowedValues?.length) blocks.push(...allowedValues(record.allowedValues));
  const items = [...factItems(record.facts ?? []), ...defaultChangeItems(record)];
  if (items.length) blocks.push({type: 'list', ordered: false, spread: false, children: items});
  blocks.push(...descriptionToMdast(record.description));
  return blocks;
}

/** The entries of several fields, in the order given. */
export function fieldEntries(records: readonly FieldRecord[], depth: number): RootContent[] {
  return records.flatMap((record) => fieldEntry(record, depth));
}
