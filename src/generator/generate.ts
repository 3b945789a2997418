import {INDEX_FILE, SCHEMA_COPY_FILE} from '../reference/files';
import type {FieldIndex} from '../reference/fieldIndex';
import type {FieldHistory} from '../reference/history';
import type {FactsSource} from './load/loadFacts';
import {loadChart, type ChartSource} from './load/loadChart';
import {buildFieldIndex} from './model/fieldIndex';
import {buildFieldTree} from './model/buildFieldTree';
import {walkFields, type FieldNode} from './model/fieldNode';
import {mergeFacts} from './model/mergeFacts';
import {partialFileFor} from './model/segments';
import {createPartial} from './render/createPartial';
import {serializePartial} from './render/serialize';

/** One chart version modelled: its field tree, with curated facts merged in, before history and before anything is rendered. */
export interface ChartModel {
  version: string;
  sections: FieldNode[];
  /** The chart's schema as read: copied beside the reference and published for editors. */
  schemaText: string;
  warnings: string[];
}

export interface GeneratedReference extends ChartModel {
  /** The field index, made from the finished tree. */
  index: FieldIndex;
  /** File path relative to the output directory → content. */
  files: Map<string, string>;
  fieldCount: number;
}

/** Load → resolve/normalise → field tree, with the version's curated facts merged in. */
export function modelChart(chart: ChartSource, version: string, facts?: FactsSource): ChartModel {
  const tree = buildFieldTree(chart);
  const factWarnings = facts ? mergeFacts(tree.fields, version, facts) : [];
  return {version, sections: tree.fields, schemaText: chart.schemaText, warnings: [...tree.warnings, ...factWarnings]};
}

/** The field index of a model as it stands (model/fieldIndex.ts). */
export function indexOfModel(model: ChartModel): FieldIndex {
  return buildFieldIndex(model.version, model.sections);
}

/** Gives each field of a model its history (src/reference/releases.ts), before the index is made. */
export function applyHistory(model: ChartModel, history: (path: string) => FieldHistory | undefined): void {
  for (const node of walkFields(model.sections)) node.history = history(node.path);
}

/** Sections with a partial: every top-level key, and every field below with fields of its own. */
function sectionsWithPartials(topLevel: readonly FieldNode[]): FieldNode[] {
  return [...walkFields(topLevel)].filter((node) => node.segments.length === 1 || node.children.length > 0);
}

/** The partials, the field index (made now, from the finished tree) and the schema copy of a model, all in memory. */
export function renderReference(model: ChartModel): GeneratedReference {
  const index = indexOfModel(model);
  const files = new Map<string, string>();
  for (const section of sectionsWithPartials(model.sections)) {
    files.set(partialFileFor(section.segments), serializePartial(createPartial(section, model.version)));
  }
  files.set(INDEX_FILE, `${JSON.stringify(index, null, 1)}\n`);
  files.set(SCHEMA_COPY_FILE, model.schemaText);
  return {...model, index, files, fieldCount: index.fields.length};
}

/** One chart's reference from its directory. */
export async function generateReference(chartDir: string, version: string): Promise<GeneratedReference> {
  return generateFromChart(await loadChart(chartDir), version);
}

/**
 * The same from inputs already read and parsed (see `parseSchemaText` and
 * `parseValuesText` in load/loadChart.ts): for tests and fuzzing, no files.
 */
export function generateFromChart(chart: ChartSource, version: string, facts?: FactsSource): GeneratedReference {
  return renderReference(modelChart(chart, version, facts));
}
