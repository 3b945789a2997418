import type {ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import {useDocsVersion} from '@docusaurus/plugin-content-docs/client';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {PUBLISHED_SCHEMA, PUBLISHED_TYPES, publishedUrl} from '../../reference/urls';

/**
 * Links to the schema and TypeScript declarations this docs version publishes
 * (written by npm run gen-partials), and the line that gives a YAML editor the schema.
 */
export default function EditorSchema(): ReactNode {
  const version = useDocsVersion().label;
  const schema = useBaseUrl(publishedUrl(version, PUBLISHED_SCHEMA), {absolute: true});
  const types = useBaseUrl(publishedUrl(version, PUBLISHED_TYPES), {absolute: true});
  return (
    <>
      <ul>
        <li>
          <a href={schema} target="_blank" rel="noopener">
            <code>{PUBLISHED_SCHEMA}</code>
          </a>{' '}
          — the chart's JSON Schema for vCluster {version}, unchanged.
        </li>
        <li>
          <a href={types} target="_blank" rel="noopener">
            <code>{PUBLISHED_TYPES}</code>
          </a>{' '}
          — TypeScript declarations of the same shape (<code>VClusterConfig</code>), for configs written in code.
        </li>
      </ul>
      <p>
        Put this line at the top of your <code>vcluster.yaml</code>, and editors that use the YAML language server (VS Code with the YAML
        extension, Neovim, JetBrains IDEs) complete and check every field:
      </p>
      <CodeBlock language="yaml">{`# yaml-language-server: $schema=${schema}\n`}</CodeBlock>
    </>
  );
}
