/** What the checker reports: findings, each at a range of the text, with a severity and a link to the field's docs. */
import type {PublishedField} from '../reference/published';

/** Ordered: the most severe first. */
export const SEVERITIES = ['error', 'release mismatch', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type FindingKind =
  | 'invalid YAML'
  | 'limit'
  | 'schema'
  | 'rule'
  | 'unknown key'
  | 'release mismatch'
  | 'deprecated'
  | 'rejected'
  | 'pro'
  | 'default value'
  | 'requires';

export const SEVERITY_OF: Record<FindingKind, Severity> = {
  'invalid YAML': 'error',
  limit: 'error',
  schema: 'error',
  rule: 'error',
  'unknown key': 'error',
  'release mismatch': 'release mismatch',
  deprecated: 'warning',
  rejected: 'error',
  pro: 'note',
  'default value': 'note',
  requires: 'note',
};

/** A field of a release, as a link target: the page (route without baseUrl) and the anchor. */
export interface FieldLink {
  version: string;
  path: string;
  route: string;
  anchor: string;
}

export function fieldLink(version: string, field: PublishedField | undefined): FieldLink | undefined {
  return field?.route ? {version, path: field.path, route: field.route, anchor: field.anchor} : undefined;
}

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The range in the text; `line` and `column` (1-based) are where it starts. */
  from: number;
  to: number;
  line: number;
  column: number;
  /** The instance path at fault (`controlPlane.distro.k8s.env[0].name`); absent for invalid YAML. */
  path?: string;
  /** Plain words; config paths and values in backticks. */
  message: string;
  /** The field's docs in the release that has it. */
  link?: FieldLink;
  /** Fields meant instead: "did you mean", a deprecated field's replacement. */
  suggestions?: FieldLink[];
  /** The cross-field rule the finding reports (./rules): its id, and whether vCluster or its chart enforces it. */
  rule?: {id: string; source: 'vcluster' | 'chart'};
}

/** Text order, the most severe first at one place. */
export function byPosition(a: Finding, b: Finding): number {
  return a.from - b.from || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/** What a summary needs of a check: its findings, whether the file set anything, and what was checked. */
export interface Checked {
  findings: readonly Finding[];
  empty?: boolean;
  checked?: {keys: number; rules: number};
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/**
 * One sentence on a check: `3 findings: 1 error, 2 notes.`; for a file with
 * none, what was checked (so "no findings" never claims more than that); an
 * empty file is said to be empty, not valid.
 */
export function summarize(result: Checked, version: string): string {
  const {findings} = result;
  if (result.empty) return `Nothing to check: the file sets no keys. (An empty vcluster.yaml installs the ${version} chart's defaults.)`;
  if (!findings.length) {
    const {keys = 0, rules = 0} = result.checked ?? {};
    return `No findings for ${version}: the YAML, its ${plural(keys, 'key')} against the ${version} schema and field data, and ${plural(rules, 'cross-field rule')} vCluster and its chart enforce in ${version}. Not checked: what depends on your cluster.`;
  }
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count > 0);
  const word = (severity: Severity, count: number): string => (count === 1 ? severity : severity === 'release mismatch' ? 'release mismatches' : `${severity}s`);
  return `${plural(findings.length, 'finding')}: ${counts.map(([severity, count]) => `${count.toLocaleString('en-US')} ${word(severity, count)}`).join(', ')}.`;
}
