/**
 * Which releases a file's keys fit: the releases of the line that have every
 * key it sets. Advice that rests on the chosen release's defaults (a value
 * equal to its default, the minimal file) holds only when the file fits that
 * release; a file written for another release would lose values that matter
 * there. Keys no release has (typos) do not count.
 */
import {lineResolver, type CheckerRelease} from './release';
import type {SetKey} from './setKeys';


export interface ReleaseFit {
  /** The file's keys fit the chosen release: every key it sets that some release has, this one has. */
  fits: boolean;
  /** The releases that have every such key, oldest first; empty when none has them all. */
  fitting: string[];
  /** How many keys the chosen release lacks that another release has. */
  foreign: number;
}

/** The fit of the keys a file sets, around `release`. */
export function releaseFit(keys: readonly SetKey[], release: CheckerRelease): ReleaseFit {
  const {line} = release;
  const releases = line.data.releases;
  const resolver = lineResolver(line);
  const chosen = line.indexOf(release.version);
  // Each field the keys name, once, with whether the chosen release has it.
  const fields = new Map<string, boolean>();
  // Keys inside a free-form value (a map of labels) belong to that value's field: found once, not per key.
  const freeForm = new Map<string, string>();
  let foreign = 0;
  for (const key of keys) {
    let path = freeForm.get(key.parent);
    if (path === undefined) {
      const resolution = resolver.resolveKeys(key.keys);
      if (!resolution.found) continue;
      path = resolution.record.path;
      if (resolution.inside) freeForm.set(key.path, path);
    } else {
      freeForm.set(key.path, path);
    }
    let inChosen = fields.get(path);
    if (inChosen === undefined) {
      inChosen = (line.byPath.get(path)?.runs ?? []).some(([first, last]) => first <= chosen && chosen <= last);
      fields.set(path, inChosen);
    }
    if (!inChosen) foreign++;
  }
  const has = new Array<boolean>(releases.length).fill(true);
  for (const path of fields.keys()) {
    const runs = line.byPath.get(path)?.runs ?? [];
    has.forEach((kept, i) => {
      if (kept && !runs.some(([first, last]) => first <= i && i <= last)) has[i] = false;
    });
  }
  return {fits: foreign === 0, fitting: releases.filter((_, i) => has[i]), foreign};
}

/** `0.33.0`, `0.33.0 to 0.36.1`, or the releases listed when they are not one run of the line. */
export function describeReleases(line: CheckerRelease['line'], versions: readonly string[]): string {
  if (!versions.length) return '';
  const indexes = versions.map((version) => line.indexOf(version));
  const contiguous = indexes.every((index, i) => i === 0 || index === indexes[i - 1] + 1);
  if (versions.length === 1) return versions[0];
  return contiguous ? `${versions[0]} to ${versions.at(-1)}` : versions.join(', ');
}
