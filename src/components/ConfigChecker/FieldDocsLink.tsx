import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {FieldLink} from '../../checker/findings';

/** A link to a field's anchor on its page in a release (Link adds the site's baseUrl). */
export default function FieldDocsLink({link, children}: {link: FieldLink; children?: ReactNode}): ReactNode {
  return (
    <Link to={`${link.route}#${link.anchor}`} data-field-link={link.anchor}>
      {children ?? (
        <>
          <code>{link.path}</code> in the {link.version} reference
        </>
      )}
    </Link>
  );
}
