/**
 * An empty target for a link into a generated list (`<Anchor id="removed-…" />`): a what-changed entry,
 * an upgrade guide's move. A plain `<span id>` in MDX is invisible to the build's broken-anchor check, which
 * only knows ids registered while rendering; this one registers itself.
 */
import type {ReactElement} from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';

export default function Anchor({id}: {id: string}): ReactElement {
  useBrokenLinks().collectAnchor(id);
  return <span id={id} />;
}
