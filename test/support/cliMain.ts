/**
 * The gen-partials command line, run from TypeScript sources (through tsx)
 * rather than from the esbuild bundle scripts/gen-partials.mjs builds, so the
 * tests exercise the code as it is. Same exit handling as that script.
 */
import {runCli} from '../../src/generator/cli';
import {PROJECT_ROOT} from './chart';

runCli(process.argv.slice(2), PROJECT_ROOT).then(
  ({exitCode}) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`gen-partials: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
