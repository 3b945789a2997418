import {proConditions, type CuratedFact} from '../../reference/facts';
import type {FieldIndex, FieldRecord} from '../../reference/fieldIndex';
import {PathResolver, closeKeys, joinPath} from '../../reference/resolvePath';
import {FactsError, type FactsSource} from '../load/loadFacts';
import {walkFields, type FieldNode} from './fieldNode';

/** Why a facts key is no field of the version, with the closest fields. */
function unknownPath(path: string, version: string, resolver: PathResolver): string {
  const resolution = resolver.resolve(path);
  if (resolution.found && !resolution.inside) return `${path} is written \`${resolution.record.path}\` in vCluster ${version}'s reference: use that`;
  let hint = '';
  if (!resolution.found) {
    const close = closeKeys(resolution.failedSegment, resolution.siblings).map((key) => joinPath(resolution.prefix?.path, key));
    if (close.length) hint = `; did you mean ${close.join(' or ')}?`;
  }
  return `${path} is not a field of vCluster ${version}${hint}`;
}

/**
 * Merges a version's curated facts into its field tree and field index: each
 * field gets its facts (with their evidence, for the index); a `deprecated`
 * fact marks the field deprecated and a `pro` fact marks it Pro (its
 * condition shown with the badge). A path the version lacks, or a
 * replacement that is no field of it, fails with the file and line.
 */
export function mergeFacts(sections: readonly FieldNode[], index: FieldIndex, facts: FactsSource): void {
  const records = new Map(index.fields.map((record) => [record.path, record]));
  const nodes = new Map([...walkFields(sections)].map((node) => [node.path, node]));
  const resolver = new PathResolver(index.fields);
  const problems: Array<{line: number; problem: string}> = [];
  const found: Array<{node: FieldNode; record: FieldRecord; facts: CuratedFact[]}> = [];
  for (const entry of facts.entries) {
    const record = records.get(entry.path);
    const node = nodes.get(entry.path);
    if (!record || !node) {
      problems.push({line: entry.line, problem: unknownPath(entry.path, index.version, resolver)});
      continue;
    }
    for (const fact of entry.facts) {
      if (fact.replacement !== undefined && !records.has(fact.replacement)) {
        problems.push({line: fact.line, problem: `${entry.path}: the replacement ${unknownPath(fact.replacement, index.version, resolver)}`});
      }
    }
    found.push({node, record, facts: entry.facts});
  }
  if (problems.length) throw new FactsError(facts.file, problems);
  for (const {node, record, facts: list} of found) {
    node.facts = [...(node.facts ?? []), ...list];
    record.facts = [...(record.facts ?? []), ...list.map(({line: _line, ...fact}) => fact)];
    if (list.some((fact) => fact.kind === 'deprecated')) node.deprecated = record.deprecated = true;
    if (list.some((fact) => fact.kind === 'pro')) {
      const {when} = proConditions(node.pro, node.facts);
      if (when.length) node.proWhen = record.proWhen = when;
      node.pro = record.pro = true;
    }
  }
}
