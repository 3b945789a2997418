/**
 * A production build of the site whose pages show the reference of a
 * hostile chart and its default values.yaml (hostile keys, values and
 * comments): built in a temporary copy of the project, so the real docs,
 * build and caches are not touched.
 */
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {cp, mkdir, readdir, rm, symlink, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Document, type Scalar, type YAMLMap} from 'yaml';
import {createDefaultsOutput} from '../../src/generator/defaults/defaultsPartial';
import {indexOfModel, modelChart} from '../../src/generator/generate';
import {loadChart} from '../../src/generator/load/loadChart';
import {buildReleasesData} from '../../src/generator/releases/buildReleasesData';
import {statesOfModel} from '../../src/generator/releases/releaseStates';
import {addRoutes} from '../../src/generator/releases/routes';
import {readFieldIndex} from '../../src/reference/fieldIndexFile';
import {DEFAULTS_FILE, publishedDirFor, publishedRootFor} from '../../src/reference/files';
import {currentVersion, readManifest} from '../../src/reference/manifest';
import {pageMapFor} from '../../src/reference/pageMap';
import {DEFAULTS_PAGE, PUBLISHED_SCHEMA, PUBLISHED_VALUES, RELEASES_FILE} from '../../src/reference/urls';
import {TEST_SITE_URL} from './buildDir';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Script payloads; each is written into names, descriptions, allowed values, examples and defaults. */
export const PAYLOADS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  markdownLink: '[x](javascript:window.__pwned=1)',
  anchor: '<a href="javascript:alert(1)">click</a>',
  onclick: '<div onclick="window.__pwned=1">div</div>',
  svg: '<svg onload="window.__pwned=1">',
  expression: '{alert(1)}',
  iframe: '<iframe src="javascript:window.__pwned=1"></iframe>',
} as const;
export const ALL_PAYLOADS: string[] = Object.values(PAYLOADS);

/**
 * How a payload reads inside a description (Markdown): raw HTML and braces
 * as the text they are; a link to an unsafe address as its text and address.
 */
export function asDescriptionText(payload: string): string {
  return payload === PAYLOADS.markdownLink ? 'x (javascript:window.__pwned=1)' : payload;
}

/** Every payload inline in a sentence, then each as a block of its own, ESM lines, and one in a code block. */
export const HOSTILE_DESCRIPTION = [
  `Inline: ${ALL_PAYLOADS.join(' then ')} end.`,
  ...ALL_PAYLOADS,
  "import x from 'y'",
  'export const toc = []',
  'export const a = (() => { window.__pwned = 1 })()',
  `\`\`\`\n${PAYLOADS.script}\n\`\`\``,
].join('\n\n');

type Json = Record<string, unknown>;

const leaf = (description = HOSTILE_DESCRIPTION): Json => ({type: 'string', description, enum: ALL_PAYLOADS, examples: [PAYLOADS.img, PAYLOADS.expression]});

/** The hostile chart: payloads as keys (at three depths, in a list item and a map value), descriptions, enums, examples, defaults. */
export function hostileChart(): {schema: Json; values: Json} {
  const payloadFields = Object.fromEntries(ALL_PAYLOADS.map((payload) => [payload, leaf()]));
  const schema: Json = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    description: HOSTILE_DESCRIPTION,
    properties: {
      xss: {
        type: 'object',
        description: HOSTILE_DESCRIPTION,
        properties: {
          ...payloadFields,
          [PAYLOADS.svg + ' nested']: {
            type: 'object',
            description: HOSTILE_DESCRIPTION,
            properties: {[PAYLOADS.iframe]: leaf(), [PAYLOADS.markdownLink]: leaf()},
          },
          list: {type: 'array', description: HOSTILE_DESCRIPTION, items: {type: 'object', description: HOSTILE_DESCRIPTION, properties: {[PAYLOADS.img]: leaf()}}},
          map: {type: 'object', additionalProperties: {type: 'object', description: HOSTILE_DESCRIPTION, properties: {[PAYLOADS.expression]: leaf()}}},
        },
      },
      // A top-level field without fields: its section alone shows it.
      [PAYLOADS.script]: leaf(),
      'app.kubernetes.io/name': {type: 'string', description: 'A key with dots and a slash.', default: PAYLOADS.onclick},
    },
  };
  const values: Json = {
    xss: Object.fromEntries(ALL_PAYLOADS.map((payload) => [payload, payload])),
    [PAYLOADS.script]: PAYLOADS.iframe,
  };
  return {schema, values};
}

/** The hostile chart's values.yaml: every payload as a comment at the top and before each key, and after each value. */
export function hostileValuesYaml(values: Json): string {
  const document = new Document(values);
  document.commentBefore = ALL_PAYLOADS.join('\n');
  const comment = (map: YAMLMap) => {
    for (const pair of map.items) {
      (pair.key as Scalar).commentBefore = ` ${ALL_PAYLOADS.join(' ')}`;
      if (pair.value && 'items' in (pair.value as object)) comment(pair.value as YAMLMap);
      else (pair.value as Scalar).comment = PAYLOADS.script;
    }
  };
  comment(document.contents as YAMLMap);
  return document.toString();
}

export interface CommandResult {
  code: number | null;
  output: string;
}

export function runCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, output}));
  });
}

/** Not copied: dependencies (linked instead), outputs, caches, and the docs (replaced). */
const SKIP = new Set([
  'node_modules', 'build', '.docusaurus', '.git', '.chart-cache', 'test-results', 'bench-results.json',
  'docs', 'versioned_docs', 'versioned_sidebars', 'versions.json', path.join('static', 'schemas'),
]);

export interface HostileSite {
  /** The temporary copy of the project. */
  dir: string;
  buildDir: string;
  /** Top-level partial files the page renders, relative to docs/_partials/config. */
  partials: string[];
  /** gen-partials and build output, for failure messages. */
  log: string;
}

/**
 * Copies the project to a temporary directory (node_modules linked entry by
 * entry, so build caches stay in the copy), writes the hostile chart,
 * generates its reference into the copy's docs/_partials/config with
 * gen-partials, replaces docs/ with one page rendering every top-level
 * partial (plus empty pages the navbar and home page link to), and builds
 * the site there under /tmp/docs-build.lock.
 */
export async function buildHostileSite(): Promise<HostileSite> {
  const dir = path.join(os.tmpdir(), `hostile-site-${process.pid}-${Date.now()}`);
  await cp(PROJECT_ROOT, dir, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => {
      const relative = path.relative(PROJECT_ROOT, source);
      return !SKIP.has(relative) && !relative.startsWith('.config-staging-');
    },
  });
  const modules = path.join(dir, 'node_modules');
  await mkdir(modules);
  for (const entry of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (entry !== '.cache') await symlink(path.join(PROJECT_ROOT, 'node_modules', entry), path.join(modules, entry));
  }

  const chartDir = path.join(dir, '.hostile-chart');
  await mkdir(chartDir);
  const {schema, values} = hostileChart();
  await writeFile(path.join(chartDir, 'values.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  await writeFile(path.join(chartDir, 'values.yaml'), hostileValuesYaml(values));

  const docs = path.join(dir, 'docs');
  const partialsDir = path.join(docs, '_partials', 'config');
  let log = '';
  const generate = await runCommand('node', ['scripts/gen-partials.mjs', '--chart', chartDir, '--out', partialsDir], dir);
  log += generate.output;
  if (generate.code !== 0) throw new Error(`gen-partials failed (${generate.code}):\n${generate.output.slice(-3000)}`);

  const partials = (await readdir(partialsDir)).filter((file) => file.endsWith('.mdx')).sort();
  const imports = partials.map((file, i) => `import Section${i} from './_partials/config/${file}';`);
  await writeFile(
    path.join(docs, 'index.mdx'),
    [
      '---',
      'title: Hostile chart',
      'slug: /',
      '---',
      '',
      ...imports,
      '',
      'Every section of a chart whose names, descriptions, allowed values, examples and defaults hold script payloads.',
      '',
      ...partials.map((_, i) => `<Section${i} />\n`),
    ].join('\n'),
  );
  // The default-values page (gen-partials --out makes no site pages): the chart's values.yaml, its values file published.
  const current = currentVersion(await readManifest(dir));
  const index = (await readFieldIndex(partialsDir))!;
  const defaults = createDefaultsOutput(await loadChart(chartDir), current, index, pageMapFor(docs, dir), {releases: [current], documented: [current]});
  await writeFile(path.join(partialsDir, DEFAULTS_FILE), defaults.partial);
  await writeFile(path.join(docs, `${DEFAULTS_PAGE}.mdx`), `---\ntitle: Default values\n---\n\nimport Defaults from './_partials/config/${DEFAULTS_FILE}';\n\n<Defaults />\n`);
  await mkdir(publishedDirFor(dir, current), {recursive: true});
  await writeFile(path.join(publishedDirFor(dir, current), PUBLISHED_VALUES), defaults.valuesText);
  // What the checker reads: the release data (a line of one release, the hostile chart) and the schema.
  const chart = await loadChart(chartDir);
  const model = modelChart(chart, current);
  const data = buildReleasesData({releases: [current], documented: [current]}, new Map([[current, statesOfModel(model)]]));
  addRoutes(data, indexOfModel(model), pageMapFor(docs, dir), current);
  await writeFile(path.join(publishedRootFor(dir), RELEASES_FILE), `${JSON.stringify(data)}\n`);
  await writeFile(path.join(publishedDirFor(dir, current), PUBLISHED_SCHEMA), chart.schemaText);
  // The navbar, footer and home page link to these.
  for (const [slug, title] of [['control-plane', 'Control plane'], ['sync', 'Sync'], ['networking', 'Networking'], ['policies', 'Policies']]) {
    await writeFile(path.join(docs, `${slug}.mdx`), `---\ntitle: ${title}\n---\n\nAn empty page.\n`);
  }

  const env = {...process.env};
  for (const name of ['DOCS_BASE_URL', 'DOCS_VERSIONS']) delete env[name];
  env.DOCS_URL = TEST_SITE_URL;
  const build = await runCommand('flock', ['/tmp/docs-build.lock', 'npx', 'docusaurus', 'build'], dir, env);
  log += build.output;
  if (build.code !== 0) throw new Error(`the build of the hostile site failed (${build.code}):\n${build.output.slice(-4000)}`);
  return {dir, buildDir: path.join(dir, 'build'), partials, log};
}

export async function removeHostileSite(site: HostileSite | undefined): Promise<void> {
  if (site && !process.env.KEEP_HOSTILE_SITE) await rm(site.dir, {recursive: true, force: true});
}

/** Every HTML page of a build, as the path to request (`docs/sync`, `` for the home page). */
/** Whether a built HTML file is a redirect page: it only sends the browser elsewhere. */
function isRedirect(file: string): boolean {
  return /<meta http-equiv="refresh"/u.test(readFileSync(file, 'utf8').slice(0, 400));
}

export async function builtPages(buildDir: string): Promise<string[]> {
  const pages: string[] = [];
  const visit = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(buildDir, relative), {withFileTypes: true})) {
      const file = path.join(relative, entry.name);
      if (entry.isDirectory()) await visit(file);
      // A redirect (the current release's permanent addresses, src/siteVersions.ts) is no page of its own.
      else if (entry.name.endsWith('.html') && !isRedirect(path.join(buildDir, file))) pages.push(file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '').replace(/\.html$/, ''));
    }
  };
  await visit('');
  return pages.sort();
}
