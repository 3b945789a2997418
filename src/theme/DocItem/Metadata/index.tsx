import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import Metadata from '@theme-original/DocItem/Metadata';
import {markdownTwinUrl} from '../../../reference/urls';

/**
 * The page's metadata, plus a link to its Markdown twin (written by
 * src/plugins/markdownTwins after the build). The permalink has the baseUrl.
 * Through Head, so it follows the page on client-side navigation too.
 */
export default function MetadataWithTwin(): ReactNode {
  const {metadata} = useDoc();
  return (
    <>
      <Metadata />
      <Head>
        <link rel="alternate" type="text/markdown" href={markdownTwinUrl(metadata.permalink)} />
      </Head>
    </>
  );
}
