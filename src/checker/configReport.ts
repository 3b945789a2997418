/**
 * What `npm run check-config` reports for each file, as text lines
 * (`file:line:column: severity: message`) and as JSON of a documented,
 * versioned shape (`CheckConfigReport`, format `CHECK_CONFIG_FORMAT`): the
 * checker's findings for a release, or an upgrade's steps, constraints,
 * remaining problems and Pro verdict. Pure and browser-safe: the command
 * (scripts/check-config.ts) only reads, writes and exits.
 */
import {checkConfig} from './check';
import type {FieldLink, Severity} from './findings';
import type {CheckerRelease} from './release';
import {UpgradeInputError, upgradeConfig, type PageLink, type UpgradeRequest, type UpgradeResult, type UpgradeSources} from './upgradeConfig';

/** The version of the JSON shape; it changes only when a field changes meaning or goes away. */
export const CHECK_CONFIG_FORMAT = 1;

/** One line of the report: a place in a file and what is there. */
export interface ReportFinding {
  severity: Severity;
  /** `invalid YAML`, `schema`, `unknown key`…; for an upgrade `step`, `constraint`, `problem`, `pro`. */
  kind: string;
  /** The file the place is in: the input, or (`upgraded`) the upgraded file. */
  in: 'input' | 'upgraded';
  line: number;
  column: number;
  path?: string;
  message: string;
  link?: FieldLink | PageLink;
}

export interface FileReport {
  file: string;
  /** The release the file was checked against, or written for. */
  release: string;
  /** The upgrade's target, when one was asked for. */
  upgradeTo?: string;
  /** Input the command could not work on (the file as a whole). */
  error?: {reason: string; message: string; line?: number; column?: number};
  findings: ReportFinding[];
  /** The whole upgrade, when one was asked for (upgradeConfig.ts `UpgradeResult`). */
  upgrade?: UpgradeResult;
}

export interface CheckConfigReport {
  format: typeof CHECK_CONFIG_FORMAT;
  files: FileReport[];
  /** How many findings are errors, and files that could not be read as a whole. */
  errors: number;
  exitCode: 0 | 1;
}

/** Checks a file against a release (its schema compiled). */
export function checkFileReport(file: string, text: string, release: CheckerRelease): FileReport {
  const {findings} = checkConfig(text, release);
  return {
    file,
    release: release.version,
    findings: findings.map((finding) => ({
      severity: finding.severity,
      kind: finding.kind,
      in: 'input',
      line: finding.line,
      column: finding.column,
      ...(finding.path ? {path: finding.path} : {}),
      message: finding.message,
      ...(finding.link ? {link: finding.link} : {}),
    })),
  };
}

/** Upgrades a file; bad input becomes the report's error. */
export function upgradeFileReport(file: string, request: UpgradeRequest, sources: UpgradeSources): FileReport {
  const base = {file, release: request.from ?? '', upgradeTo: request.to};
  let result: UpgradeResult;
  try {
    result = upgradeConfig(request, sources);
  } catch (error) {
    if (!(error instanceof UpgradeInputError)) throw error;
    return {...base, error: {reason: error.reason, message: error.message, ...(error.position ?? {})}, findings: []};
  }
  const findings: ReportFinding[] = [];
  const at = (line: number | undefined, column: number | undefined, upgraded?: {line?: number; column?: number}) =>
    line !== undefined ? {in: 'input' as const, line, column: column ?? 1} : upgraded?.line !== undefined ? {in: 'upgraded' as const, line: upgraded.line, column: upgraded.column ?? 1} : {in: 'input' as const, line: 1, column: 1};
  for (const step of result.steps) {
    const place = at(step.line, step.column, {line: step.outputLine, column: step.outputColumn});
    const what = [step.summary, ...step.reasons, ...(step.manual && step.instead ? [step.instead] : []), ...step.notes].join(' ');
    const link = step.links.guide ?? step.links.change ?? step.links.field;
    findings.push({severity: step.manual ? 'warning' : 'note', kind: 'step', ...place, path: step.from[0], message: `[${step.id}] ${what}`, ...(link ? {link} : {})});
  }
  for (const constraint of result.constraints) {
    const where =
      constraint.kind === 'stop'
        ? ` Land on ${constraint.landOn?.length ? constraint.landOn.join(', ') : `a release from ${constraint.stopAt!.first} to ${constraint.stopAt!.last}`}${constraint.prefer ? ` (best ${constraint.prefer})` : ''} first.`
        : constraint.kind === 'avoid'
          ? ` Do not land on ${constraint.avoid!.join(', ')}${constraint.targetAvoided ? `; the target ${result.to} is one of them` : ''}.`
          : '';
    findings.push({severity: constraint.targetAvoided ? 'error' : 'warning', kind: 'constraint', in: 'input', line: 1, column: 1, message: `[${constraint.id}] Crossing ${constraint.release}: ${constraint.text}${where} (source: ${constraint.evidence})`, ...(constraint.links.guide ? {link: constraint.links.guide} : {})});
  }
  for (const problem of result.problems) {
    findings.push({severity: 'error', kind: 'problem', in: 'upgraded', line: problem.line, column: problem.column, path: problem.path, message: `${problem.message}. ${problem.explained ? '' : 'Not explained: '}${problem.explanation}`});
  }
  for (const key of result.pro.keys) findings.push({severity: 'note', kind: 'pro', in: 'upgraded', line: key.line, column: key.column, path: key.path, message: `\`${key.path}\` needs vCluster Pro in ${result.to}: ${key.condition}.`, ...(key.link ? {link: key.link} : {})});
  for (const key of result.pro.unevaluated) findings.push({severity: 'note', kind: 'pro', in: 'upgraded', line: key.line, column: key.column, path: key.path, message: `\`${key.path}\` may need vCluster Pro in ${result.to} ${key.condition} (a condition this check does not evaluate).`});
  return {...base, release: result.from, findings, upgrade: result};
}

/** The severities that fail a check: an error, and a key only another release has (the release's chart rejects it too). */
const FAILING: ReadonlySet<Severity> = new Set(['error', 'release mismatch']);

/** Errors in the reports: failing findings and files that could not be read as a whole. */
export function errorCount(reports: readonly FileReport[]): number {
  return reports.reduce((count, report) => count + (report.error ? 1 : 0) + report.findings.filter((finding) => FAILING.has(finding.severity)).length, 0);
}

export function jsonReport(reports: FileReport[]): CheckConfigReport {
  const errors = errorCount(reports);
  return {format: CHECK_CONFIG_FORMAT, files: reports, errors, exitCode: errors ? 1 : 0};
}

/** The report as text: one line per finding, `file:line:column: severity: message`, then a summary line per file. */
export function textReport(reports: readonly FileReport[], upgradedName: (report: FileReport) => string): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.error) {
      lines.push(`${report.file}:${report.error.line ?? 1}:${report.error.column ?? 1}: error: ${report.error.message}`);
      continue;
    }
    for (const finding of report.findings) {
      const file = finding.in === 'upgraded' ? upgradedName(report) : report.file;
      lines.push(`${file}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}`);
    }
    const counts = (['error', 'release mismatch', 'warning', 'note'] as const).map((severity) => [severity, report.findings.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count);
    const what = report.upgrade
      ? `upgraded from ${report.upgrade.from} to ${report.upgrade.to}: ${report.upgrade.steps.filter((step) => !step.manual).length} moves applied, ${report.upgrade.steps.filter((step) => step.manual).length} manual steps, ${report.upgrade.problems.length} problems left; ${report.upgrade.pro.needsPro ? 'needs vCluster Pro' : 'no key needs vCluster Pro'}`
      : `checked against ${report.release}`;
    lines.push(`${report.file}: ${what}${counts.length ? ` (${counts.map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : severity === 'release mismatch' ? 'es' : 's'}`).join(', ')})` : ''}.`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
