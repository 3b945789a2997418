/**
 * Deprecation as the chart writes it. The schema never uses JSON Schema's
 * `deprecated` keyword for these; the descriptions say it, in several ways:
 *
 *   "[Deprecated] K3S holds K3s relevant configuration."          a prefix
 *   "… cluster.\nDeprecated: Use AdditionalSecrets instead."       "Deprecated:" anywhere
 *   "This flag is deprecated, as this scenario will be removed…"   "is deprecated"
 *   "Deprecated …" at the start; "Do not use this option anymore."
 *
 * and may name the field to use instead, in Go's spelling
 * ("Use ControlPlane.Distro.K8S.Scheduler instead") or the chart's
 * ("use controlPlane.distro.k8s.image.tag … instead", `Use "plugins" instead`).
 * A description saying a value set here "is rejected" makes the field an
 * error to set, not a warning.
 */
import {formatPath, parentPath, parsePath} from '../../reference/configPath';

const DEPRECATED_FORMS: readonly RegExp[] = [
  /^\s*\[deprecated\]/iu,
  /^\s*deprecated\b/iu,
  /\bdeprecated:/iu,
  /\bis deprecated\b/iu,
  /\bdo not use (?:this|that) (?:option|field) any ?more\b/iu,
];

/** A name the description gives as the one to use, up to the end of its sentence: `Use X instead`, `Use X to … instead`. */
const USE_INSTEAD = /\buse\s+[`"']?([A-Za-z_][\w.]*?)[`"']?(?=[\s,;]|\.(?:\s|$)|$)[^.]*?\binstead\b/iu;

const REJECTED = /\b(?:is|are|will be) rejected\b/iu;

export interface DescribedDeprecation {
  deprecated: boolean;
  /** Setting the field is refused. */
  rejected: boolean;
  /** The name written after "use", as written. */
  named?: string;
}

/** What a description says of deprecation. */
export function deprecationIn(description: string): DescribedDeprecation {
  const deprecated = DEPRECATED_FORMS.some((form) => form.test(description));
  if (!deprecated) return {deprecated, rejected: false};
  const named = USE_INSTEAD.exec(description)?.[1];
  return {deprecated, rejected: REJECTED.test(description), ...(named ? {named} : {})};
}

/** Whether a description marks its field deprecated. */
export function isDeprecatedDescription(description: string): boolean {
  return deprecationIn(description).deprecated;
}

/**
 * The field a deprecated field's description names, among the paths of its
 * release, compared without case (Go writes `ControlPlane.Distro.K8S`): the
 * name as a full path, else below the field's parent, else below each
 * ancestor in turn. Undefined when nothing (or more than one field) matches.
 */
export function resolveNamedField(named: string, fieldPath: string, paths: ReadonlyMap<string, string[]>): string | undefined {
  const candidates: string[] = [named];
  for (let parent = parentPath(fieldPath); parent !== undefined; parent = parentPath(parent)) candidates.push(formatPath([...parsePath(parent), ...parsePath(named)]));
  for (const candidate of candidates) {
    const found = paths.get(candidate.toLowerCase());
    if (found?.length === 1 && found[0] !== fieldPath) return found[0];
  }
  return undefined;
}

/** Every path of a release by its lowercase form, for `resolveNamedField`. */
export function pathsByLowercase(paths: Iterable<string>): Map<string, string[]> {
  const byLowercase = new Map<string, string[]>();
  for (const path of paths) {
    const key = path.toLowerCase();
    byLowercase.set(key, [...(byLowercase.get(key) ?? []), path]);
  }
  return byLowercase;
}
