// Compiles MDX partials off the main thread (see CompilePool in mdx.ts):
// compiling is the slow part of rendering every partial of every version.
import {parentPort} from 'node:worker_threads';
import {compile} from '@mdx-js/mdx';

parentPort.on('message', async ({id, source}) => {
  try {
    parentPort.postMessage({id, code: String(await compile(source, {outputFormat: 'function-body'}))});
  } catch (error) {
    parentPort.postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
});
