/**
 * The fields a generated partial lists, read from its source text without
 * compiling it: the arguments of its `export const toc = fieldToc(…)` line
 * (JSON, as the generator writes them) expanded by the site's own
 * `fieldToc`, and its section's anchor from the `<ConfigSection f={…}>` props.
 */
import assert from 'node:assert/strict';
import {fieldToc, sectionAnchor, type FieldEntries, type FieldIdentity, type SectionProps} from '../../src/lib/fieldProps';

const TOC_LINE = /^export const toc = fieldToc\((".*?"), (\[.*\])\);$/m;
const SECTION_PROPS = /^<ConfigSection f=\{(\{.*\})\}( \/)?>$/m;

/** Every field of the partial, in page order, with its path, name, anchor and level. */
export function partialToc(mdx: string): FieldIdentity[] {
  const match = TOC_LINE.exec(mdx);
  assert.ok(match, 'the partial exports a toc made by fieldToc');
  return fieldToc(JSON.parse(match[1]) as string, JSON.parse(match[2]) as FieldEntries);
}

/** The anchor of the partial's section (its root element). */
export function partialSectionAnchor(mdx: string): string {
  const match = SECTION_PROPS.exec(mdx);
  assert.ok(match, 'the partial has a ConfigSection');
  return sectionAnchor(JSON.parse(match[1]) as SectionProps);
}
