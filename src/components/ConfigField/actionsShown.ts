import {useEffect, useState} from 'react';
import {whenIdle} from '../../lib/whenIdle';

/**
 * Whether a field's actions are shown: never on the server or while the page
 * hydrates (they need JavaScript), then in page order, `CHUNK` fields per
 * idle period. All at once, a 400-field page would re-render and lay out
 * every field head in one long task just after it hydrates.
 */
const CHUNK = 100;

const waiting: Array<() => void> = [];

function showChunk(): void {
  // React batches these into one render, which runs before the next idle period.
  for (const show of waiting.splice(0, CHUNK)) show();
  if (waiting.length) whenIdle(showChunk);
}

export function useActionsShown(): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (waiting.push(() => setShown(true)) === 1) whenIdle(showChunk);
  }, []);
  return shown;
}
