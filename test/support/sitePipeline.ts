/**
 * The site's own pipeline run in memory on the real releases, as
 * gen-partials runs it (without writing): some documented versions rendered,
 * every other release of the line modelled for the release data.
 */
import {loadChart} from '../../src/generator/load/loadChart';
import {loadFacts} from '../../src/generator/load/loadFacts';
import {modelChart, type ChartModel} from '../../src/generator/generate';
import {runPipeline, type PipelineJob, type PipelineResult, type SiteInputs} from '../../src/generator/pipeline';
import {statesOfModel, type ReleaseStates} from '../../src/generator/releases/releaseStates';
import {docsDirFor, factsFileFor} from '../../src/reference/files';
import {pageMapFor, type PageMap} from '../../src/reference/pageMap';
import {PROJECT_ROOT, chartDir} from './chart';
import {CURRENT, DOCUMENTED, LINE} from './versions';

async function documentedJob(version: string): Promise<PipelineJob> {
  return {version, chart: await loadChart(chartDir(version)), facts: await loadFacts(factsFileFor(PROJECT_ROOT, version, CURRENT))};
}

/** The inputs gen-partials gives a site run that renders `rendered`. */
export async function realSiteInputs(rendered: readonly string[]): Promise<SiteInputs> {
  const pages = new Map<string, PageMap>(DOCUMENTED.map((version) => [version, pageMapFor(docsDirFor(PROJECT_ROOT, version, CURRENT), PROJECT_ROOT)]));
  const otherModels = new Map<string, ChartModel>();
  for (const version of DOCUMENTED.filter((candidate) => !rendered.includes(candidate))) {
    const job = await documentedJob(version);
    otherModels.set(version, modelChart(job.chart, version, job.facts));
  }
  const historyStates = new Map<string, ReleaseStates>();
  for (const version of LINE.releases.filter((candidate) => !DOCUMENTED.includes(candidate))) {
    historyStates.set(version, statesOfModel(modelChart(await loadChart(chartDir(version)), version)));
  }
  return {line: LINE, pages, otherModels, historyStates};
}

/** The real pipeline rendering the documented versions `rendered`. */
export async function runRealPipeline(rendered: readonly string[]): Promise<PipelineResult> {
  const jobs = await Promise.all(rendered.map(documentedJob));
  return runPipeline(jobs, await realSiteInputs(rendered));
}
