import {createContext, startTransition, useContext, useEffect, useState} from 'react';
import {idleQueue} from '../../lib/idleQueue';

/**
 * Which fields of a partial show their actions: none on the server or while
 * the page hydrates (they need JavaScript), then the partial's fields in page
 * order, `CHUNK` more per idle period, each step a transition (React renders
 * it in slices). All at once, a 400-field page would re-render and lay out
 * every field head in one long task just after it hydrates. One state per
 * partial, none per field: a field shows its actions once its position in
 * the partial (`f.index`) is below the count.
 */
const CHUNK = 100;
/** What a reader waits for at most per step, on a busy machine. */
const whenIdle = idleQueue(250);

/** What a partial's root tells its field heads: how many show their actions, and the anchor the address points at. */
export interface HeadState {
  shown: number;
  target?: string;
}

const Shown = createContext<HeadState>({shown: 0});

/** In a partial's root: the count of fields that show their actions, growing to `total` once the page runs. */
export function useShownCount(total: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown < total) whenIdle(() => startTransition(() => setShown((count) => count + CHUNK)));
  }, [shown, total]);
  return shown;
}

/**
 * The anchor the address's fragment names, once the page runs (the server
 * knows no fragment, and hydration must match its markup). The theme
 * provides it around each partial (src/theme/MDXComponents); without it no
 * field is the target.
 */
export const TargetAnchor = createContext<string | undefined>(undefined);

export const ShownProvider = Shown.Provider;

/** In a field's head: whether the field at `index` of its partial shows its actions, and whether the address points at it. */
export function useHeadState(index: number, anchor: string): {shown: boolean; target: boolean} {
  const state = useContext(Shown);
  return {shown: index < state.shown, target: state.target === anchor};
}
