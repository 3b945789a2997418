/**
 * Everything gen-partials makes, in memory, from charts already loaded:
 *
 *   each version:  field tree → partials, field index, schema copy   (generate.ts)
 *   site runs:     + the what-changed partial of each version          (changes/)
 *                  + the published schema, .d.ts and field data          (publish/)
 *                  + the default-values partial and published values.yaml (defaults/)
 *
 * The CLI (cli.ts) plans the run, reads the inputs and writes what this returns.
 */
import {CHANGES_FILE} from '../reference/files';
import type {FieldIndex} from '../reference/fieldIndex';
import type {PageMap} from '../reference/pageMap';
import {createChangesPartials, type VersionReference} from './changes/changesPartial';
import {generateFromChart, type GeneratedReference} from './generate';
import type {ChartSource} from './load/loadChart';
import {createEditorFiles} from './publish/editorFiles';
import {createFieldData} from './publish/fieldData';
import {PUBLISHED_FIELDS} from '../reference/urls';
import {addDefaultsFiles} from './defaults/defaultsPartial';

export interface PipelineJob {
  version: string;
  chart: ChartSource;
}

/** What a run that writes the site's own reference also knows: the versions' order and pages. */
export interface SiteInputs {
  /** Every release of the manifest, newest first. */
  order: readonly string[];
  current: string;
  /** The documented versions, newest first. */
  documented: readonly string[];
  /** Each docs version's page map (the generated versions', and their predecessors'). */
  pages: ReadonlyMap<string, PageMap>;
  /** Field indexes of predecessors this run does not generate, from their last output. */
  earlierIndexes: ReadonlyMap<string, FieldIndex>;
}

export interface PipelineOutput {
  reference: GeneratedReference;
  /** The published files: schema and .d.ts for editors, field data for the browser (site runs only). */
  editorFiles?: Map<string, string>;
}

export async function runPipeline(jobs: readonly PipelineJob[], site?: SiteInputs): Promise<PipelineOutput[]> {
  const outputs: PipelineOutput[] = jobs.map((job) => ({reference: generateFromChart(job.chart, job.version)}));
  if (!site) return outputs;

  // Each version after the first gets the list of config changes since its predecessor, linked to the docs pages.
  const references: VersionReference[] = outputs.map(({reference}) => ({version: reference.version, index: reference.index, pages: site.pages.get(reference.version)}));
  for (const [version, index] of site.earlierIndexes) {
    if (!references.some((reference) => reference.version === version)) references.push({version, index, pages: site.pages.get(version)});
  }
  const changes = createChangesPartials(references, site.order, site.current);
  for (const {reference} of outputs) {
    const partial = changes.get(reference.version);
    if (partial) reference.files.set(CHANGES_FILE, partial);
  }

  await Promise.all(
    outputs.map(async (output) => {
      const {reference} = output;
      output.editorFiles = await createEditorFiles(reference.schemaText, reference.version);
      const fieldData = createFieldData(reference.index, site.pages.get(reference.version), site.current, site.documented);
      output.editorFiles.set(PUBLISHED_FIELDS, `${JSON.stringify(fieldData)}\n`);
    }),
  );

  // Last, once each index has its history: each version's values.yaml with every key linked, and published for download.
  addDefaultsFiles(outputs, jobs, site);
  return outputs;
}
