/**
 * The permanent address of the page a reference is on, for "Copy link": on the current release's
 * pages, the address under the release's own path (`/docs/0.36.1/sync`, src/reference/urls.ts
 * permalinkRoute), which keeps showing this release after the next one; on an older release's pages,
 * their own address.
 */
import {useMemo, type ReactNode} from 'react';
import {useDocsVersion} from '@docusaurus/plugin-content-docs/client';
import {useLocation} from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {currentPageRoute, permalinkRoute} from '../../reference/urls';
import {PermalinkContext} from './permalinkContext';


export function PermalinkProvider({children}: {children: ReactNode}) {
  const {label, isLast} = useDocsVersion();
  const {pathname} = useLocation();
  const base = useBaseUrl('/');
  const permalink = useMemo(() => {
    if (!isLast || !pathname.startsWith(base)) return undefined;
    const route = currentPageRoute(`/${pathname.slice(base.length)}`, []);
    return route === undefined ? undefined : `${base.replace(/\/$/u, '')}${permalinkRoute(label, route)}`;
  }, [isLast, label, pathname, base]);
  return <PermalinkContext.Provider value={permalink}>{children}</PermalinkContext.Provider>;
}
