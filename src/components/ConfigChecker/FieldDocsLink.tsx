import type {ReactNode} from 'react';
import {useBaseUrlUtils} from '@docusaurus/useBaseUrl';
import type {FieldLink} from '../../checker/findings';

/**
 * A link to a field's anchor on its page in a release, through the site's
 * baseUrl. A plain link, not Docusaurus's Link: a file of defaults has
 * hundreds of findings, and Link watches each one to prefetch its page.
 */
export default function FieldDocsLink({link, children}: {link: FieldLink; children?: ReactNode}): ReactNode {
  const {withBaseUrl} = useBaseUrlUtils();
  return (
    <a href={`${withBaseUrl(link.route)}#${link.anchor}`} data-field-link={link.anchor}>
      {children ?? (
        <>
          <code>{link.path}</code> in the {link.version} reference
        </>
      )}
    </a>
  );
}
