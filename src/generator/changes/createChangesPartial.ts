import type {Heading, List, PhrasingContent, Root, RootContent, Table, TableRow} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {FieldChange, ReleaseDiff, ReleaseFieldAt} from '../../reference/releases';
import {changeEntryId, type ChangeKind} from '../../reference/urls';

/** Where a field of a release is documented: a link target (relative file path or route, + anchor), or undefined if no page shows it. */
export type FieldLinker = (version: string, field: ReleaseFieldAt) => string | undefined;

const text = (value: string): PhrasingContent => ({type: 'text', value});
const code = (value: string): PhrasingContent => ({type: 'inlineCode', value});

/** An empty element with the entry's id, so a link (from the config checker) can land on one field's change. */
function entryTarget(kind: ChangeKind, record: ReleaseFieldAt): MdxJsxTextElement {
  return {type: 'mdxJsxTextElement', name: 'span', attributes: [{type: 'mdxJsxAttribute', name: 'id', value: changeEntryId(kind, record.anchor)}], children: []};
}

function fieldRef(version: string, record: ReleaseFieldAt, link: FieldLinker): PhrasingContent {
  const url = link(version, record);
  return url ? {type: 'link', url, children: [code(record.path)]} : code(record.path);
}

/** `## Fields added (3) {/* #added *\/}`: the count in the text, a stable id. */
function heading(kind: ChangeKind, value: string): Heading {
  return {type: 'heading', depth: 2, children: [text(`${value} `), {type: 'mdxTextExpression', value: `/* #${kind} */`} as PhrasingContent]};
}

/** ` (in 0.34.0)`: which releases made a change, when the page compares more than one step. */
function madeIn(diff: ReleaseDiff, change: FieldChange): PhrasingContent[] {
  return diff.steps.length > 1 && change.madeIn.length ? [text(` (in ${change.madeIn.join(', ')})`)] : [];
}

function fieldList(kind: ChangeKind, diff: ReleaseDiff, version: string, changes: FieldChange[], pick: 'before' | 'after', link: FieldLinker): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: changes.map((change) => {
      const record = change[pick]!;
      const extra: PhrasingContent[] = [text(' '), code(record.type)];
      if (record.pro) extra.push(text(' (Pro)'));
      extra.push(...madeIn(diff, change));
      const replacement = kind === 'deprecated' ? record.replacement : undefined;
      if (replacement) extra.push(text(': use '), code(replacement));
      return {type: 'listItem', spread: false, children: [{type: 'paragraph', children: [entryTarget(kind, record) as PhrasingContent, fieldRef(version, record, link), ...extra]}]};
    }),
  };
}

function row(cells: PhrasingContent[][]): TableRow {
  return {type: 'tableRow', children: cells.map((children) => ({type: 'tableCell', children}))};
}

function defaultText(record: ReleaseFieldAt | undefined): PhrasingContent[] {
  return record?.defaultYaml === undefined ? [text('none')] : [code(record.defaultYaml.replace(/\n/g, ' ⏎ '))];
}

function changeTable(kind: ChangeKind, diff: ReleaseDiff, changes: FieldChange[], show: (record: ReleaseFieldAt) => PhrasingContent[], link: FieldLinker): Table {
  // Over several releases, a column says which of them made each change.
  const steps = diff.steps.length > 1;
  return {
    type: 'table',
    align: steps ? ['left', 'left', 'left', 'left'] : ['left', 'left', 'left'],
    children: [
      row([[text('Field')], [text(diff.from)], [text(diff.to)], ...(steps ? [[text('Changed in')]] : [])]),
      ...changes.map((change) =>
        row([
          [entryTarget(kind, change.after!) as PhrasingContent, fieldRef(diff.to, change.after!, link)],
          show(change.before!),
          show(change.after!),
          ...(steps ? [[text(change.madeIn.join(', '))]] : []),
        ]),
      ),
    ],
  };
}

/** The "what changed" partial for one version: fields added, removed, with a new type, with a new default, newly deprecated. */
export function createChangesPartial(diff: ReleaseDiff, link: FieldLinker): Root {
  const through = diff.steps.length > 1 ? `, over the releases ${diff.steps.slice(0, -1).join(', ')} and ${diff.to}` : '';
  const children: RootContent[] = [
    {
      type: 'paragraph',
      children: [
        text(
          `Compared with ${diff.from}${through}: ${diff.added.length} fields added, ${diff.removed.length} removed, ` +
            `${diff.typeChanged.length} with a new type, ${diff.defaultChanged.length} with a new default and ${diff.deprecated.length} newly deprecated.`,
        ),
      ],
    },
  ];
  const section = (kind: ChangeKind, title: string, changes: FieldChange[], body: () => RootContent) => {
    children.push(heading(kind, `${title} (${changes.length})`));
    children.push(changes.length ? body() : {type: 'paragraph', children: [text('None.')]});
  };
  section('added', 'Fields added', diff.added, () => fieldList('added', diff, diff.to, diff.added, 'after', link));
  section('removed', 'Fields removed', diff.removed, () => fieldList('removed', diff, diff.from, diff.removed, 'before', link));
  section('retyped', 'Type changed', diff.typeChanged, () => changeTable('retyped', diff, diff.typeChanged, (record) => [code(record.type)], link));
  section('default', 'Default changed', diff.defaultChanged, () => changeTable('default', diff, diff.defaultChanged, defaultText, link));
  section('deprecated', 'Newly deprecated', diff.deprecated, () => fieldList('deprecated', diff, diff.to, diff.deprecated, 'after', link));
  return {type: 'root', children};
}
