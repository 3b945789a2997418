/**
 * Everything gen-partials makes, in memory, from charts already loaded:
 *
 *   each version:  field tree + curated facts                                (generate.ts, model/)
 *   site runs:     + every release's field states → the release data         (releases/, src/reference/releases.ts)
 *                  + each field's history, read from the release data
 *   each version:  → field index (made last), partials, schema copy          (render/)
 *   site runs:     + each documented release's routes in the release data    (releases/routes.ts)
 *                  + the what-changed partial of each version                (changes/)
 *                  + the default-values partial and published values.yaml    (defaults/)
 *                  + the published schema and .d.ts; the release data        (publish/)
 *                  + the curated moves, checked against the release data     (load/loadMoves.ts)
 *                  + the generated pages of each version                     (pages/)
 *
 * The CLI (cli.ts) plans the run, reads the inputs and writes what this returns.
 */
import {CHANGES_FILE} from '../reference/files';
import type {PageMap} from '../reference/pageMap';
import {Releases, type ReleaseLine, type ReleasesData} from '../reference/releases';
import {createChangesPartial} from './changes/changesPartial';
import {applyHistory, indexOfModel, modelChart, renderReference, type ChartModel, type GeneratedReference} from './generate';
import type {ChartSource} from './load/loadChart';
import type {FactsSource} from './load/loadFacts';
import {checkMoves, type MovesSource} from './load/loadMoves';
import type {MovesData} from '../reference/moves';
import {createEditorFiles} from './publish/editorFiles';
import {addDefaultsFiles} from './defaults/defaultsPartial';
import {buildReleasesData} from './releases/buildReleasesData';
import {statesOfModel, type ReleaseStates} from './releases/releaseStates';
import {addRoutes} from './releases/routes';
import {createGeneratedPages} from './pages/registry';

export interface PipelineJob {
  version: string;
  chart: ChartSource;
  /** The version's curated facts, when it has a facts file. */
  facts?: FactsSource;
}

/** What a run that writes the site's own reference also knows: every release, the versions' pages. */
export interface SiteInputs {
  line: ReleaseLine;
  /** Each documented version's page map. */
  pages: ReadonlyMap<string, PageMap>;
  /** The documented versions this run does not render, modelled with their facts: for history, routes and what changed. */
  otherModels: ReadonlyMap<string, ChartModel>;
  /** The field states of the history-only releases. */
  historyStates: ReadonlyMap<string, ReleaseStates>;
  /** The curated moves files (moves/), checked against the release data. */
  moves?: readonly MovesSource[];
}

export interface PipelineOutput {
  reference: GeneratedReference;
  /** The published files: schema and .d.ts for editors, the release's values.yaml (site runs only). */
  editorFiles?: Map<string, string>;
  /** The generated pages of the version, by file name in its docs folder (site runs only). */
  pages?: Map<string, string>;
}

export interface PipelineResult {
  outputs: PipelineOutput[];
  /** Every release's fields, for the browser (site runs only). */
  releases?: ReleasesData;
  /** Every curated move and constraint, checked (site runs only). */
  moves?: MovesData;
}

/** The release data of the whole line: the rendered models', the other documented ones' and the history-only releases' states. */
function releaseData(models: readonly ChartModel[], site: SiteInputs): Releases {
  const states = new Map(site.historyStates);
  for (const model of [...models, ...site.otherModels.values()]) states.set(model.version, statesOfModel(model));
  // Each release's own field order, for the what-changed lists.
  const orders = new Map([...states].map(([version, list]) => [version, list.map(([path]) => path)]));
  return new Releases(buildReleasesData(site.line, states), orders);
}

export async function runPipeline(jobs: readonly PipelineJob[], site?: SiteInputs): Promise<PipelineResult> {
  const models = jobs.map((job) => modelChart(job.chart, job.version, job.facts));
  if (!site) return {outputs: models.map((model) => ({reference: renderReference(model)}))};

  const releases = releaseData(models, site);
  // Bad moves stop the run before anything is written, as bad facts do.
  const moves = checkMoves(site.moves ?? [], releases);
  for (const model of models) {
    const index = releases.indexOf(model.version);
    applyHistory(model, (path) => {
      const field = releases.byPath.get(path);
      return field && releases.historyAt(field, index);
    });
  }
  const outputs: PipelineOutput[] = models.map((model) => ({reference: renderReference(model)}));

  // Routes of every documented release: the ones rendered now and the others.
  const current = releases.current;
  for (const index of [...outputs.map(({reference}) => reference.index), ...[...site.otherModels.values()].map(indexOfModel)]) {
    const pages = site.pages.get(index.version);
    if (pages) addRoutes(releases.data, index, pages, current);
  }

  for (const output of outputs) {
    const {version} = output.reference;
    const changes = createChangesPartial(releases, version, site.pages);
    if (changes) output.reference.files.set(CHANGES_FILE, changes);
  }
  await Promise.all(outputs.map(async (output) => (output.editorFiles = await createEditorFiles(output.reference.schemaText, output.reference.version))));
  // Last, once each index has its history: each version's values.yaml with every key linked, and published for download.
  addDefaultsFiles(outputs, jobs, site.line, site.pages);
  for (const output of outputs) output.pages = createGeneratedPages(output.reference.version, releases, output.reference.files, {moves, pages: site.pages});
  return {outputs, releases: releases.data, moves};
}
