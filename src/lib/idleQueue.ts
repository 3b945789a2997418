/**
 * Work for the browser's idle time, one piece per idle period, in the order
 * queued: no piece adds to a long task, and what a piece sets off (a React
 * render it schedules) runs before the next piece. Each queue waits for idle
 * time at most `maxWaitMs` per piece, and queues do not wait for each other
 * (a page's many link prefetches never hold up its field actions).
 */
export function idleQueue(maxWaitMs: number): (work: () => void) => void {
  const queue: Array<() => void> = [];
  // Whether a call of `next` is waiting for an idle period: never more than one.
  let waiting = false;
  const requestNext = (): void => {
    waiting = true;
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(next, {timeout: maxWaitMs});
    else setTimeout(next, 16);
  };
  const next = (): void => {
    waiting = false;
    try {
      queue.shift()?.();
    } finally {
      if (queue.length && !waiting) requestNext();
    }
  };
  return (work) => {
    queue.push(work);
    if (!waiting) requestNext();
  };
}
