/**
 * Every rule the checker ports from vCluster and its chart (./vcluster.ts,
 * ./chart.ts, ./requirements.ts), and running them on a file for a release.
 * Pure and browser-safe: the config checker's worker, the build's example
 * check and a command-line checker call `runRules` alike.
 */
import {CHART_RULES} from './chart';
import {ruleContext, type DefaultsOf} from './context';
import {REQUIREMENT_RULES} from './requirements';
import {appliesTo, type Rule, type Violation} from './types';
import {VCLUSTER_RULES} from './vcluster';

export type {Keys, Rule, RuleContext, RuleKind, Violation} from './types';
export type {DefaultsOf} from './context';
export {appliesTo} from './types';

/**
 * The newest release whose sources the rules were read at. A release after
 * it may enforce rules not ported yet: a test fails until the ranges are read
 * again at its tag.
 */
export const RULES_READ_THROUGH = '0.36.1';

export const RULES: readonly Rule[] = [...VCLUSTER_RULES, ...CHART_RULES, ...REQUIREMENT_RULES];

export const ruleById: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rules release `version` enforces. */
export function rulesFor(version: string): Rule[] {
  return RULES.filter((rule) => appliesTo(rule, version));
}

export interface RuleViolation extends Violation {
  rule: Rule;
}

/**
 * The violations of `data` (a parsed file) for release `version`, whose
 * fields' defaults are `defaults`, in rule order. A rule that throws on an
 * odd shape (a value of a type the schema refuses) reports nothing: the
 * schema's own finding says what is wrong there.
 */
export function runRules(version: string, data: unknown, defaults: DefaultsOf, rules: readonly Rule[] = rulesFor(version)): RuleViolation[] {
  const context = ruleContext(version, data, defaults);
  return rules.flatMap((rule) => {
    try {
      return rule.check(context).map((violation) => ({...violation, rule}));
    } catch {
      return [];
    }
  });
}
