import path from 'node:path';
import {CHANGES_FILE, partialsDirOf} from '../../reference/files';
import type {FieldIndex, FieldRecord} from '../../reference/fieldIndex';
import type {PageMap} from '../../reference/pageMap';
import {pageForField} from '../../reference/pageForField';
import {docsRoute} from '../../reference/urls';
import {serializePartial} from '../render/serialize';
import {createChangesPartial, type FieldLinker} from './createChangesPartial';
import {diffIndexes} from './diffIndexes';

export {CHANGES_FILE};

export interface VersionReference {
  version: string;
  index: FieldIndex;
  /** The version's pages and the partials they import; without it, fields of the version are not linked. */
  pages?: PageMap;
}

/**
 * Links a field to the page of its version that shows it (src/reference/pageForField.ts).
 * Within the changes page's own version the link is a relative file path,
 * which Docusaurus resolves and checks. Into another version it is that
 * version's route (`pathname:///docs/0.21.0/...`, base URL added by
 * Docusaurus): a build may leave other versions out (DOCS_VERSIONS).
 */
function linkerFor(references: readonly VersionReference[], own: VersionReference, current: string): FieldLinker {
  return (version: string, record: FieldRecord) => {
    const pages = references.find((candidate) => candidate.version === version)?.pages;
    const page = pages && pageForField(record, pages.pagesByPartial);
    if (!pages || !page) return undefined;
    if (version === own.version) {
      // The changes partial sits in the version's partials directory.
      const target = path.relative(partialsDirOf(pages.docsDir), page).split(path.sep).join('/');
      return `${target.startsWith('.') ? target : `./${target}`}#${record.anchor}`;
    }
    return `pathname://${docsRoute(version, current, pages.routes.get(page))}#${record.anchor}`;
  };
}

/**
 * For each version whose predecessor in the manifest is also given, the
 * "what changed" partial (fields added, removed, with a new type or default),
 * keyed by version.
 */
export function createChangesPartials(references: readonly VersionReference[], manifestOrder: readonly string[], current: string): Map<string, string> {
  const partials = new Map<string, string>();
  for (const reference of references) {
    const previousVersion = manifestOrder[manifestOrder.indexOf(reference.version) + 1];
    const previous = references.find((candidate) => candidate.version === previousVersion);
    if (!previous) continue;
    const diff = diffIndexes(previous.index, reference.index);
    partials.set(reference.version, serializePartial(createChangesPartial(diff, linkerFor(references, reference, current))));
  }
  return partials;
}
