import type {ReactNode} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import VersionDropdown from '../../components/VersionMenu';
import type {Props} from '@theme/NavbarItem/DocsVersionDropdownNavbarItem';
import {NOT_FOUND_MARK} from '../NotFound/Content';

const MENU_MARK = 'data-version-menu';

/**
 * The navbar's version menu (src/components/VersionMenu: supported and
 * archived releases), made safe to hydrate on the not-found page.
 *
 * A static host answers an address the site lacks with 404.html, which the
 * server rendered for no docs version: its menu names the current release. At
 * an address inside an older version (`/docs/0.20.0/no-such-page`) the
 * browser's first render names that version instead, and React reported the
 * text mismatch as error #418 and rendered the page again. So while the page
 * hydrates, on the not-found page only, the menu keeps the markup the server
 * sent (React does not compare inner HTML); once the page runs it is the
 * menu of the address's version. The wrapper is laid out as if absent.
 */
export default function VersionMenu(props: Props): ReactNode {
  const isBrowser = useIsBrowser();
  // The mobile menu is a list item inside the sidebar, which renders only once the page runs.
  if (props.mobile) return <VersionDropdown {...props} />;
  const served = !isBrowser && typeof document !== 'undefined' && document.querySelector(`[${NOT_FOUND_MARK}]`) ? document.querySelector(`[${MENU_MARK}]`) : null;
  if (served) return <div {...{[MENU_MARK]: ''}} style={{display: 'contents'}} dangerouslySetInnerHTML={{__html: served.innerHTML}} />;
  return (
    <div {...{[MENU_MARK]: ''}} style={{display: 'contents'}}>
      <VersionDropdown {...props} />
    </div>
  );
}
