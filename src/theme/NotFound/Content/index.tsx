import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';

/** Marks the not-found content, which the version menu looks for while the page hydrates (src/theme/NavbarItem). */
export const NOT_FOUND_MARK = 'data-not-found';

export default function NotFoundContent(): ReactNode {
  return (
    <main className="container margin-vert--xl" {...{[NOT_FOUND_MARK]: ''}}>
      <Heading as="h1">Page not found</Heading>
      <p>There is no page at this address. The reference may have moved between vCluster releases.</p>
      <p>
        Start from the <Link to="/docs">vcluster.yaml overview</Link>, pick a version from the version menu, or search for the field by name or
        dotted path (for example <code>controlPlane.distro.k8s.enabled</code>).
      </p>
    </main>
  );
}
