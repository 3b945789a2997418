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

/**
 * Links a field to the page of its version that shows it: the page importing
 * its section's partial, else the most specific partial that covers it. The
 * link is a path relative to the changes partial, which Docusaurus resolves
 * to that version's route.
 */
function linkerFor(references: readonly VersionReference[], from: string, siteDir: string): FieldLinker {
  return (version: string, record: FieldRecord) => {
    const reference = references.find((candidate) => candidate.version === version);
    if (!reference) return undefined;
    const docsDir = path.resolve(reference.partialsDir, '..', '..');
    const pages = pageMapFor(docsDir, reference.partialsDir, siteDir).pagesByPartial;
    const partial = [record.sectionPartial, record.partial].find((candidate) => pages.get(candidate)?.length);
    if (!partial) return undefined;
    const target = path.relative(from, pages.get(partial)![0]).split(path.sep).join('/');
    return `${target.startsWith('.') ? target : `./${target}`}#${record.anchor}`;
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
    partials.set(reference.version, serializePartial(createChangesPartial(diff, linkerFor(references, reference.partialsDir, siteDir))));
  }
  return partials;
}
