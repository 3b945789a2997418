import type {ReactNode} from 'react';
import {useDocsVersion} from '@docusaurus/plugin-content-docs/client';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {DEFAULTS_PAGE, docsRoute} from '../../reference/urls';
import {DefaultsPageContext} from './lineLink';

/** Gives the reference inside it the URL of its docs version's default-values page. */
export function DefaultsPageProvider({children}: {children: ReactNode}) {
  const {label, isLast} = useDocsVersion();
  // docsRoute asks only whether the version is the current one (Docusaurus's last version).
  const page = useBaseUrl(docsRoute(label, isLast ? label : '', DEFAULTS_PAGE));
  return <DefaultsPageContext.Provider value={page}>{children}</DefaultsPageContext.Provider>;
}
