/**
 * Reads a docs version's facts file (src/reference/facts.ts): a YAML map of
 * config path → list of facts. Checks the shape here, with the line of each
 * problem; whether each path is a field of the version is checked when the
 * facts are merged (model/mergeFacts.ts), once the field tree is known.
 */
import {readFile} from 'node:fs/promises';
import {LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap} from 'yaml';
import {FACT_FIELDS, FACT_KINDS, type CuratedFact, type FactKind} from '../../reference/facts';
import {ChartInputError} from '../errors';

export interface FactsSource {
  file: string;
  /** Config path → its facts, in file order; `line` is the line of the path's key. */
  entries: Array<{path: string; line: number; facts: CuratedFact[]}>;
}

/** A facts file's problems, each with its line, as one error. */
export class FactsError extends ChartInputError {
  constructor(file: string, readonly problems: ReadonlyArray<{line: number; problem: string}>) {
    super(file, `line ${problems[0].line}`, problems.length === 1 ? problems[0].problem : `${problems.length} problems:\n${problems.map((entry) => `  line ${entry.line}: ${entry.problem}`).join('\n')}`);
    this.name = 'FactsError';
  }
}

const TEXT_KEYS: ReadonlyArray<'when' | 'text' | 'replacement' | 'link' | 'rule'> = ['when', 'text', 'replacement', 'link', 'rule'];

export function parseFactsText(file: string, text: string): FactsSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {lineCounter, prettyErrors: false});
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const problems: Array<{line: number; problem: string}> = [];
  for (const error of document.errors) problems.push({line: lineCounter.linePos(error.pos[0]).line, problem: `invalid YAML: ${error.message.split('\n')[0]}`});
  if (problems.length) throw new FactsError(file, problems);
  const entries: FactsSource['entries'] = [];
  if (document.contents === null) return {file, entries};
  if (!isMap(document.contents)) throw new FactsError(file, [{line: 1, problem: 'the facts file must be a map of config paths to lists of facts'}]);

  for (const pair of (document.contents as YAMLMap).items) {
    const keyNode = pair.key as Node | null;
    const line = lineOf(keyNode);
    if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
      problems.push({line, problem: 'a key must be a config path written as text'});
      continue;
    }
    const path = keyNode.value;
    const value = pair.value as Node | null;
    if (!isSeq(value) || value.items.length === 0) {
      problems.push({line, problem: `${path}: must hold a list of facts (- kind: ...)`});
      continue;
    }
    const facts: CuratedFact[] = [];
    for (const item of value.items as Node[]) {
      const factLine = lineOf(item);
      if (!isMap(item)) {
        problems.push({line: factLine, problem: `${path}: each fact is a map with kind and evidence`});
        continue;
      }
      const raw = item.toJSON() as Record<string, unknown>;
      const kind = raw.kind as FactKind;
      if (!FACT_KINDS.includes(kind)) {
        problems.push({line: factLine, problem: `${path}: unknown kind ${JSON.stringify(raw.kind)}; a fact is one of ${FACT_KINDS.join(', ')}`});
        continue;
      }
      const allowed = new Set<string>(['kind', 'evidence', ...FACT_FIELDS[kind].required, ...FACT_FIELDS[kind].optional]);
      const unknown = Object.keys(raw).filter((key) => !allowed.has(key));
      if (unknown.length) problems.push({line: factLine, problem: `${path}: a ${kind} fact has no ${unknown.join(', ')} (it takes ${[...allowed].join(', ')})`});
      for (const key of FACT_FIELDS[kind].required) {
        if (raw[key] === undefined) problems.push({line: factLine, problem: `${path}: a ${kind} fact needs ${key}`});
      }
      if (typeof raw.evidence !== 'string' || !raw.evidence.trim()) problems.push({line: factLine, problem: `${path}: every fact names its evidence (the source file at the tag)`});
      for (const key of TEXT_KEYS) {
        if (raw[key] !== undefined && (typeof raw[key] !== 'string' || !(raw[key] as string).trim())) problems.push({line: factLine, problem: `${path}: ${key} must be non-empty text`});
      }
      if (typeof raw.link === 'string' && !/^https:\/\/[^\s]+$/u.test(raw.link)) problems.push({line: factLine, problem: `${path}: link must be an https:// URL`});
      const fact: CuratedFact = {kind, evidence: String(raw.evidence ?? ''), line: factLine};
      for (const key of TEXT_KEYS) if (typeof raw[key] === 'string') fact[key] = (raw[key] as string).trim();
      facts.push(fact);
    }
    entries.push({path, line, facts});
  }
  if (problems.length) throw new FactsError(file, problems);
  return {file, entries};
}

/** Reads a facts file; a version without one has no facts. */
export async function loadFacts(file: string): Promise<FactsSource | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ChartInputError(file, undefined, `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseFactsText(file, text);
}
