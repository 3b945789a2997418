/**
 * The Markdown meaning of the site's own components that pages use: those a
 * page imports, keyed by module (an absolute path without extension), and
 * those the generated partials use without an import (src/theme/MDXComponents),
 * keyed by name. A component that is not here is replaced by its children
 * (mdxToMarkdown.ts).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {RootContent} from 'mdast';
import {publishedDirFor} from '../../reference/files';
import {PUBLISHED_SCHEMA, PUBLISHED_TYPES, PUBLISHED_VALUES, checkerUrl, publishedUrl} from '../../reference/urls';
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

/** src/components/ConfigCheckerLink: the checker, set to the page's release. */
const configCheckerLink: Meaning = ({version, links}) =>
  parseMarkdown(
    `[Check your own vcluster.yaml against ${version}](${links.route(checkerUrl(version))}) in your browser: every problem is shown next to the line that causes it.`,
  ).children;

/**
 * The default-values partial's DefaultsFile: the release's values.yaml as a
 * YAML code block, read from the copy the version publishes, and its address.
 * The serialiser picks a fence longer than any backtick run in the file.
 */
const defaultsFile: Meaning = ({siteDir, version, links}) => {
  const file = path.join(publishedDirFor(siteDir, version), PUBLISHED_VALUES);
  return [
    ...parseMarkdown(`The file as published: [\`${PUBLISHED_VALUES}\`](${links.route(publishedUrl(version, PUBLISHED_VALUES))}).`).children,
    {type: 'code', lang: 'yaml', meta: `title="${PUBLISHED_VALUES}"`, value: readFileSync(file, 'utf8').replace(/\n$/u, '')},
  ];
};

const MEANINGS: Record<string, Meaning> = {
  [path.join('src', 'components', 'EditorSchema')]: editorSchema,
  [path.join('src', 'components', 'ConfigCheckerLink')]: configCheckerLink,
};

/** src/components/Release: the page's release, as text. */
const release: Meaning = ({version}) => [{type: 'text', value: version}];

const UNIMPORTED_MEANINGS: Record<string, Meaning> = {DefaultsFile: defaultsFile, Release: release};

/** The meaning of a component a page uses without importing it, by its name. */
export function unimportedComponentMeaning(name: string, context: ComponentContext): RootContent[] | undefined {
  return Object.hasOwn(UNIMPORTED_MEANINGS, name) ? UNIMPORTED_MEANINGS[name](context) : undefined;
}

export function componentMeaning(module: string, context: ComponentContext): RootContent[] | undefined {
  const relative = path.relative(context.siteDir, module.replace(/[\\/]index$/u, ''));
  return MEANINGS[relative]?.(context);
}
