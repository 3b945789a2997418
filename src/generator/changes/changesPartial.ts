import {readFileSync} from 'node:fs';
import path from 'node:path';
import {pageMapFor} from '../../remark/pageMap';
import type {FieldIndex, FieldRecord} from '../model/fieldIndex';
import {serializePartial} from '../render/serialize';
import {createChangesPartial, type FieldLinker} from './createChangesPartial';
import {diffIndexes} from './diffIndexes';

export const CHANGES_FILE = 'changes.mdx';

export interface VersionReference {
  version: string;
  index: FieldIndex;
  /** The version's partials directory (`<docs dir>/_partials/config`). */
  partialsDir: string;
}

/** A docs page's route inside its version: `control-plane/index.mdx` → `control-plane`; a `slug` in its front matter wins. */
function routeInVersion(page: string, docsDir: string): string {
  const slug = /^---\n[^]*?^slug:\s*['"]?([^'"\n]+)['"]?\s*$[^]*?^---$/m.exec(readFileSync(page, 'utf8'))?.[1];
  if (slug?.startsWith('/')) return slug.replace(/^\/+|\/+$/g, '');
  return path.relative(docsDir, page).split(path.sep).join('/').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
}

/**
 * Links a field to the page of its version that shows it: the page importing
 * its section's partial, else the most specific partial that covers it.
 * Within the changes page's own version the link is a relative file path,
 * which Docusaurus resolves and checks. Into another version it is that
 * version's route (`pathname:///docs/0.21.0/...`, base URL added by
 * Docusaurus): a build may leave other versions out (DOCS_VERSIONS).
 */
function linkerFor(references: readonly VersionReference[], own: VersionReference, current: string, siteDir: string): FieldLinker {
  return (version: string, record: FieldRecord) => {
    const reference = references.find((candidate) => candidate.version === version);
    if (!reference) return undefined;
    const docsDir = path.resolve(reference.partialsDir, '..', '..');
    const pages = pageMapFor(docsDir, reference.partialsDir, siteDir).pagesByPartial;
    const partial = [record.sectionPartial, record.partial].find((candidate) => pages.get(candidate)?.length);
    if (!partial) return undefined;
    const page = pages.get(partial)![0];
    if (reference === own) {
      const target = path.relative(own.partialsDir, page).split(path.sep).join('/');
      return `${target.startsWith('.') ? target : `./${target}`}#${record.anchor}`;
    }
    const route = ['docs', version === current ? '' : version, routeInVersion(page, docsDir)].filter(Boolean).join('/');
    return `pathname:///${route}#${record.anchor}`;
  };
}

/**
 * For each version whose predecessor in the manifest is also generated, the
 * "what changed" partial (fields added, removed, with a new type or default),
 * keyed by version.
 */
export function createChangesPartials(references: readonly VersionReference[], manifestOrder: readonly string[], siteDir: string): Map<string, string> {
  const partials = new Map<string, string>();
  for (const reference of references) {
    const previousVersion = manifestOrder[manifestOrder.indexOf(reference.version) + 1];
    const previous = references.find((candidate) => candidate.version === previousVersion);
    if (!previous) continue;
    const diff = diffIndexes(previous.index, reference.index);
    partials.set(reference.version, serializePartial(createChangesPartial(diff, linkerFor(references, reference, manifestOrder[0], siteDir))));
  }
  return partials;
}
