import {useHistory} from '@docusaurus/router';
import {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import type {DefaultsFileProps} from '../../lib/defaultsFileProps';
import {DefaultsFileView} from './DefaultsFileView';
import './styles.css';

/**
 * The default-values partial's component on the site (src/theme/MDXComponents):
 * the view with the site's base URL, client-side navigation, and every key
 * link and line id told to Docusaurus, whose build then fails on a key
 * linking to an anchor that does not exist.
 */
export default function DefaultsFile({d}: {d: DefaultsFileProps}) {
  const {withBaseUrl} = useBaseUrlUtils();
  const brokenLinks = useBrokenLinks();
  const history = useHistory();
  return (
    <DefaultsFileView
      d={d}
      withBaseUrl={(route) => withBaseUrl(route)}
      collect={{link: (href) => brokenLinks.collectLink(href), anchor: (id) => brokenLinks.collectAnchor(id)}}
      navigate={(href) => history.push(href)}
    />
  );
}
