// `npm run gen-partials`: runs the generator (src/generator, TypeScript).
// The generator and its dependencies are bundled once into one CommonJS file
// with esbuild: loading hundreds of small ES modules through a TypeScript
// loader costs more than generating the whole reference. The bundle is
// rebuilt when any file esbuild put into it (its metafile's inputs), or the
// lock file, is newer than the bundle. The bundle's sha256 identifies the
// generator's code: cached field states of history-only releases are kept
// under it, so a changed generator models them again.
import {buildSync} from 'esbuild';
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'gen-partials');
const bundle = path.join(cacheDir, 'cli.cjs');
const inputsFile = path.join(cacheDir, 'inputs.json');

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Infinity; // a missing input: rebuild
  }
}

function isStale() {
  const built = mtime(bundle);
  if (built === Infinity) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return true;
  }
  return [...inputs, 'package-lock.json'].some((input) => mtime(path.resolve(root, input)) > built);
}

if (isStale()) {
  mkdirSync(cacheDir, {recursive: true});
  const {metafile} = buildSync({
    entryPoints: [path.join(root, 'src', 'generator', 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    metafile: true,
    absWorkingDir: root,
    // Loaded only when the published .d.ts files are made (src/generator/publish/editorFiles.ts).
    external: ['json-schema-to-typescript'],
  });
  writeFileSync(inputsFile, JSON.stringify(Object.keys(metafile.inputs)));
}

const codeId = createHash('sha256').update(readFileSync(bundle)).digest('hex');
const {runCli} = createRequire(import.meta.url)(bundle);
runCli(process.argv.slice(2), root, process.env, {codeId}).then(
  ({exitCode}) => {
    process.exitCode = exitCode;
  },
  (error) => {
    process.stderr.write(`gen-partials: unexpected error: ${error?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
