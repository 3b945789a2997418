import {createContext, useContext} from 'react';
import {defaultsLineId} from '../../reference/urls';

/**
 * The URL of the default-values page of the version being read. The theme
 * provides it around the reference it renders (DefaultsPageProvider in
 * src/theme/MDXComponents); without it (tests, other sites) no link is shown.
 */
export const DefaultsPageContext = createContext<string | undefined>(undefined);

/** In a field's head: a link to the field's line in the release's default values.yaml (no title: it is on every field of a page). */
export function DefaultsLineLink({anchor}: {anchor: string}) {
  const page = useContext(DefaultsPageContext);
  if (page === undefined) return null;
  return (
    <a className="cfg__copy" href={`${page}#${defaultsLineId(anchor)}`}>
      in values.yaml
    </a>
  );
}
