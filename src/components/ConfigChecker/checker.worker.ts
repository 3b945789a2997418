/**
 * The checker's worker (src/checker/protocol.ts): fetches the release data
 * and a release's schema once each, compiles the schema, and answers the
 * page's requests one after another. Everything that grows with the text
 * runs here, so a hostile or huge file costs the page nothing: the page
 * stops this worker when it runs past its time budget. The upgrade of a
 * whole file runs here too: the curated moves and the target's schema are
 * fetched only when the reader asks for one.
 */
import {compileChartSchema} from '../../reference/chartSchema';
import type {MovesData} from '../../reference/moves';
import {Releases, type ReleasesData} from '../../reference/releases';
import {PUBLISHED_SCHEMA} from '../../reference/urls';
import type {UpgradeOutcome, WorkerRequest, WorkerResponse, WorkerSetup} from '../../checker/protocol';
import {LEGACY_DISTROS} from '../../checker/legacy/legacyValues';
import {LEGACY_RELEASE, UpgradeInputError, upgradeConfig, type UpgradeRequest} from '../../checker/upgradeConfig';
import {checkerRelease, type CheckerRelease} from '../../checker/release';
import {checkReport} from '../../checker/report';
import {leaveOutSecrets} from '../../checker/secrets';
import {encodeShare, readShare} from '../../checker/share';

const scope = self as unknown as {postMessage(message: WorkerResponse): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null};

let setup: WorkerSetup | undefined;
let line: Promise<Releases> | undefined;
const releases = new Map<string, Promise<CheckerRelease>>();

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${new URL(url).pathname}: ${response.status} ${response.statusText}`);
  return response.json();
}

function releaseLine(): Promise<Releases> {
  if (!setup) return Promise.reject(new Error('the checker has not been set up'));
  if (!line) {
    const loading = fetchJson(setup.releasesUrl).then((data) => new Releases(data as ReleasesData));
    line = loading;
    // A failed load is tried again on the next request.
    loading.catch(() => {
      if (line === loading) line = undefined;
    });
  }
  return line;
}

/** A release with its schema compiled; `anyRelease`: a release of the line the checker does not offer (an upgrade's target). */
function release(version: string, anyRelease = false): Promise<CheckerRelease> {
  let loading = releases.get(version);
  if (!loading) {
    const schemaUrl = setup?.schemaUrls[version] ?? (anyRelease && setup?.schemasUrl ? new URL(`${encodeURIComponent(version)}/${PUBLISHED_SCHEMA}`, setup.schemasUrl).href : undefined);
    if (!setup || !schemaUrl) return Promise.reject(new Error(`${version} is not a release the checker can check against`));
    line = releaseLine();
    loading = Promise.all([line, fetchJson(schemaUrl)]).then(([releasesData, schema]) => checkerRelease(releasesData, version, schema, compileChartSchema(schema as object)));
    releases.set(version, loading);
    // A failed load is tried again on the next request.
    loading.catch(() => {
      releases.delete(version);
      line = undefined;
    });
  }
  return loading;
}

let moves: Promise<MovesData> | undefined;

function movesData(): Promise<MovesData> {
  if (!setup?.movesUrl) return Promise.reject(new Error('the checker was not told where the curated moves are'));
  moves ??= fetchJson(setup.movesUrl).then((data) => data as MovesData);
  moves.catch(() => {
    moves = undefined;
  });
  return moves;
}

/** The upgrade of a whole file, or why it cannot be done; a file of the charts before 0.20 given a release is told to name its distro. */
async function upgrade(request: UpgradeRequest, onStarted: () => void): Promise<UpgradeOutcome> {
  const releaseData = await releaseLine();
  const sources = {line: releaseData, moves: await movesData(), ...(releaseData.has(request.to) ? {validate: (await release(request.to, true)).validate} : {})};
  onStarted();
  try {
    return {kind: 'result', result: upgradeConfig(request, sources)};
  } catch (error) {
    if (!(error instanceof UpgradeInputError)) throw error;
    let needsDistro = error.reason === 'legacy-needs-distro' || error.reason === 'unknown-distro';
    if (!needsDistro && error.reason === 'mixed-formats' && request.from !== LEGACY_RELEASE) {
      // A values file of the charts before 0.20 given a release: it is one when the engine, told so, asks only for its distro.
      try {
        upgradeConfig({text: request.text, from: LEGACY_RELEASE, to: request.to}, sources);
      } catch (again) {
        needsDistro = again instanceof UpgradeInputError && again.reason === 'legacy-needs-distro';
      }
    }
    return {kind: 'error', reason: error.reason, message: error.message, ...(error.position ?? {}), needsDistro};
  }
}

async function answer(request: WorkerRequest): Promise<WorkerResponse | undefined> {
  switch (request.type) {
    case 'setup':
      setup = request.setup;
      return undefined;
    case 'check': {
      const checked = await release(request.version);
      scope.postMessage({type: 'started', id: request.id});
      const started = performance.now();
      const report = checkReport(request.text, checked, request.upgradeTo ? {upgradeTo: request.upgradeTo} : {});
      return {type: 'report', id: request.id, report, ms: performance.now() - started};
    }
    case 'decode':
      return {type: 'decoded', id: request.id, outcome: await readShare(request.fragment)};
    case 'share': {
      const {text, leftOut} = request.leaveOutSecrets ? leaveOutSecrets(request.state.text) : {text: request.state.text, leftOut: []};
      return {type: 'shared', id: request.id, fragment: await encodeShare({...request.state, text}), leftOut};
    }
    case 'line': {
      const data = await releaseLine();
      return {type: 'line', id: request.id, line: {releases: [...data.data.releases], documented: [...data.data.documented], current: data.current, legacyRelease: LEGACY_RELEASE, distros: [...LEGACY_DISTROS]}};
    }
    case 'upgrade': {
      let started = performance.now();
      const outcome = await upgrade({text: request.text, from: request.from, to: request.to, ...(request.distro ? {distro: request.distro} : {})}, () => {
        scope.postMessage({type: 'started', id: request.id});
        started = performance.now();
      });
      return {type: 'upgraded', id: request.id, outcome, ms: performance.now() - started};
    }
  }
}

// Requests are answered in the order they came, each once the one before is done.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      const response = await answer(request);
      if (response) scope.postMessage(response);
    } catch (error) {
      if (request.type !== 'setup') scope.postMessage({type: 'failed', id: request.id, message: (error as Error).message});
    }
  });
};
