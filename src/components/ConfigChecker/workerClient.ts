/**
 * The page's side of the checker's worker (src/checker/protocol.ts): one
 * worker, made on first use; at most one check at a time with the latest
 * text waiting behind it (older waiting texts are dropped); a time budget
 * that starts when the worker begins the check itself (after loading the
 * release) and stops the worker when it runs out; `stop()` for the page's
 * Stop button. A stopped worker is replaced on the next request.
 */
import type {LegacyDistro} from '../../checker/legacy/legacyValues';
import type {LineInfo, UpgradeOutcome, WorkerRequest, WorkerResponse, WorkerSetup} from '../../checker/protocol';
import type {CheckReport} from '../../checker/report';
import type {ShareOutcome, SharedState} from '../../checker/share';

/** How long a check may run before the worker is stopped. */
export const CHECK_BUDGET_MS = 10_000;

/** Why a check did not finish: the reader stopped it, it ran past the budget, or a newer text took its place. */
export class CheckStopped extends Error {
  constructor(readonly why: 'stopped' | 'budget' | 'superseded') {
    super(`check ${why}`);
    this.name = 'CheckStopped';
  }
}

type Request = WorkerRequest extends infer R ? (R extends {id: number} ? Omit<R, 'id'> : never) : never;

interface Waiting {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
  onStarted?(): void;
}

interface CheckJob {
  text: string;
  version: string;
  upgradeTo?: string;
  onStarted?(): void;
  resolve(result: {report: CheckReport; ms: number}): void;
  reject(error: Error): void;
}

export class CheckerClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private budget?: ReturnType<typeof setTimeout>;
  private checking?: number;
  /** Requests other than checks that run under the time budget (upgrades). */
  private readonly timed = new Set<number>();
  private queued?: CheckJob;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly create: () => Worker,
    private readonly budgetMs = CHECK_BUDGET_MS,
  ) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.halt(new Error(`the checker stopped: ${event.message || 'its script failed'}`));
    };
    worker.postMessage({type: 'setup', setup: this.setup} satisfies WorkerRequest);
    this.worker = worker;
    return worker;
  }

  private receive(response: WorkerResponse): void {
    const waiting = this.waiting.get(response.id);
    if (!waiting) return;
    if (response.type === 'started') {
      if (response.id === this.checking || this.timed.has(response.id)) this.startBudget();
      waiting.onStarted?.();
      return;
    }
    this.waiting.delete(response.id);
    if (response.id === this.checking || this.timed.delete(response.id)) clearTimeout(this.budget);
    if (response.type === 'failed') waiting.reject(new Error(response.message));
    else waiting.resolve(response);
  }

  private send(request: Request, onStarted?: () => void): {id: number; done: Promise<WorkerResponse>} {
    const worker = this.ensure();
    const id = this.nextId++;
    const done = new Promise<WorkerResponse>((resolve, reject) => this.waiting.set(id, {resolve, reject, ...(onStarted ? {onStarted} : {})}));
    worker.postMessage({...request, id} as WorkerRequest);
    return {id, done};
  }

  private startBudget(): void {
    clearTimeout(this.budget);
    this.budget = setTimeout(() => this.halt(new CheckStopped('budget')), this.budgetMs);
  }

  /** Ends the worker and everything it was doing or about to do. */
  private halt(error: Error): void {
    clearTimeout(this.budget);
    this.worker?.terminate();
    this.worker = undefined;
    this.checking = undefined;
    this.timed.clear();
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of waiting) entry.reject(error);
  }

  /** Checks `text`; rejects with {@link CheckStopped} when stopped, over budget or replaced by a newer text. */
  check(text: string, version: string, upgradeTo?: string, onStarted?: () => void): Promise<{report: CheckReport; ms: number}> {
    return new Promise((resolve, reject) => {
      this.queued?.reject(new CheckStopped('superseded'));
      this.queued = {text, version, ...(upgradeTo ? {upgradeTo} : {}), ...(onStarted ? {onStarted} : {}), resolve, reject};
      this.pump();
    });
  }

  private pump(): void {
    if (this.checking !== undefined || !this.queued) return;
    const job = this.queued;
    this.queued = undefined;
    const {id, done} = this.send({type: 'check', text: job.text, version: job.version, ...(job.upgradeTo ? {upgradeTo: job.upgradeTo} : {})}, job.onStarted);
    this.checking = id;
    done
      .then((response) => {
        if (response.type !== 'report') throw new Error(`unexpected answer ${response.type}`);
        job.resolve({report: response.report, ms: response.ms});
      })
      .catch((error: Error) => job.reject(error))
      .finally(() => {
        if (this.checking === id) this.checking = undefined;
        this.pump();
      });
  }

  /** Stops what the worker is doing now (the Stop button); a waiting check is dropped too. */
  stop(): void {
    this.queued?.reject(new CheckStopped('stopped'));
    this.queued = undefined;
    this.halt(new CheckStopped('stopped'));
  }

  async decode(fragment: string): Promise<ShareOutcome> {
    const response = await this.send({type: 'decode', fragment}).done;
    if (response.type !== 'decoded') throw new Error(`unexpected answer ${response.type}`);
    return response.outcome;
  }

  async share(state: SharedState, leaveOutSecrets: boolean): Promise<{fragment: string; leftOut: string[]}> {
    const response = await this.send({type: 'share', state, leaveOutSecrets}).done;
    if (response.type !== 'shared') throw new Error(`unexpected answer ${response.type}`);
    return {fragment: response.fragment, leftOut: response.leftOut};
  }

  /** The releases of the line, from the release data the worker reads for the checks too. */
  async line(): Promise<LineInfo> {
    const response = await this.send({type: 'line'}).done;
    if (response.type !== 'line') throw new Error(`unexpected answer ${response.type}`);
    return response.line;
  }

  /**
   * Upgrades a whole file in the worker, under the same time budget as a
   * check (from when the worker has the moves and the target's schema);
   * rejects with {@link CheckStopped} when stopped or over budget.
   */
  async upgrade(request: {text: string; from: string; to: string; distro?: LegacyDistro}, onStarted?: () => void): Promise<{outcome: UpgradeOutcome; ms: number}> {
    const {id, done} = this.send({type: 'upgrade', ...request}, onStarted);
    this.timed.add(id);
    const response = await done;
    if (response.type !== 'upgraded') throw new Error(`unexpected answer ${response.type}`);
    return {outcome: response.outcome, ms: response.ms};
  }

  dispose(): void {
    this.queued = undefined;
    this.halt(new CheckStopped('stopped'));
  }
}
