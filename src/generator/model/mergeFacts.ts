import {appliesTo, ruleById} from '../../checker/rules';
import {proConditions, replacementOf, type CuratedFact} from '../../reference/facts';
import {PathResolver, closeKeys, joinPath} from '../../reference/resolvePath';
import {FactsError, type FactsSource} from '../load/loadFacts';
import {walkFields, type FieldNode} from './fieldNode';

/** Why a facts key is no field of the version, with the closest fields. */
function unknownPath(path: string, version: string, resolver: PathResolver<FieldNode>): string {
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
 * Merges a version's curated facts into its field tree, before the field
 * index is made from it: each field gets its facts (with their evidence); a
 * `deprecated` fact marks the field deprecated (its replacement before the
 * one the description names) and a `pro` fact marks it Pro (its condition
 * shown with the badge). A path the version lacks, a replacement that is
 * no field of it, or a `rule` the checker lacks (or of another kind), fails
 * with the file and line. A `rule` that does not run for the version (facts
 * not yet read again for a release just added) is dropped from the fact,
 * with a warning: the checker then shows the fact as an unconditional note.
 */
export function mergeFacts(sections: readonly FieldNode[], version: string, facts: FactsSource): string[] {
  const warnings: string[] = [];
  const nodes = new Map([...walkFields(sections)].map((node) => [node.path, node]));
  const resolver = new PathResolver([...nodes.values()]);
  const problems: Array<{line: number; problem: string}> = [];
  const found: Array<{node: FieldNode; facts: CuratedFact[]}> = [];
  for (const entry of facts.entries) {
    const node = nodes.get(entry.path);
    if (!node) {
      problems.push({line: entry.line, problem: unknownPath(entry.path, version, resolver)});
      continue;
    }
    const kept: CuratedFact[] = [];
    for (const fact of entry.facts) {
      kept.push(fact);
      if (fact.replacement !== undefined && !nodes.has(fact.replacement)) {
        problems.push({line: fact.line, problem: `${entry.path}: the replacement ${unknownPath(fact.replacement, version, resolver)}`});
      }
      if (fact.rule !== undefined) {
        const rule = ruleById.get(fact.rule);
        if (!rule) problems.push({line: fact.line, problem: `${entry.path}: no checker rule ${fact.rule} (src/checker/rules: ${[...ruleById.keys()].join(', ')})`});
        else if (rule.kind === 'refused' ? fact.kind !== 'requires' : rule.kind !== fact.kind) problems.push({line: fact.line, problem: `${entry.path}: a ${fact.kind} fact cannot name the ${rule.kind} rule ${fact.rule}`});
        else if (!appliesTo(rule, version)) {
          // A release just added still has the facts of the one before: the fact stays, as a note the checker shows whatever the file says, until the writer reads it again.
          warnings.push(`${facts.file}: line ${fact.line}: ${entry.path}: the checker rule ${fact.rule} does not apply to ${version} (it runs from ${rule.since}${rule.removedIn ? ` until before ${rule.removedIn}` : ''}); the fact is kept without it`);
          const {rule: _rule, ...unruled} = fact;
          kept[kept.length - 1] = unruled;
        }
      }
    }
    found.push({node, facts: kept});
  }
  if (problems.length) throw new FactsError(facts.file, problems);
  for (const {node, facts: list} of found) {
    node.facts = [...(node.facts ?? []), ...list];
    if (list.some((fact) => fact.kind === 'deprecated')) {
      node.deprecated = true;
      const replacement = replacementOf(node.facts);
      if (replacement) node.replacement = replacement;
    }
    if (list.some((fact) => fact.kind === 'pro')) {
      const {when} = proConditions(node.pro, node.facts);
      if (when.length) node.proWhen = when;
      node.pro = true;
    }
  }
  return warnings;
}

/** The paths of a facts file that a release lacks, or whose replacement it lacks: what cannot carry over to it. */
export function factsLackingFields(sections: readonly FieldNode[], facts: FactsSource): string[] {
  const paths = new Set([...walkFields(sections)].map((node) => node.path));
  return facts.entries.filter((entry) => !paths.has(entry.path) || entry.facts.some((fact) => fact.replacement !== undefined && !paths.has(fact.replacement))).map((entry) => entry.path);
}
