import {createContext, useContext} from 'react';
import {defaultsLineId} from '../../reference/urls';

/**
 * The URL of the default-values page of the version being read. The theme
 * provides it around the reference it renders (DefaultsPageProvider in
 * src/theme/MDXComponents); without it (tests, other sites) no link is shown.
 */
export const DefaultsPageContext = createContext<string | undefined>(undefined);

/**
 * In a field's head: a link to the field's line in the release's default
 * values.yaml (no title: it is on every field of a page). Its name says whose
 * line it is ("controlPlane.proxy in values.yaml"): a list of the page's links
 * would otherwise read the same words hundreds of times.
 */
export function DefaultsLineLink({anchor, path}: {anchor: string; path: string}) {
  const page = useContext(DefaultsPageContext);
  if (page === undefined) return null;
  return (
    <a className="cfg__copy" href={`${page}#${defaultsLineId(anchor)}`} aria-label={`${path} in values.yaml`}>
      in values.yaml
    </a>
  );
}
