// The floor for the gen-partials benchmark: a node process that only reads and
// parses a chart's schema JSON and values YAML, for each directory given.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'yaml';

for (const dir of process.argv.slice(2)) {
  JSON.parse(readFileSync(path.join(dir, 'values.schema.json'), 'utf8'));
  parse(readFileSync(path.join(dir, 'values.yaml'), 'utf8'));
}
