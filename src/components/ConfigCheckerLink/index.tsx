import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {useDocsVersion} from '@docusaurus/plugin-content-docs/client';
import {checkerUrl} from '../../reference/urls';

/** The overview's link to the config checker, set to the docs version it is on. */
export default function ConfigCheckerLink(): ReactNode {
  const version = useDocsVersion().label;
  return (
    <p>
      <Link to={checkerUrl(version)}>Check your own vcluster.yaml against {version}</Link>: paste it, and see every problem
      next to the line that causes it, in your browser.
    </p>
  );
}
