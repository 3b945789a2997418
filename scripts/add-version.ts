// `npm run add-version -- <version> [--source DIR | --schema-url URL --values-url URL]`
//
// Adds a vCluster release to the docs and makes it the current version:
//  1. reads the release's values.schema.json and values.yaml (a local chart
//     directory, or the release URLs, by default the files at tag v<version>),
//     checks that the generator accepts them, and keeps them in .chart-cache/;
//  2. snapshots the current docs as a Docusaurus version named after the
//     release they document (`docusaurus docs:version`): that version's
//     narrative pages are frozen, and docs/ goes on as the new release's pages;
//  3. records the release first in the version manifest, with the URLs and
//     the sha256 of both files;
//  4. generates every version's partials and editor files.
import {spawnSync} from 'node:child_process';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {generateReference} from '../src/generator/generate';
import {sha256} from '../src/generator/load/download';
import {CHART_SCHEMA_FILE as SCHEMA_FILE, CHART_VALUES_FILE as VALUES_FILE, MANIFEST_FILE, chartCacheDir} from '../src/reference/files';
import {currentVersion, readManifest, type VersionManifest} from '../src/reference/manifest';

const USAGE = `Usage: npm run add-version -- <version> [--source DIR | --schema-url URL --values-url URL]

  <version>          The vCluster release, e.g. 0.23.0. It becomes the current docs version.
  --source DIR       A directory holding the release's values.schema.json and values.yaml.
  --schema-url URL   Where to download values.schema.json (default: the file at tag v<version>).
  --values-url URL   Where to download values.yaml (default: the file at tag v<version>).
  --project DIR      The docs project (default: this one).`;

const releaseUrl = (version: string, file: string) => `https://raw.githubusercontent.com/loft-sh/vcluster/v${version}/chart/${file}`;

async function fetchFile(url: string): Promise<Buffer> {
  const response = await fetch(url, {signal: AbortSignal.timeout(30_000)});
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

function run(projectDir: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, {cwd: projectDir, stdio: 'inherit', env: process.env});
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
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
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new Error(`"${version}" is not a release version such as 0.23.0`);
  const projectDir = path.resolve(values.project ?? path.join(__dirname, '..'));
  const manifest = await readManifest(projectDir);
  if (manifest.versions.some((entry) => entry.version === version)) throw new Error(`${version} is already in ${MANIFEST_FILE}`);
  const previous = currentVersion(manifest);

  // 1. The release files, checked by the generator before anything changes.
  const urls: Record<string, string> = {
    [SCHEMA_FILE]: values['schema-url'] ?? releaseUrl(version, SCHEMA_FILE),
    [VALUES_FILE]: values['values-url'] ?? releaseUrl(version, VALUES_FILE),
  };
  const contents = new Map<string, Buffer>();
  for (const name of [SCHEMA_FILE, VALUES_FILE]) {
    contents.set(name, values.source ? await readFile(path.join(values.source, name)) : await fetchFile(urls[name]));
  }
  // Where gen-partials looks for downloaded files.
  const cacheDir = path.join(chartCacheDir(projectDir), version);
  await mkdir(cacheDir, {recursive: true});
  for (const [name, body] of contents) await writeFile(path.join(cacheDir, name), body);
  const reference = await generateReference(cacheDir, version);
  console.log(`${version}: the chart has ${reference.fieldCount} fields`);

  // 2. Freeze the pages that document the previous release.
  run(projectDir, 'npx', ['docusaurus', 'docs:version', previous]);

  // 3. The new release is current.
  const entry: VersionManifest['versions'][number] = {
    version,
    files: Object.fromEntries([...contents].map(([name, body]) => [name, {url: urls[name], sha256: sha256(body)}])),
  };
  const updated = {...manifest, versions: [entry, ...manifest.versions]};
  const manifestFile = path.join(projectDir, MANIFEST_FILE);
  const raw = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestFile, `${JSON.stringify({...raw, versions: updated.versions}, null, 2)}\n`);

  // 4. Every version's reference: the new one from the cache, older ones from CHART_SOURCE or the cache.
  run(projectDir, 'npm', ['run', '--silent', 'gen-partials']);
  console.log(
    `\nAdded ${version} as the current version; ${previous} is now a snapshot in versioned_docs/version-${previous}/.\n` +
      `Next: review docs/ for ${version} (npm run build fails on examples or field paths the new schema does not accept), then commit.`,
  );
}

main().catch((error: unknown) => {
  console.error(`add-version: ${(error as Error).message}`);
  process.exitCode = 1;
});

