// `npm run fuzz`: the hostile-input property of test/hostile/fuzz.test.ts with
// many more cases and a random seed (printed, with the command that replays a
// failure). See test/support/fuzzProperty.ts for what is generated and checked.
//
//   npm run fuzz                                  20000 cases, random seed
//   FUZZ_RUNS=100000 npm run fuzz                 more cases
//   FUZZ_SEED=123 npm run fuzz                    a given seed
//   FUZZ_SEED=123 FUZZ_PATH=45:2:1 npm run fuzz   replay a failure fast-check reported
import {formatStats, runFuzz} from '../test/support/fuzzProperty';

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) {
    process.stderr.write(`fuzz: ${name} must be an integer, not ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const numRuns = integerFromEnv('FUZZ_RUNS', 20_000);
  const seed = integerFromEnv('FUZZ_SEED', (Math.random() * 2 ** 31) | 0);
  const path = process.env.FUZZ_PATH || undefined;
  console.log(`fuzz: seed ${seed}, ${numRuns} cases${path ? `, replaying path ${path}` : ''}`);
  try {
    const stats = await runFuzz({numRuns, seed, path});
    console.log(`fuzz: ok: ${formatStats(stats)}`);
  } catch (error) {
    console.error((error as Error).message);
    console.error(`\nfuzz: FAILED with seed ${seed}. Replay it with FUZZ_SEED=${seed} and the path above: FUZZ_SEED=${seed} FUZZ_PATH=<path> npm run fuzz`);
    process.exitCode = 1;
  }
}

void main();
