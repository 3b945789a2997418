/**
 * What each documented version publishes for editors under
 * static/schemas/<version>/ (npm run gen-schemas): vcluster.d.ts compiles
 * under strict TypeScript and types a vcluster.yaml — a valid config has no
 * diagnostics, a string where a boolean belongs and an unknown key are type
 * errors — and vcluster.schema.json is the chart's own schema, byte for byte.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {before, describe, test} from 'node:test';
import ts from 'typescript';
import {ROOT_TYPE} from '../../src/generator/publish/editorFiles';
import {SCHEMA_COPY_FILE, partialsDirFor, publishedDirFor} from '../../src/reference/files';
import {currentVersion, documentedVersions, readManifest, type VersionManifest} from '../../src/reference/manifest';
import {SAMPLE_DOCUMENTED} from '../support/versions';
import {PUBLISHED_SCHEMA, PUBLISHED_TYPES} from '../../src/reference/urls';
import {CHART_SOURCE, PROJECT_ROOT, run, sha256File, show} from '../support/release';

const publishedDir = (version: string) => publishedDirFor(PROJECT_ROOT, version);

/** Makes sure every version has its partials and published files (both made by gen-partials). */
async function generateMissing(manifest: VersionManifest, versions: string[]): Promise<void> {
  const env = {...process.env, CHART_SOURCE};
  const current = currentVersion(manifest);
  const missing = (version: string) =>
    !existsSync(path.join(partialsDirFor(PROJECT_ROOT, version, current), SCHEMA_COPY_FILE)) || !existsSync(path.join(publishedDir(version), PUBLISHED_TYPES));
  if (versions.some(missing)) {
    const result = await run(process.execPath, ['scripts/gen-partials.mjs', '--quiet'], {env, killAfterMs: 10 * 60_000});
    assert.equal(result.code, 0, `gen-partials:\n${show(result)}`);
  }
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  skipLibCheck: false,
  noUnusedLocals: false,
};

/** Parsed files shared by every compilation (lib and the published declarations); the checked config is not cached. */
const parsed = new Map<string, ts.SourceFile | undefined>();

interface Diagnostic {
  message: string;
  /** The source text the error points at, in the config file. */
  at?: string;
  file?: string;
  code: number;
}

/** Compiles `source`, a module beside the version's vcluster.d.ts, together with it; returns every diagnostic. */
function compile(version: string, source: string): {diagnostics: Diagnostic[]; checked: string} {
  const file = path.join(publishedDir(version), '__config_check__.ts');
  const host = ts.createCompilerHost(OPTIONS, true);
  const {getSourceFile, fileExists, readFile} = host;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    if (name === file) return ts.createSourceFile(name, source, languageVersion, true);
    if (!parsed.has(name)) parsed.set(name, getSourceFile.call(host, name, languageVersion, onError, shouldCreate));
    return parsed.get(name);
  };
  const program = ts.createProgram({rootNames: [file], options: OPTIONS, host});
  const checked = program.getSourceFiles().map((sourceFile) => sourceFile.fileName);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
    message: [
      ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      ...(diagnostic.relatedInformation ?? []).map((related) => ts.flattenDiagnosticMessageText(related.messageText, '\n')),
    ].join('\n'),
    at: diagnostic.file?.fileName === file && diagnostic.start !== undefined ? source.slice(diagnostic.start, diagnostic.start + (diagnostic.length ?? 0)) : undefined,
    file: diagnostic.file?.fileName,
    code: diagnostic.code,
  }));
  return {diagnostics, checked: checked.find((name) => name.endsWith(PUBLISHED_TYPES)) ?? ''};
}

const config = (body: string) => `import type {${ROOT_TYPE}} from './vcluster';\n\nexport const config: ${ROOT_TYPE} = ${body};\n`;
const describeAll = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `TS${d.code} ${d.file ? path.basename(d.file) : ''} at ${JSON.stringify(d.at)}: ${d.message}`).join('\n');

describe('published editor files of every documented version', async () => {
  const manifest = await readManifest(PROJECT_ROOT);
  const documented = await documentedVersions(PROJECT_ROOT, manifest);
  before(() => generateMissing(manifest, documented));

  test('there are versions to check', () => {
    assert.deepEqual(documented, manifest.versions.filter((entry) => !entry.historyOnly && documented.includes(entry.version)).map((entry) => entry.version));
    assert.ok(SAMPLE_DOCUMENTED.length >= 2, `sampled: ${SAMPLE_DOCUMENTED.join(', ')}`);
  });

  for (const version of SAMPLE_DOCUMENTED) {
    describe(`static/schemas/${version}/`, () => {
      test(`${PUBLISHED_TYPES}: a valid config compiles under strict without diagnostics`, () => {
        const {diagnostics, checked} = compile(version, config('{controlPlane: {backingStore: {etcd: {embedded: {enabled: true}}}}}'));
        assert.equal(checked, path.join(publishedDir(version), PUBLISHED_TYPES), 'the published declarations were compiled');
        assert.deepEqual(diagnostics, [], describeAll(diagnostics));
      });

      test(`${PUBLISHED_TYPES}: a string where a boolean is required is a type error on that field`, () => {
        const {diagnostics} = compile(version, config(`{controlPlane: {backingStore: {etcd: {embedded: {enabled: 'yes'}}}}}`));
        assert.ok(diagnostics.length > 0, 'a type error');
        assert.ok(
          diagnostics.every((diagnostic) => diagnostic.file?.endsWith('__config_check__.ts')),
          `errors only in the config, none in the declarations:\n${describeAll(diagnostics)}`,
        );
        const error = diagnostics.find((diagnostic) => diagnostic.at === 'enabled');
        assert.ok(error, `an error at the field enabled:\n${describeAll(diagnostics)}`);
        // (strict without exactOptionalPropertyTypes: an optional field also takes undefined)
        assert.match(error.message, /Type 'string' is not assignable to type 'boolean( \| undefined)?'/);
      });

      test(`${PUBLISHED_TYPES}: an unknown key is a type error naming it`, () => {
        const {diagnostics} = compile(version, config('{controlPlane: {backingStore: {etcd: {embedded: {enabeld: true}}}}}'));
        const error = diagnostics.find((diagnostic) => diagnostic.at === 'enabeld');
        assert.ok(error, `an error at the key:\n${describeAll(diagnostics)}`);
        assert.match(error.message, /'enabeld' does not exist in type/);
        const topLevel = compile(version, config('{controlPlane: {}, notAnOption: 1}')).diagnostics;
        assert.ok(
          topLevel.some((diagnostic) => diagnostic.at === 'notAnOption' && /'notAnOption' does not exist in type 'VClusterConfig'/.test(diagnostic.message)),
          describeAll(topLevel),
        );
      });

      test(`${PUBLISHED_SCHEMA} is the chart's values.schema.json, byte for byte`, () => {
        const chartSchema = path.join(CHART_SOURCE, version, 'values.schema.json');
        const published = path.join(publishedDir(version), PUBLISHED_SCHEMA);
        assert.equal(sha256File(published), sha256File(chartSchema), `${published} differs from ${chartSchema} (run npm run gen-partials and npm run gen-schemas)`);
        assert.ok(readFileSync(published).equals(readFileSync(chartSchema)));
        const entry = manifest.versions.find((candidate) => candidate.version === version);
        assert.equal(sha256File(published), entry?.files['values.schema.json'].sha256, 'and the sha256 chart-versions.json records');
      });
    });
  }
});
