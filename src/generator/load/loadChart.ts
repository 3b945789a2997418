import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {parseDocument, isMap, type Document} from 'yaml';
import {ChartInputError} from '../errors';
import type {JsonSchema} from '../resolve/schemaTypes';

export const SCHEMA_FILE = 'values.schema.json';
export const VALUES_FILE = 'values.yaml';

/** A chart's two inputs, parsed, with the file names kept for error messages. */
export interface ChartSource {
  schemaFile: string;
  valuesFile: string;
  schema: JsonSchema;
  /** The schema file's text as read, published unchanged beside the reference. */
  schemaText: string;
  /** The parsed values.yaml; `undefined` values are allowed (an empty file). */
  values: Document.Parsed;
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
    }
    throw new ChartInputError(file, place, `invalid JSON: ${message.replace(/\s*in JSON at position \d+.*$/, '')}`);
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
  };
}
