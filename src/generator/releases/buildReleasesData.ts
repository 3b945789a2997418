/**
 * The release data (src/reference/releases.ts `ReleasesData`) from every
 * release's field states: one entry per path ever seen, its runs of
 * releases, each distinct state stored once.
 */
import type {FieldState} from '../../reference/fieldIndex';
import {RELEASES_FORMAT, type ReleaseField, type ReleaseLine, type ReleasesData} from '../../reference/releases';
import type {ReleaseStates} from './releaseStates';

/**
 * One order for the paths of every release, newest release first: its paths
 * in its schema order, then each older release's paths that newer ones lack,
 * each placed right after the path before it there. Where no release
 * reorders the fields it shares with another, every release reads its own
 * fields in its own schema order; where one does (0.25.0 reordered k3s's
 * fields, 0.31.0 the network policy's), the newer order wins.
 */
function mergedOrder(line: ReleaseLine, states: ReadonlyMap<string, ReleaseStates>): string[] {
  const next = new Map<string, string | undefined>();
  const head = '\u0000head';
  next.set(head, undefined);
  for (const version of [...line.releases].reverse()) {
    let previous = head;
    for (const [path] of states.get(version)!) {
      if (!next.has(path)) {
        next.set(path, next.get(previous));
        next.set(previous, path);
      }
      previous = path;
    }
  }
  const order: string[] = [];
  for (let path = next.get(head); path !== undefined; path = next.get(path)) order.push(path);
  return order;
}

/** `line.releases` are oldest first; `states` holds every one of them. */
export function buildReleasesData(line: ReleaseLine, states: ReadonlyMap<string, ReleaseStates>): ReleasesData {
  for (const version of line.releases) if (!states.has(version)) throw new Error(`release data: no fields for ${version}`);
  const stateIds = new Map<string, number>();
  const stateList: FieldState[] = [];
  const idOf = (state: FieldState): number => {
    const key = JSON.stringify(state);
    let id = stateIds.get(key);
    if (id === undefined) {
      id = stateList.length;
      stateIds.set(key, id);
      stateList.push(state);
    }
    return id;
  };
  const fields = new Map<string, ReleaseField>(mergedOrder(line, states).map((path) => [path, {path, runs: []}]));
  line.releases.forEach((version, index) => {
    for (const [path, state] of states.get(version)!) {
      const {runs} = fields.get(path)!;
      const id = idOf(state);
      const last = runs.at(-1);
      if (last && last[1] === index - 1 && last[2] === id) last[1] = index;
      else runs.push([index, index, id]);
    }
  });
  return {format: RELEASES_FORMAT, releases: [...line.releases], documented: [...line.documented], routes: [], states: stateList, fields: [...fields.values()]};
}
