import path from 'node:path';
import {parseArgs} from 'node:util';
import {readFile} from 'node:fs/promises';
import {CHART_SCHEMA_FILE, CHART_VALUES_FILE, MANIFEST_FILE, SNAPSHOTS_FILE, chartCacheDir, docsDirFor, factsFileFor, movesDirFor, partialsDirFor, publishedDirFor, publishedRootFor, releaseStateCacheDir} from '../reference/files';
import {currentVersion, documentedVersions, readManifest, releaseLineOf, type VersionManifest} from '../reference/manifest';
import {pageMapFor, type PageMap} from '../reference/pageMap';
import {MOVES_FILE, PUBLISHED_SCHEMA, RELEASES_FILE} from '../reference/urls';
import {ChartInputError} from './errors';
import {modelChart, type ChartModel} from './generate';
import {DEFAULT_TIMEOUT_MS, ensureChartFiles, sha256} from './load/download';
import {loadChart} from './load/loadChart';
import {loadFacts} from './load/loadFacts';
import {loadMoves} from './load/loadMoves';
import {GENERATED_PAGE_FILES} from './pages/registry';
import {runPipeline, type PipelineJob, type SiteInputs} from './pipeline';
import {statesOfModel, type ReleaseStates} from './releases/releaseStates';
import {cachedStates, stateCacheKey, type CacheOutcome, type StateCache} from './releases/stateCache';
import {diffNamedFiles, writeNamedFiles} from './write/namedFiles';
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
  /** Where history-only releases' field states are kept between runs (set by the caller's code identity). */
  stateCache?: StateCache;
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

/**
 * Where a release's chart files are (the source directory's `<version>/`,
 * else downloaded into the cache), with the sha256 of each. Files from the
 * source must match the manifest's sha256, as downloads do.
 */
async function chartFilesOf(plan: Plan, version: string): Promise<{dir: string; schemaSha256: string; valuesSha256: string}> {
  const fromSource = plan.source && (await isDirectory(path.join(plan.source, version))) ? path.resolve(plan.source, version) : undefined;
  const dir = fromSource ?? (await downloadOrExplain(plan, version));
  const entry = plan.manifest?.versions.find((candidate) => candidate.version === version);
  const [schemaSha256, valuesSha256] = await Promise.all(
    [CHART_SCHEMA_FILE, CHART_VALUES_FILE].map(async (name) => {
      const file = path.join(dir, name);
      const digest = sha256(await readFile(file).catch(() => {
        throw new ChartInputError(file, undefined, 'file not found');
      }));
      const expected = entry?.files[name]?.sha256;
      if (fromSource && expected && digest !== expected) {
        throw new ChartInputError(file, undefined, `checksum mismatch: ${MANIFEST_FILE} gives sha256 ${expected} for ${version}'s ${name}, the file has ${digest}`);
      }
      return digest;
    }),
  );
  return {dir, schemaSha256, valuesSha256};
}

/** A documented version modelled with its facts (not rendered). */
async function modelDocumented(plan: Plan, manifest: VersionManifest, projectDir: string, version: string): Promise<ChartModel> {
  const {dir} = await chartFilesOf(plan, version);
  return modelChart(await loadChart(dir), version, await loadFacts(factsFileFor(projectDir, version, currentVersion(manifest))));
}

/** A history-only release's field states: from the cache when its chart files and the generator are unchanged. Its schema text goes into `schemas`, to be published. */
async function historyStatesOf(plan: Plan, version: string, outcomes: CacheOutcome[], schemas: Map<string, string>): Promise<ReleaseStates> {
  const files = await chartFilesOf(plan, version);
  schemas.set(version, await readFile(path.join(files.dir, CHART_SCHEMA_FILE), 'utf8'));
  const compute = async () => statesOfModel(modelChart(await loadChart(files.dir), version));
  if (!plan.stateCache) return compute();
  const {states, outcome} = await cachedStates(plan.stateCache, stateCacheKey(files.schemaSha256, files.valuesSha256, plan.stateCache.codeId), compute);
  outcomes.push(outcome);
  return states;
}

/**
 * What a site run needs beyond the generated versions: the release line,
 * every documented version's page map (for links), the documented versions
 * not rendered now (modelled with their facts: for history, routes and what
 * changed), and the field states of the history-only releases.
 */
async function readSiteInputs(plan: Plan, manifest: VersionManifest, projectDir: string, outcomes: CacheOutcome[], schemas: Map<string, string>): Promise<SiteInputs> {
  const documented = await documentedVersions(projectDir, manifest);
  const line = releaseLineOf(manifest, documented);
  const current = currentVersion(manifest);
  const pages = new Map<string, PageMap>();
  const otherModels = new Map<string, ChartModel>();
  for (const version of documented) {
    pages.set(version, pageMapFor(docsDirFor(projectDir, version, current), projectDir));
    if (!plan.jobs.some((job) => job.version === version)) otherModels.set(version, await modelDocumented(plan, manifest, projectDir, version));
  }
  const historyStates = new Map<string, ReleaseStates>();
  for (const version of line.releases) {
    if (!documented.includes(version)) historyStates.set(version, await historyStatesOf(plan, version, outcomes, schemas));
  }
  return {line, pages, otherModels, historyStates, moves: await loadMoves(movesDirFor(projectDir))};
}

export interface RunOptions {
  /** Identifies the generator's code (scripts/gen-partials.mjs: its bundle's sha256); with it, history-only releases' field states are cached. */
  codeId?: string;
}

export interface RunResult {
  exitCode: number;
}

/** The command line: parse, generate everything in memory, then write (or check). */
export async function runCli(argv: string[], projectDir: string, env: NodeJS.ProcessEnv = process.env, options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const fail = (line: string) => process.stderr.write(`gen-partials: ${line}\n`);
  try {
    const plan = await planJobs(argv, projectDir, env);
    if (plan === 'help') {
      log(HELP);
      return {exitCode: 0};
    }
    if (options.codeId) plan.stateCache = {dir: releaseStateCacheDir(projectDir), codeId: options.codeId};
    // Everything is generated before anything is written: bad input leaves all output as it was.
    const site = plan.manifest && !plan.customOut ? plan.manifest : undefined;
    const jobs: PipelineJob[] = [];
    for (const job of plan.jobs) {
      const chart = await loadChart(site ? (await chartFilesOf(plan, job.version)).dir : (job.chartDir ?? (await downloadOrExplain(plan, job.version))));
      // The site's own versions have their curated facts in their docs folder.
      const facts = site ? await loadFacts(factsFileFor(projectDir, job.version, currentVersion(site))) : undefined;
      jobs.push({version: job.version, chart, facts});
    }
    const cacheOutcomes: CacheOutcome[] = [];
    // The schema of each history-only release, published beside the documented ones' for the upgrade in the browser.
    const historySchemas = new Map<string, string>();
    const {outputs, releases, moves} = await runPipeline(jobs, site && (await readSiteInputs(plan, site, projectDir, cacheOutcomes, historySchemas)));
    for (const {reference} of outputs) for (const warning of reference.warnings) process.stderr.write(`warning: ${warning}\n`);

    const totals: WriteSummary = {written: [], unchanged: [], removed: []};
    const partialCount = (files: string[]) => files.filter((file) => file.endsWith('.mdx')).length;
    let fields = 0;
    const add = (dir: string, summary: WriteSummary) => {
      const relative = (file: string) => path.relative(process.cwd(), path.join(dir, file));
      totals.written.push(...summary.written.map(relative));
      totals.unchanged.push(...summary.unchanged.map(relative));
      totals.removed.push(...summary.removed.map(relative));
    };
    for (const [i, {reference, editorFiles, pages}] of outputs.entries()) {
      const outDir = plan.jobs[i].outDir;
      const targets: Array<[string, ReadonlyMap<string, string>]> = [[outDir, reference.files]];
      if (editorFiles) targets.push([publishedDirFor(projectDir, reference.version), editorFiles]);
      for (const [dir, files] of targets) add(dir, plan.check ? await diffOutput(dir, files) : await writeOutput(dir, files));
      if (pages && site) {
        // The generated pages sit among the hand-written ones: only the registry's file names are the generator's.
        const docsDir = docsDirFor(projectDir, reference.version, currentVersion(site));
        add(docsDir, plan.check ? await diffNamedFiles(docsDir, pages, GENERATED_PAGE_FILES) : await writeNamedFiles(docsDir, pages, GENERATED_PAGE_FILES));
      }
      fields += reference.fieldCount;
      if (!plan.quiet && !plan.check) {
        const published = editorFiles ? ` and ${editorFiles.size} in ${path.relative(process.cwd(), publishedDirFor(projectDir, reference.version))}` : '';
        log(`${reference.version}: ${reference.files.size} files in ${path.relative(process.cwd(), outDir) || '.'}${published}`);
      }
    }
    if (releases) {
      const files = new Map([[RELEASES_FILE, `${JSON.stringify(releases)}\n`]]);
      if (moves) files.set(MOVES_FILE, `${JSON.stringify(moves)}\n`);
      const root = publishedRootFor(projectDir);
      add(root, plan.check ? await diffNamedFiles(root, files, [RELEASES_FILE, MOVES_FILE]) : await writeNamedFiles(root, files, [RELEASES_FILE, MOVES_FILE]));
      for (const [version, schemaText] of historySchemas) {
        const dir = publishedDirFor(projectDir, version);
        const schema = new Map([[PUBLISHED_SCHEMA, schemaText]]);
        add(dir, plan.check ? await diffNamedFiles(dir, schema, [PUBLISHED_SCHEMA]) : await writeNamedFiles(dir, schema, [PUBLISHED_SCHEMA]));
      }
      if (!plan.quiet && !plan.check) {
        const cached = cacheOutcomes.filter((outcome) => outcome === 'hit').length;
        log(`release data: ${releases.releases.length} releases, ${releases.fields.length} paths, ${releases.states.length} field states in ${path.relative(process.cwd(), path.join(root, RELEASES_FILE))}${plan.stateCache ? `; ${cached} of ${cacheOutcomes.length} history-only releases from the cache` : ''}`);
        if (moves) log(`moves: ${moves.moves.length} moves and ${moves.constraints.length} constraints in ${path.relative(process.cwd(), path.join(root, MOVES_FILE))}; ${historySchemas.size} history-only schemas published`);
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
