/** What the checker reports: findings, each at a range of the text, with a severity and a link to the field's docs. */
import type {PublishedField} from '../reference/published';

/** Ordered: the most severe first. */
export const SEVERITIES = ['error', 'release mismatch', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type FindingKind =
  | 'invalid YAML'
  | 'schema'
  | 'unknown key'
  | 'release mismatch'
  | 'deprecated'
  | 'rejected'
  | 'pro'
  | 'default value'
  | 'requires';

export const SEVERITY_OF: Record<FindingKind, Severity> = {
  'invalid YAML': 'error',
  schema: 'error',
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
}

/** Text order, the most severe first at one place. */
export function byPosition(a: Finding, b: Finding): number {
  return a.from - b.from || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/** `2 errors, 1 warning, 3 notes`; `no problems found` when there are none. */
export function summarize(findings: readonly Finding[]): string {
  if (!findings.length) return 'No findings: the file is valid for this release.';
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count > 0);
  const plural = (severity: Severity, count: number): string => (count === 1 ? severity : severity === 'release mismatch' ? 'release mismatches' : `${severity}s`);
  return `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}: ${counts.map(([severity, count]) => `${count} ${plural(severity, count)}`).join(', ')}.`;
}
