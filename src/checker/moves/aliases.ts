/**
 * The old names of a release's fields: every key an earlier release had (or
 * a values file of the charts before 0.20 set) that the curated moves carry
 * to a field of the release. The search index keeps them, so that searching
 * for `experimental.sleepMode` or `syncer` finds where the key went.
 * Browser-safe.
 */
import {parsePath} from '../../reference/configPath';
import {appliesAt, type MoveEntry, type MovesData} from '../../reference/moves';
import {compareVersions, type Releases} from '../../reference/releases';
import {CONVERTED_RELEASE} from '../legacy/convert';
import {LEGACY_ALIASES} from '../legacy/legacyValues';

/** `rest` of `path` below `prefix` (`a.b.c` below `a` is `b.c`, `''` for `a` itself); undefined when not below it. */
function below(path: string, prefix: string): string | undefined {
  if (path === prefix) return '';
  return path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : undefined;
}

const join = (base: string, rest: string) => (rest ? `${base}.${rest}` : base);

/** Where one move takes `path`: unchanged when the move does not read it, undefined when it removes it. */
function across(move: MoveEntry, path: string): string | undefined {
  const parts = move.kind === 'split' ? (move.targets ?? []).map((part) => ({from: part.from, to: part.to, mapping: part.mapping})) : move.from.map((from) => ({from, to: move.to, mapping: move.mapping}));
  for (const part of parts) {
    const rest = below(path, part.from);
    if (rest === undefined) continue;
    if (!part.to) return undefined;
    for (const [source, target] of Object.entries(part.mapping ?? {})) {
      const inner = below(rest, source);
      if (inner === undefined) continue;
      return target === null ? undefined : join(join(part.to, target), inner);
    }
    return join(part.to, rest);
  }
  // A split's own key and a removal's: gone.
  return below(path, move.from[0]) !== undefined ? undefined : path;
}

/** Where the moves from `from` (exclusive) to `to` (inclusive) take a key; undefined when one removes it. */
export function forwardPath(moves: MovesData, path: string, from: string, to: string): string | undefined {
  let current: string | undefined = path;
  for (const move of moves.moves) {
    if (current === undefined) return undefined;
    const at = appliesAt(move);
    if (compareVersions(at, from) <= 0 || compareVersions(at, to) > 0) continue;
    current = across(move, current);
  }
  return current;
}

/**
 * The old names of the fields of `version`: field path → old paths (keys of
 * earlier releases the release no longer has, and the old charts' keys),
 * each of which the moves carry to that field.
 */
export function aliasesOf(line: Releases, moves: MovesData, version: string): Map<string, string[]> {
  const at = line.indexOf(version);
  const aliases = new Map<string, string[]>();
  const add = (field: string, old: string) => {
    if (field === old || !line.byPath.has(field) || !line.stateAt(line.byPath.get(field)!, at)) return;
    const list = aliases.get(field) ?? [];
    if (!list.includes(old)) aliases.set(field, [...list, old]);
  };
  for (const field of line.data.fields) {
    if (parsePath(field.path).some((segment) => segment.kind !== 'property') || line.stateAt(field, at)) continue;
    // The last release before `version` that had it.
    const last = [...field.runs].reverse().find(([, end]) => end < at);
    if (!last) continue;
    const target = forwardPath(moves, field.path, line.data.releases[last[1]], version);
    if (target) add(target, field.path);
  }
  if (line.has(CONVERTED_RELEASE) && compareVersions(CONVERTED_RELEASE, version) <= 0) {
    for (const [old, target] of Object.entries(LEGACY_ALIASES)) {
      const forward = forwardPath(moves, target, CONVERTED_RELEASE, version);
      if (forward) add(forward, old);
    }
  }
  return aliases;
}
