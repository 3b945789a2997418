/**
 * The checker's worker (src/checker/protocol.ts): fetches the release data
 * and a release's schema once each, compiles the schema, and answers the
 * page's requests one after another. Everything that grows with the text
 * runs here, so a hostile or huge file costs the page nothing: the page
 * stops this worker when it runs past its time budget.
 */
import {compileChartSchema} from '../../reference/chartSchema';
import {Releases, type ReleasesData} from '../../reference/releases';
import type {WorkerRequest, WorkerResponse, WorkerSetup} from '../../checker/protocol';
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

function release(version: string): Promise<CheckerRelease> {
  let loading = releases.get(version);
  if (!loading) {
    const schemaUrl = setup?.schemaUrls[version];
    if (!setup || !schemaUrl) return Promise.reject(new Error(`${version} is not a release the checker can check against`));
    line ??= fetchJson(setup.releasesUrl).then((data) => new Releases(data as ReleasesData));
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
