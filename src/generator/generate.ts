import {INDEX_FILE, SCHEMA_COPY_FILE} from '../reference/files';
import type {FieldIndex} from '../reference/fieldIndex';
import {loadChart, type ChartSource} from './load/loadChart';
import {buildFieldIndex} from './model/fieldIndex';
import {buildFieldTree} from './model/buildFieldTree';
import {walkFields, type FieldNode} from './model/fieldNode';
import {partialFileFor} from './model/segments';
import {createPartial} from './render/createPartial';
import {serializePartial} from './render/serialize';

export interface GeneratedReference {
  version: string;
  /** File path relative to the output directory → content. */
  files: Map<string, string>;
  index: FieldIndex;
  fieldCount: number;
  /** The chart's schema as read: the published editor files are made from it. */
  schemaText: string;
  warnings: string[];
}

/** Sections with a partial: every top-level key, and every field below with fields of its own. */
function sectionsWithPartials(topLevel: readonly FieldNode[]): FieldNode[] {
  return [...walkFields(topLevel)].filter((node) => node.segments.length === 1 || node.children.length > 0);
}

/** One chart's reference from its directory: load → resolve/normalise → field tree → partials + index, all in memory. */
export async function generateReference(chartDir: string, version: string): Promise<GeneratedReference> {
  return generateFromChart(await loadChart(chartDir), version);
}

/**
 * The same from inputs already read and parsed (see `parseSchemaText` and
 * `parseValuesText` in load/loadChart.ts): for tests and fuzzing, no files.
 */
export function generateFromChart(chart: ChartSource, version: string): GeneratedReference {
  const tree = buildFieldTree(chart);
  const files = new Map<string, string>();
  for (const section of sectionsWithPartials(tree.fields)) {
    files.set(partialFileFor(section.segments), serializePartial(createPartial(section)));
  }
  const index = buildFieldIndex(version, tree.fields);
  files.set(INDEX_FILE, `${JSON.stringify(index, null, 1)}\n`);
  files.set(SCHEMA_COPY_FILE, chart.schemaText);
  return {version, files, index, fieldCount: index.fields.length, schemaText: chart.schemaText, warnings: tree.warnings};
}
