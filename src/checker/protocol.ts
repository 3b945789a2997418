/**
 * The messages between a page and the checker's worker, which does every
 * step that grows with the text (reading the share link, parsing, checking,
 * the minimal file, the upgrade, the share link's secrets left out), so the
 * page never waits on it. Plain data both ways (structured clone). The page
 * may stop the worker at any time; requests are answered in order.
 */
import type {CheckReport} from './report';
import type {ShareOutcome, SharedState} from './share';

/** Where the worker fetches what it checks against: the release data of the line, and each checkable release's schema (absolute URLs). */
export interface WorkerSetup {
  releasesUrl: string;
  schemaUrls: Record<string, string>;
}

export type WorkerRequest =
  | {type: 'setup'; setup: WorkerSetup}
  /** Check `text` against `version`; `upgradeTo`: also the upgrade to that later release. */
  | {type: 'check'; id: number; text: string; version: string; upgradeTo?: string}
  /** Read a share link's fragment. */
  | {type: 'decode'; id: number; fragment: string}
  /** Make a share link's fragment; `leaveOutSecrets`: replace the values of keys that look secret first. */
  | {type: 'share'; id: number; state: SharedState; leaveOutSecrets: boolean};

export type WorkerResponse =
  /** The release is loaded and the check itself begins: the page's time budget starts now. */
  | {type: 'started'; id: number}
  | {type: 'report'; id: number; report: CheckReport; ms: number}
  | {type: 'decoded'; id: number; outcome: ShareOutcome}
  | {type: 'shared'; id: number; fragment: string; leftOut: string[]}
  | {type: 'failed'; id: number; message: string};
