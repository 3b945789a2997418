// `npm run add-version -- <version> [--history-only] [--source DIR | --schema-url URL --values-url URL]`
//
// Adds a vCluster release to the manifest (chart-versions.json), in one of
// four ways, then regenerates every version's reference:
//  - `--history-only`: the release counts for field history and what changed,
//    and gets no pages;
//  - a patch of a documented minor (0.36.2 after 0.36.1): it replaces that
//    release's chart in place: the pages, facts and generated pages of the
//    minor now document the patch (a snapshot's folder is renamed to it);
//  - a new release newer than the current one: the current docs are frozen
//    as a Docusaurus snapshot of the release they document, and the new
//    release becomes current (docs/);
//  - an older release, or a history-only one to document: a snapshot of
//    docs/ is made for it, to be edited for that release.
// The release's files (a local chart directory, or the release URLs, by
// default the files at tag v<version>) are checked by the generator before
// anything changes, and kept in the chart cache where gen-partials reads them.
import {spawnSync} from 'node:child_process';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {parseDocument} from 'yaml';
import {generateReference, modelChart} from '../src/generator/generate';
import {loadChart} from '../src/generator/load/loadChart';
import {loadFacts} from '../src/generator/load/loadFacts';
import {factsLackingFields} from '../src/generator/model/mergeFacts';
import {sha256} from '../src/generator/load/download';
import {
  CHART_SCHEMA_FILE as SCHEMA_FILE,
  CHART_VALUES_FILE as VALUES_FILE,
  MANIFEST_FILE,
  SNAPSHOTS_FILE,
  VERSIONED_DOCS_DIR,
  chartCacheDir,
  docsDirFor,
  factsFileFor,
  versionedSidebarFile,
} from '../src/reference/files';
import {currentVersion, documentedVersionsOf, manifestText, readManifest, readSnapshots, withRelease, type ManifestEntry} from '../src/reference/manifest';
import {RELEASE_VERSION, compareVersions, minorOf} from '../src/reference/releases';

const USAGE = `Usage: npm run add-version -- <version> [--history-only] [--source DIR | --schema-url URL --values-url URL]

  <version>          The vCluster release, e.g. 0.37.0.
  --history-only     Count the release for field history and what changed; give it no pages.
  --source DIR       A directory holding the release's values.schema.json and values.yaml.
  --schema-url URL   Where to download values.schema.json (default: the file at tag v<version>).
  --values-url URL   Where to download values.yaml (default: the file at tag v<version>).
  --project DIR      The docs project (default: this one).

A documented release newer than the current one becomes current (the current pages are
frozen as a snapshot); a patch of a documented minor replaces that release in place.`;

const releaseUrl = (version: string, file: string) => `https://raw.githubusercontent.com/loft-sh/vcluster/v${version}/chart/${file}`;

class AddVersionError extends Error {}

async function fetchFile(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, {signal: AbortSignal.timeout(30_000)});
  } catch (error) {
    throw new AddVersionError(`${url}: download failed (${(error as Error).message})`);
  }
  if (!response.ok) throw new AddVersionError(`${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

async function readSourceFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new AddVersionError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`);
  }
}

function run(projectDir: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, {cwd: projectDir, stdio: 'inherit', env: process.env});
  if (result.status !== 0) throw new AddVersionError(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

async function writeJson(file: string, text: string): Promise<void> {
  await writeFile(file, text);
}

/**
 * The facts a release's pages were written with may name fields the release
 * lacks (a page copied from another release): those entries are taken out
 * of its facts file, comments kept, and listed, so that the reference can
 * be generated; the writer then checks the rest against the release's tag.
 */
async function pruneFacts(factsFile: string, chartDir: string, version: string): Promise<string[]> {
  const facts = await loadFacts(factsFile);
  if (!facts) return [];
  const lacking = factsLackingFields(modelChart(await loadChart(chartDir), version).sections, facts);
  if (!lacking.length) return [];
  const document = parseDocument(await readFile(factsFile, 'utf8'));
  for (const path of lacking) document.delete(path);
  await writeFile(factsFile, document.toString());
  return lacking;
}

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      'history-only': {type: 'boolean', default: false},
      source: {type: 'string'},
      'schema-url': {type: 'string'},
      'values-url': {type: 'string'},
      project: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const version = positionals[0];
  if (!RELEASE_VERSION.test(version)) throw new AddVersionError(`"${version}" is not a release version such as 0.37.0`);
  const historyOnly = values['history-only'] ?? false;
  const projectDir = path.resolve(values.project ?? path.join(__dirname, '..'));
  const manifest = await readManifest(projectDir);
  const snapshots = await readSnapshots(projectDir);
  const documented = documentedVersionsOf(manifest, snapshots);
  const current = currentVersion(manifest);
  const existing = manifest.versions.find((entry) => entry.version === version);
  if (existing && (historyOnly || !existing.historyOnly)) throw new AddVersionError(`${version} is already in ${MANIFEST_FILE}`);
  const samePatchLine = historyOnly || existing ? undefined : documented.find((candidate) => minorOf(candidate) === minorOf(version));
  if (samePatchLine && compareVersions(version, samePatchLine) <= 0) {
    throw new AddVersionError(`${samePatchLine} documents the ${minorOf(version)} releases: a release of that minor replaces it only when newer`);
  }

  // 1. The release files, checked by the generator before anything changes.
  const urls: Record<string, string> = {
    [SCHEMA_FILE]: values['schema-url'] ?? existing?.files[SCHEMA_FILE]?.url ?? releaseUrl(version, SCHEMA_FILE),
    [VALUES_FILE]: values['values-url'] ?? existing?.files[VALUES_FILE]?.url ?? releaseUrl(version, VALUES_FILE),
  };
  const contents = new Map<string, Buffer>();
  for (const name of [SCHEMA_FILE, VALUES_FILE]) {
    contents.set(name, values.source ? await readSourceFile(path.join(values.source, name)) : await fetchFile(urls[name]));
    const expected = existing?.files[name]?.sha256;
    if (expected && sha256(contents.get(name)!) !== expected) {
      throw new AddVersionError(`${values.source ? path.join(values.source, name) : urls[name]}: checksum mismatch: ${MANIFEST_FILE} gives sha256 ${expected} for ${version}'s ${name}`);
    }
  }
  // Where gen-partials looks for downloaded files.
  const cacheDir = path.join(chartCacheDir(projectDir), version);
  await mkdir(cacheDir, {recursive: true});
  for (const [name, body] of contents) await writeFile(path.join(cacheDir, name), body);
  const reference = await generateReference(cacheDir, version);
  console.log(`${version}: the chart has ${reference.fieldCount} fields`);

  const entry: ManifestEntry = {
    version,
    ...(historyOnly ? {historyOnly: true} : {}),
    files: Object.fromEntries([...contents].map(([name, body]) => [name, {url: urls[name], sha256: sha256(body)}])),
  };
  let next = withRelease(manifest, entry, samePatchLine);
  let nextSnapshots = snapshots;
  let done: string;

  if (historyOnly) {
    done = `Added ${version} for field history only.`;
  } else if (samePatchLine) {
    // 2a. A patch takes its minor's place: a snapshot's folder and sidebar follow it.
    if (samePatchLine !== current) {
      await rename(path.join(projectDir, VERSIONED_DOCS_DIR, `version-${samePatchLine}`), path.join(projectDir, VERSIONED_DOCS_DIR, `version-${version}`));
      await rename(versionedSidebarFile(projectDir, samePatchLine), versionedSidebarFile(projectDir, version));
      nextSnapshots = snapshots.map((candidate) => (candidate === samePatchLine ? version : candidate));
    }
    done = `${version} replaces ${samePatchLine}: its pages and facts now document ${version}.`;
  } else if (compareVersions(version, current) > 0) {
    // 2b. Freeze the pages that document the current release; the new one becomes current.
    run(projectDir, 'npx', ['docusaurus', 'docs:version', current]);
    nextSnapshots = await readSnapshots(projectDir);
    done = `Added ${version} as the current version; ${current} is now a snapshot in ${VERSIONED_DOCS_DIR}/version-${current}/.`;
  } else {
    // 2c. An older release gets a snapshot of docs/ to edit for it.
    run(projectDir, 'npx', ['docusaurus', 'docs:version', version]);
    nextSnapshots = await readSnapshots(projectDir);
    done = `Added ${version} as a documented version in ${VERSIONED_DOCS_DIR}/version-${version}/ (a copy of docs/: edit it for ${version}).`;
  }
  if (existing) next = withRelease(next, {...existing, historyOnly: undefined});

  // The documented release's facts must fit its chart before its reference is generated.
  if (!historyOnly) {
    const docsDir = docsDirFor(projectDir, version, currentVersion(next));
    const pruned = await pruneFacts(factsFileFor(projectDir, version, currentVersion(next)), cacheDir, version);
    if (pruned.length) console.log(`${path.relative(projectDir, docsDir)}: took out the facts of ${pruned.length} path(s) ${version} lacks: ${pruned.join(', ')}`);
  }

  // 3. The lists: the manifest newest first; Docusaurus's snapshots newest first.
  await writeJson(path.join(projectDir, MANIFEST_FILE), manifestText(next));
  const sortedSnapshots = [...nextSnapshots].sort((a, b) => compareVersions(b, a));
  if (sortedSnapshots.join() !== snapshots.join()) await writeJson(path.join(projectDir, SNAPSHOTS_FILE), `${JSON.stringify(sortedSnapshots, null, 2)}\n`);

  // 4. Every version's reference: the new release from the cache, the others from CHART_SOURCE or the cache.
  run(projectDir, 'npm', ['run', '--silent', 'gen-partials']);
  console.log(`\n${done}\nNext: review the pages it concerns (npm run build fails on examples or field paths the schema does not accept), then commit.`);
}

main().catch((error: unknown) => {
  console.error(`add-version: ${error instanceof AddVersionError ? error.message : ((error as Error).stack ?? String(error))}`);
  process.exitCode = 1;
});
