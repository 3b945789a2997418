import path from 'node:path';
import {parseArgs} from 'node:util';
import {readFieldIndex} from '../reference/fieldIndexFile';
import {MANIFEST_FILE, SNAPSHOTS_FILE, chartCacheDir, docsDirFor, factsFileFor, partialsDirFor, publishedDirFor} from '../reference/files';
import {allReleases, currentVersion, documentedVersions, readManifest, type VersionManifest} from '../reference/manifest';
import {pageMapFor, type PageMap} from '../reference/pageMap';
import {ChartInputError} from './errors';
import type {FieldIndex} from '../reference/fieldIndex';
import {DEFAULT_TIMEOUT_MS, ensureChartFiles} from './load/download';
import {loadChart, type ChartSource} from './load/loadChart';
import {loadFacts} from './load/loadFacts';
import {runPipeline, type PipelineJob, type SiteInputs} from './pipeline';
import {diffOutput, isDirectory, writeOutput, type WriteSummary} from './write/outputDir';

export const HELP = `Usage: npm run gen-partials -- [options]

Generates the config reference (MDX partials and a field index) from the
vCluster chart's values.schema.json and values.yaml; for the site's own
versions also each version's what-changed page and its published schema and
TypeScript declarations (static/schemas/<version>/).

Chart source:
  --source DIR       Directory holding DIR/<version>/values.schema.json and values.yaml.
                     Default: the CHART_SOURCE environment variable. Versions it lacks
                     are downloaded (see below).
  --chart DIR        One chart directory (values.schema.json and values.yaml directly in it);
                     needs --out. Works for any chart's schema.
  (neither)          Download each version's files from the release URLs in the manifest
                     into a cache (.chart-cache/, or CHART_CACHE_DIR), checking their sha256.
  --manifest FILE    The version manifest. Default: ${MANIFEST_FILE}.
  --timeout MS       Download timeout per file. Default: 30000.

Selection and output:
  --version V        Generate only docs version V (repeatable). Default: every documented
                     version (the current one from ${MANIFEST_FILE}, plus ${SNAPSHOTS_FILE}).
  --out DIR          Output directory. Default: docs/_partials/config for the current
                     version, versioned_docs/version-V/_partials/config for the others.
                     With several versions, each goes to OUT/<version>/.
                     (--out writes only the reference: no what-changed page, no
                     published schema.)
  --check            Write nothing. Exit 1, listing the files, if what is on disk differs
                     from what would be generated.
  --quiet            Print only the summary line (and errors).
  -h, --help         Show this help.

Environment:
  CHART_SOURCE=DIR   Same as --source DIR. CI uses CHART_SOURCE=../shared/charts/vcluster.
  CHART_CACHE_DIR=DIR  Where downloaded chart files are kept. Default: .chart-cache/

Examples:
  CHART_SOURCE=../shared/charts/vcluster npm run gen-partials
  npm run gen-partials -- --source ../shared/charts/vcluster --version 0.21.0
  npm run gen-partials -- --chart ./my-chart --out /tmp/reference
  npm run gen-partials -- --check`;

interface Job {
  version: string;
  /** Undefined: download the version's files (see load/download.ts). */
  chartDir?: string;
  outDir: string;
}

interface Plan {
  jobs: Job[];
  check: boolean;
  quiet: boolean;
  manifest?: VersionManifest;
  /** --source or CHART_SOURCE, if given. */
  source?: string;
  cacheDir: string;
  timeoutMs: number;
  /** --out was given: the output is not a docs version's partials directory. */
  customOut: boolean;
}

export class UsageError extends Error {}

async function planJobs(argv: string[], projectDir: string, env: NodeJS.ProcessEnv): Promise<Plan | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        source: {type: 'string'},
        chart: {type: 'string'},
        version: {type: 'string', multiple: true},
        out: {type: 'string'},
        manifest: {type: 'string'},
        timeout: {type: 'string'},
        check: {type: 'boolean', default: false},
        quiet: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun with --help to see the options.`);
  }
  const {values} = parsed;
  if (values.help) return 'help';
  const check = values.check ?? false;
  const quiet = values.quiet ?? false;
  const cacheDir = chartCacheDir(projectDir, env);
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, not ${values.timeout}`);

  if (values.chart) {
    if (!values.out) throw new UsageError('--chart needs --out: where to write that chart\'s reference.');
    const version = values.version?.[0] ?? path.basename(path.resolve(values.chart));
    return {jobs: [{version, chartDir: path.resolve(values.chart), outDir: path.resolve(values.out)}], check, quiet, cacheDir, timeoutMs, customOut: true};
  }

  const manifest = await readManifest(projectDir, values.manifest);
  const known = manifest.versions.filter((entry) => !entry.historyOnly).map((entry) => entry.version);
  const versions = values.version ?? (await documentedVersions(projectDir, manifest));
  for (const version of versions) {
    if (manifest.versions.some((entry) => entry.version === version && entry.historyOnly)) {
      throw new UsageError(`${version} has no docs of its own: ${MANIFEST_FILE} lists it for field history only`);
    }
    if (!known.includes(version)) throw new UsageError(`unknown version ${version}: ${MANIFEST_FILE} lists ${known.join(', ')}`);
  }

  // Versions the source directory lacks (or all, without --source or CHART_SOURCE) are
  // downloaded from the manifest's release URLs into the cache.
  const source = values.source ?? env.CHART_SOURCE;
  if (source && !(await isDirectory(source))) throw new UsageError(`the chart source ${source} is not a directory`);
  const fromSource = async (version: string) => (source && (await isDirectory(path.join(source, version))) ? path.resolve(source, version) : undefined);
  return {
    jobs: await Promise.all(versions.map(async (version) => ({
      version,
      chartDir: await fromSource(version),
      // With several versions, --out DIR gets one DIR/<version>/ each.
      outDir: values.out ? path.resolve(values.out, versions.length > 1 ? version : '') : partialsDirFor(projectDir, version, currentVersion(manifest)),
    }))),
    check,
    quiet,
    manifest,
    source,
    cacheDir,
    timeoutMs,
    customOut: values.out !== undefined,
  };
}

/** Downloads a version's chart files; a failure says how to give them instead. */
async function downloadOrExplain(plan: Plan, version: string): Promise<string> {
  try {
    return await ensureChartFiles(plan.manifest!, version, plan.cacheDir, plan.timeoutMs);
  } catch (error) {
    if (!(error instanceof ChartInputError)) throw error;
    const why = plan.source ? `The chart source ${plan.source} has no ${version}/ directory` : 'No chart source was given';
    throw new ChartInputError(
      error.file,
      error.place,
      `${error.problem}. ${why}, so the release files were to be downloaded; ` +
        'to use local files instead pass --source DIR or set CHART_SOURCE=DIR (DIR/<version>/values.schema.json and values.yaml).',
    );
  }
}

/** Where a release's chart files are: the source directory's `<version>/`, else downloaded into the cache. */
async function chartDirOf(plan: Plan, version: string): Promise<string> {
  const fromSource = plan.source && (await isDirectory(path.join(plan.source, version))) ? path.resolve(plan.source, version) : undefined;
  return fromSource ?? (await downloadOrExplain(plan, version));
}

/**
 * What a site run needs beyond the generated versions: every documented
 * version's page map (for links), the field index of each documented
 * version not generated now (from its last output, if any: for the
 * what-changed pages and field history), and the charts of history-only
 * releases.
 */
async function readSiteInputs(plan: Plan, manifest: VersionManifest, projectDir: string): Promise<SiteInputs> {
  const order = allReleases(manifest);
  const current = currentVersion(manifest);
  const documented = await documentedVersions(projectDir, manifest);
  const pages = new Map<string, PageMap>();
  const earlierIndexes = new Map<string, FieldIndex>();
  for (const version of documented) {
    pages.set(version, pageMapFor(docsDirFor(projectDir, version, current), projectDir));
    if (plan.jobs.some((job) => job.version === version)) continue;
    const index = await readFieldIndex(partialsDirFor(projectDir, version, current)).catch(() => undefined);
    if (index) earlierIndexes.set(version, index);
  }
  const historyCharts = new Map<string, ChartSource>();
  for (const entry of manifest.versions) {
    if (entry.historyOnly) historyCharts.set(entry.version, await loadChart(await chartDirOf(plan, entry.version)));
  }
  return {order, current, documented, pages, earlierIndexes, historyCharts};
}

export interface RunResult {
  exitCode: number;
}

/** The command line: parse, generate everything in memory, then write (or check). */
export async function runCli(argv: string[], projectDir: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  const started = performance.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const fail = (line: string) => process.stderr.write(`gen-partials: ${line}\n`);
  try {
    const plan = await planJobs(argv, projectDir, env);
    if (plan === 'help') {
      log(HELP);
      return {exitCode: 0};
    }
    // Everything is generated before anything is written: bad input leaves all output as it was.
    const site = plan.manifest && !plan.customOut ? plan.manifest : undefined;
    const jobs: PipelineJob[] = [];
    for (const job of plan.jobs) {
      const chart = await loadChart(job.chartDir ?? (await downloadOrExplain(plan, job.version)));
      // The site's own versions have their curated facts in their docs folder.
      const facts = site ? await loadFacts(factsFileFor(projectDir, job.version, currentVersion(site))) : undefined;
      jobs.push({version: job.version, chart, facts});
    }
    const outputs = await runPipeline(jobs, site && (await readSiteInputs(plan, site, projectDir)));
    for (const {reference} of outputs) for (const warning of reference.warnings) process.stderr.write(`warning: ${warning}\n`);

    const totals: WriteSummary = {written: [], unchanged: [], removed: []};
    const partialCount = (files: string[]) => files.filter((file) => file.endsWith('.mdx')).length;
    let fields = 0;
    for (const [i, {reference, editorFiles}] of outputs.entries()) {
      const outDir = plan.jobs[i].outDir;
      const targets: Array<[string, ReadonlyMap<string, string>]> = [[outDir, reference.files]];
      if (editorFiles) targets.push([publishedDirFor(projectDir, reference.version), editorFiles]);
      for (const [dir, files] of targets) {
        const summary = plan.check ? await diffOutput(dir, files) : await writeOutput(dir, files);
        const relative = (file: string) => path.relative(process.cwd(), path.join(dir, file));
        totals.written.push(...summary.written.map(relative));
        totals.unchanged.push(...summary.unchanged.map(relative));
        totals.removed.push(...summary.removed.map(relative));
      }
      fields += reference.fieldCount;
      if (!plan.quiet && !plan.check) {
        const published = editorFiles ? ` and ${editorFiles.size} in ${path.relative(process.cwd(), publishedDirFor(projectDir, reference.version))}` : '';
        log(`${reference.version}: ${reference.files.size} files in ${path.relative(process.cwd(), outDir) || '.'}${published}`);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const versions = plan.jobs.map((job) => job.version).join(', ');
    if (plan.check) {
      const stale = [...totals.written, ...totals.removed];
      if (stale.length) {
        fail(`--check: ${stale.length} file(s) differ from what would be generated (run npm run gen-partials):`);
        for (const file of totals.written) process.stderr.write(`  differs: ${file}\n`);
        for (const file of totals.removed) process.stderr.write(`  stale:   ${file}\n`);
        log(`gen-partials --check (${versions}): ${stale.length} differ, ${partialCount(totals.unchanged)} partials up to date; ${fields} fields; ${seconds}s`);
        return {exitCode: 1};
      }
      log(`gen-partials --check (${versions}): all ${partialCount(totals.unchanged)} partials up to date; ${fields} fields; ${seconds}s`);
      return {exitCode: 0};
    }
    log(
      `gen-partials (${versions}): ${partialCount(totals.written)} partials written, ${partialCount(totals.unchanged)} unchanged, ` +
        `${partialCount(totals.removed)} removed; ${fields} fields rendered; ${seconds}s`,
    );
    return {exitCode: 0};
  } catch (error) {
    if (error instanceof ChartInputError || error instanceof UsageError) {
      fail(error.message);
      return {exitCode: error instanceof UsageError ? 2 : 1};
    }
    throw error;
  }
}
