// A map over items with a bound on how many run at once, for tests that spread pages over browser tabs.

/** Runs `work` on every item, `lanes` at a time (browser tabs, say), in the items' order; the results in that order. */
export async function inParallel<T, R>(items: readonly T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({length: Math.min(lanes, items.length)}, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]);
    }),
  );
  return results;
}
