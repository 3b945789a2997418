import path from 'node:path';
import {runCli} from '../src/generator/cli';

runCli(process.argv.slice(2), path.resolve(__dirname, '..')).then(
  ({exitCode}) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`gen-partials: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
