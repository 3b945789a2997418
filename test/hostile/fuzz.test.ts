/**
 * Property-based fuzzing of the generator with hostile input: see
 * fuzzProperty.ts for what is generated and checked. A fixed seed, so a run
 * is reproducible; FUZZ_RUNS sets the number of cases (default 1000),
 * FUZZ_SEED and FUZZ_PATH replay a failure (fast-check prints both).
 * `npm run fuzz` (scripts/fuzz.ts) runs the same property with a random seed
 * and many more cases.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {generateFromChart} from '../../src/generator/generate';
import {parseSchemaText, parseValuesText} from '../../src/generator/load/loadChart';
import {chartSchema, chartValuesYaml, checkHostileChart, formatStats, runFuzz, type HostileChart} from '../support/fuzzProperty';

const DEFAULT_SEED = 20_240_917;
const numRuns = Number(process.env.FUZZ_RUNS ?? 1000);
const seed = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

test(`hostile charts: ${numRuns} cases, seed ${seed}: every partial compiles and renders, nothing executes, no text is lost`, {timeout: 30 * 60_000}, async () => {
  assert.ok(Number.isInteger(numRuns) && numRuns > 0, `FUZZ_RUNS must be a positive integer, not ${process.env.FUZZ_RUNS}`);
  assert.ok(Number.isInteger(seed), `FUZZ_SEED must be an integer, not ${process.env.FUZZ_SEED}`);
  console.log(`fuzz: seed ${seed}, ${numRuns} cases (FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns} to reproduce)`);
  const stats = await runFuzz({numRuns, seed, path: process.env.FUZZ_PATH});
  console.log(`fuzz: ${formatStats(stats)}`);
  assert.equal(stats.cases, numRuns);
});

test('braces in names and values never reach the MDX expression parser (it is quadratic in them)', async () => {
  const braces = '{account}'.repeat(1200);
  const chart: HostileChart = {
    properties: [
      {
        name: braces,
        shape: {
          kind: 'object',
          required: [],
          properties: [
            {name: '}', shape: {kind: 'leaf', type: 'string', enum: [braces, '}{'], examples: [{[braces]: braces}]}, value: {value: braces}},
            {name: 'plain', shape: {kind: 'leaf', type: 'string'}},
          ],
        },
      },
    ],
  };
  const schemaText = JSON.stringify(chartSchema(chart));
  const valuesText = chartValuesYaml(chart);
  const {files} = generateFromChart(
    {schemaFile: 'values.schema.json', valuesFile: 'values.yaml', schema: parseSchemaText('values.schema.json', schemaText), schemaText, values: parseValuesText('values.yaml', valuesText)},
    'braces',
  );
  for (const [file, source] of files) {
    if (!file.endsWith('.mdx')) continue;
    // Only the expressions' own braces: the generated-notice comment, `f={{…}}` and the toc's objects.
    const count = source.split(/[{}]/).length - 1;
    assert.ok(count < 40, `${file}: ${count} braces in the MDX (one of the values alone has ${2 * 1200}: compiling would be quadratic)`);
  }
  const started = performance.now();
  await checkHostileChart(chart);
  console.log(`a chart with 10,000-character brace values: generated, compiled, rendered and checked in ${(performance.now() - started).toFixed(0)} ms`);
});
