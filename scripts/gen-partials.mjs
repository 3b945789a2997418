// `npm run gen-partials`: runs the generator (src/generator, TypeScript).
// The generator and its dependencies are bundled once into one CommonJS file
// with esbuild and rebuilt only when a source file changes: loading hundreds
// of small ES modules through a TypeScript loader costs more than generating
// the whole reference.
import {buildSync} from 'esbuild';
import {mkdirSync, readdirSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'node_modules', '.cache', 'gen-partials', 'cli.cjs');
const sources = [path.join(root, 'src', 'generator'), path.join(root, 'src', 'lib'), path.join(root, 'package-lock.json')];

function newestMtime(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

let bundleMtime = 0;
try {
  bundleMtime = statSync(bundle).mtimeMs;
} catch {}
if (bundleMtime < Math.max(...sources.map(newestMtime))) {
  mkdirSync(path.dirname(bundle), {recursive: true});
  buildSync({
    entryPoints: [path.join(root, 'src', 'generator', 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
  });
}

const {runCli} = createRequire(import.meta.url)(bundle);
runCli(process.argv.slice(2), root).then(
  ({exitCode}) => {
    process.exitCode = exitCode;
  },
  (error) => {
    process.stderr.write(`gen-partials: unexpected error: ${error?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
