/**
 * Where a field the chosen release lacks is found: in which other
 * documented releases, and so whether it came later ("added in 0.22.0") or
 * went earlier ("removed in 0.21.0"). The field history (reference/history.ts)
 * names the exact release, a history-only one included; without it, the
 * nearest documented release tells.
 */
import type {PublishedField} from '../reference/published';
import {fieldLink, type FieldLink} from './findings';
import {oldestFirst, type CheckerRelease} from './release';

export interface ReleaseSpan {
  addedIn?: string;
  removedIn?: string;
  /** The field in the nearest release that has it. */
  link?: FieldLink;
  field: PublishedField;
}

/** The span of `path` around `chosen`, which lacks it; undefined when no documented release has it. */
export function releaseSpan(path: string, chosen: CheckerRelease, releases: readonly CheckerRelease[]): ReleaseSpan | undefined {
  const ordered = oldestFirst(releases, chosen.data.documented);
  const at = ordered.findIndex((release) => release.version === chosen.version);
  if (at < 0) return undefined;
  const has = (release: CheckerRelease): PublishedField | undefined => {
    const resolution = release.resolver.resolve(path);
    return resolution.found && !resolution.inside ? resolution.record : undefined;
  };
  let older: {release: CheckerRelease; field: PublishedField; next: CheckerRelease} | undefined;
  for (let i = at - 1; i >= 0 && !older; i--) {
    const field = has(ordered[i]);
    if (field) older = {release: ordered[i], field, next: ordered[i + 1]};
  }
  let newer: {release: CheckerRelease; field: PublishedField} | undefined;
  for (let i = at + 1; i < ordered.length && !newer; i++) {
    const field = has(ordered[i]);
    if (field) newer = {release: ordered[i], field};
  }
  const nearest = older ?? newer;
  if (!nearest) return undefined;
  const link = fieldLink(nearest.release.version, nearest.field);
  return {
    ...(older ? {removedIn: older.field.removedIn ?? older.next.version} : {}),
    ...(newer ? {addedIn: newer.field.since ?? newer.release.version} : {}),
    ...(link ? {link} : {}),
    field: nearest.field,
  };
}
