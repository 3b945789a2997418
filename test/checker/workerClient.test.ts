/**
 * The page's side of the checker's worker (src/components/ConfigChecker/workerClient.ts)
 * on a stand-in worker: one check at a time with only the newest text
 * waiting, the time budget that starts when the check itself does and ends
 * the worker, the Stop button, and a new worker after a stopped one.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {WorkerRequest, WorkerResponse} from '../../src/checker/protocol';
import type {CheckReport} from '../../src/checker/report';
import {CheckStopped, CheckerClient} from '../../src/components/ConfigChecker/workerClient';

class FakeWorker {
  static made: FakeWorker[] = [];
  received: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(request: WorkerRequest): void {
    this.received.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(response: WorkerResponse): void {
    this.onmessage?.({data: response} as MessageEvent<WorkerResponse>);
  }
  checks(): Array<Extract<WorkerRequest, {type: 'check'}>> {
    return this.received.filter((request): request is Extract<WorkerRequest, {type: 'check'}> => request.type === 'check');
  }
}

const report = (text: string): CheckReport => ({version: '1.0.0', textLength: text.length, findings: [], summary: '', empty: false, secrets: []});
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function client(budgetMs = 10_000): CheckerClient {
  FakeWorker.made = [];
  return new CheckerClient({releasesUrl: 'http://x/releases.json', schemaUrls: {'1.0.0': 'http://x/s.json'}}, () => new FakeWorker() as unknown as Worker, budgetMs);
}

describe('the checker worker client', () => {
  test('one check at a time; of the texts typed meanwhile only the newest is checked next', async () => {
    const checker = client();
    const first = checker.check('a', '1.0.0');
    const second = checker.check('ab', '1.0.0');
    const third = checker.check('abc', '1.0.0');
    const worker = FakeWorker.made[0];
    assert.deepEqual(worker.checks().map((request) => request.text), ['a']);
    await assert.rejects(second, (error: unknown) => error instanceof CheckStopped && error.why === 'superseded');
    worker.answer({type: 'report', id: worker.checks()[0].id, report: report('a'), ms: 1});
    assert.equal((await first).report.textLength, 1);
    await tick();
    assert.deepEqual(worker.checks().map((request) => request.text), ['a', 'abc']);
    worker.answer({type: 'report', id: worker.checks()[1].id, report: report('abc'), ms: 1});
    assert.equal((await third).report.textLength, 3);
    assert.equal(worker.received[0].type, 'setup', 'the worker is told where the data is first');
  });

  test('the budget starts when the check itself starts, and ends the worker when it runs out; the next check gets a new worker', async () => {
    const checker = client(50);
    const slow = checker.check('x', '1.0.0');
    const worker = FakeWorker.made[0];
    // Loading the release takes as long as it takes: no budget yet.
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(worker.terminated, false);
    let started = false;
    const check = worker.checks()[0];
    worker.answer({type: 'started', id: check.id});
    await assert.rejects(slow, (error: unknown) => error instanceof CheckStopped && error.why === 'budget');
    assert.equal(worker.terminated, true);
    const next = checker.check('y', '1.0.0', undefined, () => (started = true));
    const fresh = FakeWorker.made[1];
    assert.ok(fresh && fresh !== worker, 'a new worker');
    fresh.answer({type: 'started', id: fresh.checks()[0].id});
    assert.equal(started, true);
    fresh.answer({type: 'report', id: fresh.checks()[0].id, report: report('y'), ms: 1});
    assert.equal((await next).report.textLength, 1);
  });

  test('Stop ends the worker and what it was doing; a share link being read fails with it', async () => {
    const checker = client();
    const running = checker.check('x', '1.0.0');
    const decoding = checker.decode('#config=abc');
    checker.stop();
    await assert.rejects(running, (error: unknown) => error instanceof CheckStopped && error.why === 'stopped');
    await assert.rejects(decoding);
    assert.equal(FakeWorker.made[0].terminated, true);
  });

  test('a failed request rejects with the worker\'s message', async () => {
    const checker = client();
    const decoding = checker.decode('#config=abc');
    const worker = FakeWorker.made[0];
    const request = worker.received.find((entry) => entry.type === 'decode') as Extract<WorkerRequest, {type: 'decode'}>;
    worker.answer({type: 'failed', id: request.id, message: 'no such release'});
    await assert.rejects(decoding, /no such release/u);
  });

  test('an upgrade runs under the same budget, from when the worker starts it; its answer comes back whole', async () => {
    const checker = client(50);
    const upgrading = checker.upgrade({text: 'a: 1', from: '1.0.0', to: '1.1.0'});
    const worker = FakeWorker.made[0];
    const request = worker.received.find((entry) => entry.type === 'upgrade') as Extract<WorkerRequest, {type: 'upgrade'}>;
    assert.deepEqual({from: request.from, to: request.to, text: request.text}, {from: '1.0.0', to: '1.1.0', text: 'a: 1'});
    // Fetching the moves and the target's schema is not counted.
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(worker.terminated, false);
    worker.answer({type: 'started', id: request.id});
    await assert.rejects(upgrading, (error: unknown) => error instanceof CheckStopped && error.why === 'budget');
    assert.equal(worker.terminated, true);
    const again = checker.upgrade({text: 'a: 1', from: '1.0.0', to: '1.1.0'});
    const fresh = FakeWorker.made[1];
    const next = fresh.received.find((entry) => entry.type === 'upgrade') as Extract<WorkerRequest, {type: 'upgrade'}>;
    fresh.answer({type: 'started', id: next.id});
    fresh.answer({type: 'upgraded', id: next.id, outcome: {kind: 'error', reason: 'not-later', message: 'older', needsDistro: false}, ms: 1});
    const {outcome} = await again;
    assert.equal(outcome.kind === 'error' && outcome.reason, 'not-later');
    // The budget ended with the answer.
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(fresh.terminated, false);
  });
});
