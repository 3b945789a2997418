import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {LLMS_TXT} from '../../reference/urls';

/**
 * The Markdown form of a page outside the docs (the home page, the checker):
 * llms.txt, the site's index for machines. Docs pages link their own twin
 * (src/theme/DocItem/Metadata).
 */
export default function SiteIndexAlternate(): ReactNode {
  const llmsTxt = useBaseUrl(LLMS_TXT);
  return (
    <Head>
      <link rel="alternate" type="text/markdown" href={llmsTxt} />
    </Head>
  );
}
