/**
 * Everything the checker says about one text for one release, from one
 * parse: the findings, what was checked, the release the file fits, the
 * minimal file (only when the file fits the release: its defaults are the
 * chosen release's) and, when asked, the upgrade to a later release. Pure:
 * the page's worker, the tests and a command-line checker call it alike.
 */
import {checkConfig} from './check';
import {summarize, type Finding} from './findings';
import {describeReleases, type ReleaseFit} from './fit';
import {minimalConfig, type MinimalFile} from './minimal';
import {checkerRelease, type CheckerRelease} from './release';
import {secretPaths} from './secrets';
import {upgradeCheck, type UpgradeReport} from './upgrade';
import {parseConfig} from '../reference/validateConfig';

export interface ReportOptions {
  /** A later release of the line to check the upgrade to. */
  upgradeTo?: string;
  /** Leave out the minimal file (a caller that shows only findings). */
  noMinimal?: boolean;
}

/** Why the default-based advice is withheld, when it is. */
export interface AdviceWithheld {
  /** Keys the chosen release lacks that other releases have. */
  foreign: number;
  /** The releases the file's keys fit, in words (`0.33.0 to 0.36.1`); empty when no release has them all. */
  writtenFor: string;
}

export interface CheckReport {
  version: string;
  /** The length of the text checked: the page matches a report to the text it shows. */
  textLength: number;
  findings: Finding[];
  /** One sentence: the counts, or what was checked when nothing was found, or that the file is empty. */
  summary: string;
  empty: boolean;
  checked?: {keys: number; rules: number};
  fit?: ReleaseFit;
  /** Set when the file's keys do not fit the release, so values equal to its defaults are not advice. */
  adviceWithheld?: AdviceWithheld;
  /** Undefined when the text is not valid YAML, or the advice is withheld. */
  minimal?: MinimalFile;
  upgrade?: UpgradeReport;
  /** Keys whose values look secret (./secrets.ts): what a share link would carry. */
  secrets: string[];
}

export function checkReport(text: string, release: CheckerRelease, options: ReportOptions = {}): CheckReport {
  const parsed = parseConfig(text);
  const result = checkConfig(text, release, parsed);
  const report: CheckReport = {
    version: release.version,
    textLength: text.length,
    findings: result.findings,
    summary: summarize(result, release.version),
    empty: result.empty,
    ...(result.checked ? {checked: result.checked} : {}),
    ...(result.fit ? {fit: result.fit} : {}),
    secrets: secretPaths(result.keys),
  };
  const {upgradeTo} = options;
  if (upgradeTo && release.line.has(upgradeTo)) {
    const upgrade = upgradeCheck(text, release, checkerRelease(release.line, upgradeTo), parsed, result.keys);
    if (upgrade) report.upgrade = upgrade;
  }
  if (result.fit && !result.fit.fits) report.adviceWithheld = {foreign: result.fit.foreign, writtenFor: describeReleases(release.line, result.fit.fitting)};
  else if (!options.noMinimal && !result.empty) {
    // Last: it may change the parsed document, which nothing reads after it.
    const minimal = minimalConfig(text, release, parsed, true);
    if (minimal) report.minimal = minimal;
  }
  return report;
}
