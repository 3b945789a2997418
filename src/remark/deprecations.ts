/**
 * The lint for prose examples: an example may be valid and still teach a
 * field its release deprecates (in the schema, its description, or a
 * curated fact; see src/reference/facts.ts). Both remark plugins ask here:
 *
 * - a `vcluster.yaml` example that sets a deprecated field fails, unless its
 *   block says why: ```` ```yaml title="vcluster.yaml" allow-deprecated="<why>" ````;
 * - an inline config path naming a deprecated field fails, unless the page's
 *   front matter says why: `allow_deprecated: {serviceCIDR: "<why>"}`.
 *
 * `listDeprecationOptOuts` lists them all, for the docs test.
 */
import {parse as parseYaml, type Document} from 'yaml';
import {formatInstancePath} from '../reference/configPath';
import type {FieldRecord} from '../reference/fieldIndex';
import type {PathRecord, PathResolver} from '../reference/resolvePath';
import {keysOf} from '../reference/validateConfig';

/** The meta option that lets one example use deprecated fields. */
export const ALLOW_DEPRECATED = 'allow-deprecated';
/** The front matter key that lets a page name deprecated fields: path → why. */
export const ALLOW_DEPRECATED_FRONT_MATTER = 'allow_deprecated';

/** A `name="value"` option of a code block's meta: absent, or present with its (possibly empty) value. */
export function metaOption(meta: string | null | undefined, name: string): {reason: string} | undefined {
  const pattern = new RegExp(`(?:^|\\s)${name}(?:=(?:"([^"]*)"|'([^']*)'|([^\\s"']*)))?(?=\\s|$)`, 'u');
  const match = pattern.exec(meta ?? '');
  if (!match) return undefined;
  return {reason: (match[1] ?? match[2] ?? match[3] ?? '').trim()};
}

/** `x is deprecated in vCluster 0.22.0; use y instead`. */
export function deprecationMessage(text: string, record: Partial<Pick<FieldRecord, 'replacement'>>, version: string): string {
  const {replacement} = record;
  return `\`${text}\` is deprecated in vCluster ${version}${replacement ? `; use \`${replacement}\` instead` : ''}`;
}

/** The deprecated fields an example sets: each key whose field (matched by name, not inside a free-form value) is deprecated. */
export function deprecatedKeys<R extends PathRecord & Partial<Pick<FieldRecord, 'deprecated' | 'replacement'>>>(doc: Document, resolver: PathResolver<R>): Array<{offset: number; path: string; record: R}> {
  const found: Array<{offset: number; path: string; record: R}> = [];
  for (const {keys, offset} of keysOf(doc)) {
    const path = formatInstancePath(keys);
    const resolution = resolver.resolve(path);
    if (resolution.found && !resolution.inside && resolution.record.deprecated) found.push({offset, path, record: resolution.record});
  }
  return found;
}

/** The page's allowances from its front matter: path → why (an empty why is no allowance). */
export function pageAllowances(frontMatter: Record<string, unknown> | undefined): Map<string, string> {
  const allowed = frontMatter?.[ALLOW_DEPRECATED_FRONT_MATTER];
  if (!allowed || typeof allowed !== 'object' || Array.isArray(allowed)) return new Map();
  return new Map(Object.entries(allowed).map(([path, why]) => [path, typeof why === 'string' ? why.trim() : '']));
}

/** A page's front matter from its text (Docusaurus strips it before the plugins run and passes it as `file.data.frontMatter`). */
export function frontMatterOf(text: string): Record<string, unknown> | undefined {
  const match = /^---\r?\n([^]*?)\r?\n---\r?\n/u.exec(text);
  if (!match) return undefined;
  const parsed = parseYaml(match[1]) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
}
