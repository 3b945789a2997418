/**
 * Where a field the chosen release lacks is found in the line: whether it
 * came later ("added in 0.22.0") or went earlier ("removed in 0.33.0"), each
 * the exact release (history-only ones included), and the nearest
 * documented release that shows it, for the link.
 */
import type {FieldLink} from './findings';
import {lineResolver, type CheckerRelease} from './release';

export interface ReleaseSpan {
  addedIn?: string;
  removedIn?: string;
  /** The field in the nearest documented release that shows it. */
  link?: FieldLink;
}

/** The span of `path` around `chosen`, which lacks it; undefined when no release of the line has it. */
export function releaseSpan(path: string, chosen: CheckerRelease): ReleaseSpan | undefined {
  const resolution = lineResolver(chosen.line).resolve(path);
  if (!resolution.found || resolution.inside) return undefined;
  const span = chosen.line.spanAround(resolution.record.path, chosen.version);
  if (!span || (!span.addedIn && !span.removedIn)) return undefined;
  const {nearest} = span;
  return {
    ...(span.addedIn ? {addedIn: span.addedIn} : {}),
    ...(span.removedIn ? {removedIn: span.removedIn} : {}),
    ...(nearest ? {link: {version: nearest.version, path: resolution.record.path, route: nearest.route, anchor: nearest.anchor}} : {}),
  };
}
