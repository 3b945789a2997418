/**
 * A rule vCluster or its chart enforces on a whole file, across fields, for
 * a range of releases: what the schema cannot say. Rules are pure functions
 * of the file's values and the release's defaults (./context.ts), so the
 * config checker, the build's example check and a command-line checker run
 * the same ones.
 */
import {compareVersions} from '../../reference/releases';

/** What a rule says about a file that breaks it. */
export type RuleKind =
  /** vCluster or its chart refuses the file: the install, the upgrade or the start fails. */
  | 'refused'
  /** A setting that needs another one in the file to take effect. */
  | 'requires'
  /** A setting that needs vCluster Pro under a condition the file decides. */
  | 'pro';

/** The instance path of a place in the file: keys and list indexes. */
export type Keys = ReadonlyArray<string | number>;

export interface Violation {
  /** Where the finding is shown: this key if the file sets it, else its nearest set ancestor, else the first of `related` the file sets. */
  at: Keys;
  /** Plain words, in the site's own phrasing; config paths and values in backticks. */
  message: string;
  /** Other places the rule read, to show the finding when `at` is not in the file. */
  related?: readonly Keys[];
}

export interface RuleContext {
  readonly version: string;
  /** The value in effect: the file's, else the release's default (Helm merges the file into the chart's values); undefined when neither has one. */
  value(path: string): unknown;
  /** The file's own value; undefined when the file does not set it. */
  own(path: string): unknown;
  /** Whether the release has the field. */
  has(path: string): boolean;
}

export interface Rule {
  /** Stable id (facts name it with `rule:`), kebab-case. */
  id: string;
  kind: RuleKind;
  /** The first release of the line that enforces it. */
  since: string;
  /** The first release of the line that no longer does; absent while the newest release read still does. */
  removedIn?: string;
  /** Who enforces it: vCluster at start (and the CLI), or the chart at install and upgrade. */
  source: 'vcluster' | 'chart';
  /** The source file(s) at the tags of the range, with the function or template: for maintainers. */
  evidence: string;
  /** What the rule asks, in a few words, for lists of rules. */
  summary: string;
  check(context: RuleContext): Violation[];
}

/** Whether `rule` applies to release `version`. */
export function appliesTo(rule: Pick<Rule, 'since' | 'removedIn'>, version: string): boolean {
  return compareVersions(version, rule.since) >= 0 && (rule.removedIn === undefined || compareVersions(version, rule.removedIn) < 0);
}
