/**
 * The messages between a page and the checker's worker, which does every
 * step that grows with the text (reading the share link, parsing, checking,
 * the minimal file, the upgrade, the share link's secrets left out), so the
 * page never waits on it. Plain data both ways (structured clone). The page
 * may stop the worker at any time; requests are answered in order.
 */
import type {LegacyDistro} from './legacy/legacyValues';
import type {CheckReport} from './report';
import type {ShareOutcome, SharedState} from './share';
import type {UpgradeErrorReason, UpgradeResult} from './upgradeConfig';

/**
 * Where the worker fetches what it checks against: the release data of the
 * line, and each checkable release's schema (absolute URLs); for the
 * upgrade, the curated moves and the folder of every release's schema
 * (fetched only when an upgrade is asked for).
 */
export interface WorkerSetup {
  releasesUrl: string;
  schemaUrls: Record<string, string>;
  movesUrl?: string;
  /** `<schemasUrl><version>/vcluster.schema.json` is any release's schema, history-only ones included. */
  schemasUrl?: string;
}

/** The releases of the line as the upgrade offers them. */
export interface LineInfo {
  /** Every release, oldest first (history-only ones included). */
  releases: string[];
  documented: string[];
  current: string;
  /** The release a reader names for a values file of the charts before 0.20, and the distros they ran. */
  legacyRelease: string;
  distros: string[];
}

/** What an upgrade came to: the upgraded file and all that goes with it, or why the input cannot be upgraded. */
export type UpgradeOutcome =
  | {kind: 'result'; result: UpgradeResult}
  | {kind: 'error'; reason: UpgradeErrorReason; message: string; line?: number; column?: number; needsDistro: boolean};

export type WorkerRequest =
  | {type: 'setup'; setup: WorkerSetup}
  /** Check `text` against `version`; `upgradeTo`: also the upgrade to that later release. */
  | {type: 'check'; id: number; text: string; version: string; upgradeTo?: string}
  /** Read a share link's fragment. */
  | {type: 'decode'; id: number; fragment: string}
  /** Make a share link's fragment; `leaveOutSecrets`: replace the values of keys that look secret first. */
  | {type: 'share'; id: number; state: SharedState; leaveOutSecrets: boolean}
  /** The releases of the line (from the release data the check reads too). */
  | {type: 'line'; id: number}
  /** Upgrade `text` from `from` (a release, or LineInfo.legacyRelease with `distro`) to the later `to`. */
  | {type: 'upgrade'; id: number; text: string; from: string; to: string; distro?: LegacyDistro};

export type WorkerResponse =
  /** The release is loaded and the check itself begins: the page's time budget starts now. */
  | {type: 'started'; id: number}
  | {type: 'report'; id: number; report: CheckReport; ms: number}
  | {type: 'decoded'; id: number; outcome: ShareOutcome}
  | {type: 'shared'; id: number; fragment: string; leftOut: string[]}
  | {type: 'line'; id: number; line: LineInfo}
  | {type: 'upgraded'; id: number; outcome: UpgradeOutcome; ms: number}
  | {type: 'failed'; id: number; message: string};
