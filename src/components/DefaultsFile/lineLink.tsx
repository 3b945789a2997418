import {createContext, useContext} from 'react';
import {defaultsLineId} from '../../reference/urls';

/**
 * The default values of the version being read: the URL of its default-values
 * page and of the values.yaml it publishes. The theme provides them around the
 * reference it renders (DefaultsPageProvider in src/theme/MDXComponents);
 * without them (tests, other sites) no link is shown, and Copy YAML of an
 * object copies it empty.
 */
export const DefaultsPageContext = createContext<{page: string; valuesFile: string} | undefined>(undefined);

/**
 * In a field's head: a link to the field's line in the release's default
 * values.yaml (no title: it is on every field of a page). Its name says whose
 * line it is ("controlPlane.proxy in values.yaml"): a list of the page's links
 * would otherwise read the same words hundreds of times.
 */
export function DefaultsLineLink({anchor, path}: {anchor: string; path: string}) {
  const page = useContext(DefaultsPageContext)?.page;
  if (page === undefined) return null;
  return (
    <a className="cfg__copy" href={`${page}#${defaultsLineId(anchor)}`} aria-label={`${path} in values.yaml`}>
      in values.yaml
    </a>
  );
}
