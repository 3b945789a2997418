/**
 * Everything gen-partials makes, in memory, from charts already loaded:
 *
 *   each version:  field tree + curated facts → field index               (generate.ts, model/)
 *   site runs:     + each field's history across every known release       (src/reference/history.ts)
 *   each version:  → partials, field index, schema copy                      (render/)
 *   site runs:     + the what-changed partial of each version               (changes/)
 *                  + the published schema, .d.ts and field data             (publish/)
 *
 * The CLI (cli.ts) plans the run, reads the inputs and writes what this returns.
 */
import {CHANGES_FILE} from '../reference/files';
import type {FieldIndex} from '../reference/fieldIndex';
import {historyOf, type ReleaseFields} from '../reference/history';
import type {PageMap} from '../reference/pageMap';
import {PUBLISHED_ANCHORS, PUBLISHED_FIELDS} from '../reference/urls';
import {createChangesPartials, type VersionReference} from './changes/changesPartial';
import {applyHistory, modelChart, renderReference, type ChartModel, type GeneratedReference} from './generate';
import type {ChartSource} from './load/loadChart';
import type {FactsSource} from './load/loadFacts';
import {createEditorFiles} from './publish/editorFiles';
import {createAnchors, createFieldData} from './publish/fieldData';

export interface PipelineJob {
  version: string;
  chart: ChartSource;
  /** The version's curated facts, when it has a facts file. */
  facts?: FactsSource;
}

/** What a run that writes the site's own reference also knows: every release, the versions' pages. */
export interface SiteInputs {
  /** Every release of the manifest, newest first (history-only ones included). */
  order: readonly string[];
  current: string;
  /** The documented versions, newest first. */
  documented: readonly string[];
  /** Each docs version's page map (the generated versions', and their predecessors'). */
  pages: ReadonlyMap<string, PageMap>;
  /** Field indexes of documented versions this run does not generate, from their last output. */
  earlierIndexes: ReadonlyMap<string, FieldIndex>;
  /** The charts of history-only releases: they count for field history, and get no pages. */
  historyCharts: ReadonlyMap<string, ChartSource>;
}

export interface PipelineOutput {
  reference: GeneratedReference;
  /** The published files: schema and .d.ts for editors, field data for the browser (site runs only). */
  editorFiles?: Map<string, string>;
}

/** Every known release's fields, oldest first, for history: generated now, read from disk, or modelled from a history-only chart. */
function releaseFields(models: readonly ChartModel[], site: SiteInputs): ReleaseFields[] {
  return [...site.order].reverse().flatMap((version): ReleaseFields[] => {
    const model = models.find((candidate) => candidate.version === version);
    if (model) return [{version, fields: model.index.fields}];
    const index = site.earlierIndexes.get(version);
    if (index) return [{version, fields: index.fields}];
    const chart = site.historyCharts.get(version);
    return chart ? [{version, fields: modelChart(chart, version).index.fields}] : [];
  });
}

export async function runPipeline(jobs: readonly PipelineJob[], site?: SiteInputs): Promise<PipelineOutput[]> {
  const models = jobs.map((job) => modelChart(job.chart, job.version, job.facts));
  if (site) {
    const releases = releaseFields(models, site);
    for (const model of models) applyHistory(model, historyOf(releases, model.version));
  }
  const outputs: PipelineOutput[] = models.map((model) => ({reference: renderReference(model)}));
  if (!site) return outputs;

  // Each documented version after the first gets the list of config changes since the documented version before it.
  const references: VersionReference[] = outputs.map(({reference}) => ({version: reference.version, index: reference.index, pages: site.pages.get(reference.version)}));
  for (const [version, index] of site.earlierIndexes) {
    if (!references.some((reference) => reference.version === version)) references.push({version, index, pages: site.pages.get(version)});
  }
  const changes = createChangesPartials(references, site.documented, site.current);
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
      output.editorFiles.set(PUBLISHED_ANCHORS, `${JSON.stringify(createAnchors(fieldData))}\n`);
    }),
  );
  return outputs;
}
