import {useMemo, type ReactNode} from 'react';
import {useDocsVersion} from '@docusaurus/plugin-content-docs/client';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {DEFAULTS_PAGE, PUBLISHED_VALUES, docsRoute, publishedUrl} from '../../reference/urls';
import {DefaultsPageContext} from './lineLink';

/** Gives the reference inside it the URLs of its docs version's default-values page and published values.yaml. */
export function DefaultsPageProvider({children}: {children: ReactNode}) {
  const {label, isLast} = useDocsVersion();
  // docsRoute asks only whether the version is the current one (Docusaurus's last version).
  const page = useBaseUrl(docsRoute(label, isLast ? label : '', DEFAULTS_PAGE));
  const valuesFile = useBaseUrl(publishedUrl(label, PUBLISHED_VALUES));
  const value = useMemo(() => ({page, valuesFile}), [page, valuesFile]);
  return <DefaultsPageContext.Provider value={value}>{children}</DefaultsPageContext.Provider>;
}
