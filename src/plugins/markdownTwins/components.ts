/**
 * The Markdown meaning of the site's own components that pages use, keyed by
 * module (an absolute path without extension). A component that is not here
 * is replaced by its children (mdxToMarkdown.ts).
 */
import path from 'node:path';
import type {RootContent} from 'mdast';
import {PUBLISHED_SCHEMA, PUBLISHED_TYPES, publishedUrl} from '../../reference/urls';
import type {TwinLinks} from './links';
import {parseMarkdown} from './markdown';

export interface ComponentContext {
  siteDir: string;
  /** The docs version's label (`0.22.0`). */
  version: string;
  links: TwinLinks;
}

type Meaning = (context: ComponentContext) => RootContent[];

/** src/components/EditorSchema: the version's published schema and declarations, and the editor line. */
const editorSchema: Meaning = ({version, links}) => {
  const schema = links.route(publishedUrl(version, PUBLISHED_SCHEMA));
  const types = links.route(publishedUrl(version, PUBLISHED_TYPES));
  return parseMarkdown(
    [
      `- [\`${PUBLISHED_SCHEMA}\`](${schema}): the chart's JSON Schema for vCluster ${version}, unchanged.`,
      `- [\`${PUBLISHED_TYPES}\`](${types}): TypeScript declarations of the same shape (\`VClusterConfig\`), for configs written in code.`,
      '',
      'Put this line at the top of your `vcluster.yaml`, and editors that use the YAML language server (VS Code with the YAML',
      'extension, Neovim, JetBrains IDEs) complete and check every field:',
      '',
      '```yaml',
      `# yaml-language-server: $schema=${schema}`,
      '```',
    ].join('\n'),
  ).children;
};

const MEANINGS: Record<string, Meaning> = {
  [path.join('src', 'components', 'EditorSchema')]: editorSchema,
};

export function componentMeaning(module: string, context: ComponentContext): RootContent[] | undefined {
  const relative = path.relative(context.siteDir, module.replace(/[\\/]index$/u, ''));
  return MEANINGS[relative]?.(context);
}
