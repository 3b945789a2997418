/**
 * Work for the browser's idle time, one piece per idle period (or, at the
 * latest, after `MAX_WAIT_MS`), in the order queued: no piece adds to a long
 * task, and what a piece sets off (a React render it schedules) runs before
 * the next piece.
 */
const MAX_WAIT_MS = 1000;

const queue: Array<() => void> = [];
/** Whether a call of `next` is waiting for an idle period: never more than one. */
let waiting = false;

function requestNext(): void {
  waiting = true;
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(next, {timeout: MAX_WAIT_MS});
  else setTimeout(next, 16);
}

function next(): void {
  waiting = false;
  try {
    queue.shift()?.();
  } finally {
    if (queue.length && !waiting) requestNext();
  }
}

/** Runs `work` in an idle period, after the work queued before it. */
export function whenIdle(work: () => void): void {
  queue.push(work);
  if (!waiting) requestNext();
}
