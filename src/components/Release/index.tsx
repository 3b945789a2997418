/**
 * The release a page documents, as text: `<Release />` in a page reads
 * "0.36.1" in that release's docs. Pages write it wherever they mean "this
 * release", so that a patch that replaces the release (add-version) or a
 * snapshot copied for another release names the right one by itself.
 */
import type {ReactNode} from 'react';
import {useDocsVersion} from '@docusaurus/plugin-content-docs/client';

export default function Release(): ReactNode {
  return useDocsVersion().label;
}
