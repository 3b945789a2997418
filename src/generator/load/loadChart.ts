import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {parseDocument, isMap, type Document} from 'yaml';
import {CHART_SCHEMA_FILE as SCHEMA_FILE, CHART_VALUES_FILE as VALUES_FILE} from '../../reference/files';
import {ChartInputError} from '../errors';
import type {JsonSchema} from '../resolve/schemaTypes';


/** A chart's two inputs, parsed, with the file names kept for error messages. */
export interface ChartSource {
  schemaFile: string;
  valuesFile: string;
  schema: JsonSchema;
  /** The schema file's text as read, published unchanged beside the reference. */
  schemaText: string;
  /** The parsed values.yaml; `undefined` values are allowed (an empty file). */
  values: Document.Parsed;
  /** The values file's text as read: the default-values page shows and publishes it unchanged (absent: the document, re-serialised). */
  valuesText?: string;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`;
    throw new ChartInputError(file, undefined, reason);
  }
}

/** Turns a character offset into 1-based line and column. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return {line: lines.length, column: lines[lines.length - 1].length + 1};
}

/**
 * The offset of the character where JSON.parse fails. A prefix of the text
 * that ends before that character is only incomplete (an error at its very
 * end); one that includes it is wrong earlier. Binary search on that.
 */
function firstBadOffset(text: string): number {
  const wrong = (length: number) => {
    const prefix = text.slice(0, length);
    try {
      JSON.parse(prefix);
      return false;
    } catch (error) {
      const message = (error as Error).message;
      if (/end of JSON input/i.test(message)) return false;
      const position = /position (\d+)/.exec(message);
      return position ? Number(position[1]) < prefix.trimEnd().length : true;
    }
  };
  let low = 0;
  let high = text.length;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (wrong(middle)) high = middle;
    else low = middle;
  }
  return high - 1;
}

export function parseSchemaText(file: string, text: string): JsonSchema {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 reports "... at position N" (and newer versions "(line L column C)").
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    let place = 'line 1:1';
    if (lineCol) place = `line ${lineCol[1]}:${lineCol[2]}`;
    else if (position) {
      const {line, column} = lineAndColumn(text, Number(position[1]));
      place = `line ${line}:${column}`;
    } else if (/end of JSON input/i.test(message)) {
      const {line, column} = lineAndColumn(text, text.length);
      place = `line ${line}:${column}`;
    } else {
      // Node 20 gives no place for "Unexpected token": find it.
      const {line, column} = lineAndColumn(text, firstBadOffset(text));
      place = `line ${line}:${column}`;
    }
    // One line: without V8's position and its quote of the text around it ("..." is not valid JSON).
    const problem = message
      .replace(/\s*in JSON at position \d+[^]*$/, '')
      .replace(/, (?:\.\.\.)?"[^]*" is not valid JSON$/, '')
      .replace(/\n/g, '\\n');
    throw new ChartInputError(file, place, `invalid JSON: ${problem}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    throw new ChartInputError(file, '#', `the schema must be a JSON object, but it is ${kind}`);
  }
  return parsed as JsonSchema;
}

export function parseValuesText(file: string, text: string): Document.Parsed {
  const document = parseDocument(text, {prettyErrors: false, uniqueKeys: false});
  const first = document.errors[0];
  if (first) {
    const {line, column} = lineAndColumn(text, first.pos[0]);
    throw new ChartInputError(file, `line ${line}:${column}`, `invalid YAML: ${first.message.split('\n')[0]}`);
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new ChartInputError(file, 'line 1:1', 'values.yaml must hold a mapping at its top level');
  }
  return document;
}

/** Reads and parses `<dir>/values.schema.json` and `<dir>/values.yaml`. */
export async function loadChart(dir: string): Promise<ChartSource> {
  const schemaFile = path.join(dir, SCHEMA_FILE);
  const valuesFile = path.join(dir, VALUES_FILE);
  const [schemaText, valuesText] = await Promise.all([readText(schemaFile), readText(valuesFile)]);
  return {
    schemaFile,
    valuesFile,
    schema: parseSchemaText(schemaFile, schemaText),
    schemaText,
    values: parseValuesText(valuesFile, valuesText),
    valuesText,
  };
}
