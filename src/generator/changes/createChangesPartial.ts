import type {Heading, List, PhrasingContent, Root, RootContent, Table, TableRow} from 'mdast';
import type {FieldRecord} from '../../reference/fieldIndex';
import type {FieldChange, IndexDiff} from './diffIndexes';

/** Where a field is documented: a link target (relative file path + anchor), or undefined if no page shows it. */
export type FieldLinker = (version: string, record: FieldRecord) => string | undefined;

const text = (value: string): PhrasingContent => ({type: 'text', value});
const code = (value: string): PhrasingContent => ({type: 'inlineCode', value});

function fieldRef(version: string, record: FieldRecord, link: FieldLinker): PhrasingContent {
  const url = link(version, record);
  return url ? {type: 'link', url, children: [code(record.path)]} : code(record.path);
}

function heading(depth: 2 | 3, value: string): Heading {
  return {type: 'heading', depth, children: [text(value)]};
}

function fieldList(version: string, changes: FieldChange[], pick: 'before' | 'after', link: FieldLinker): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: changes.map((change) => {
      const record = change[pick]!;
      const extra: PhrasingContent[] = [text(' '), code(record.type)];
      if (record.pro) extra.push(text(' (Pro)'));
      return {type: 'listItem', spread: false, children: [{type: 'paragraph', children: [fieldRef(version, record, link), ...extra]}]};
    }),
  };
}

function row(cells: PhrasingContent[][]): TableRow {
  return {type: 'tableRow', children: cells.map((children) => ({type: 'tableCell', children}))};
}

function defaultText(record: FieldRecord | undefined): PhrasingContent[] {
  return record?.defaultYaml === undefined ? [text('none')] : [code(record.defaultYaml.replace(/\n/g, ' ⏎ '))];
}

function changeTable(diff: IndexDiff, changes: FieldChange[], show: (record: FieldRecord) => PhrasingContent[], link: FieldLinker): Table {
  return {
    type: 'table',
    align: ['left', 'left', 'left'],
    children: [
      row([[text('Field')], [text(diff.from)], [text(diff.to)]]),
      ...changes.map((change) => row([[fieldRef(diff.to, change.after!, link)], show(change.before!), show(change.after!)])),
    ],
  };
}

/** The "what changed" partial for one version: fields added, removed, with a new type, with a new default. */
export function createChangesPartial(diff: IndexDiff, link: FieldLinker): Root {
  const children: RootContent[] = [
    {
      type: 'paragraph',
      children: [
        text(
          `Compared with ${diff.from}: ${diff.added.length} fields added, ${diff.removed.length} removed, ` +
            `${diff.typeChanged.length} with a new type and ${diff.defaultChanged.length} with a new default.`,
        ),
      ],
    },
  ];
  const section = (title: string, changes: FieldChange[], body: () => RootContent) => {
    children.push(heading(2, `${title} (${changes.length})`));
    children.push(changes.length ? body() : {type: 'paragraph', children: [text('None.')]});
  };
  section('Fields added', diff.added, () => fieldList(diff.to, diff.added, 'after', link));
  section('Fields removed', diff.removed, () => fieldList(diff.from, diff.removed, 'before', link));
  section('Type changed', diff.typeChanged, () => changeTable(diff, diff.typeChanged, (record) => [code(record.type)], link));
  section('Default changed', diff.defaultChanged, () => changeTable(diff, diff.defaultChanged, defaultText, link));
  return {type: 'root', children};
}
