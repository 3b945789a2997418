/**
 * Remark plugin: config paths written as inline code link to their field, and
 * a path that is no field of the page's vCluster version fails the build.
 *
 * Inline code is a config path when it looks like a dotted path
 * (`controlPlane.backingStore.etcd.embedded.enabled`, `sync.toHost.pods.patches[].path`)
 * and its first segment is a top-level key of the version's field index.
 * List indexes (`env[0]`) and map keys (`plugins.my-plugin.image` for
 * `plugins.*.image`) match too, and so do keys below a free-form value
 * (`controlPlane.statefulSet.labels.team`: the `labels` field).
 *
 * - Known and shown on this page (the page imports a partial showing it): link to `#anchor`.
 * - Known and shown on another page of the same version: link to that page's
 *   file, relative (`./control-plane/index.mdx#anchor`), which Docusaurus
 *   resolves per version; hence this plugin must run in `beforeDefaultRemarkPlugins`.
 *   Which page: src/reference/pageForField.ts.
 * - Known but shown on no page: plain code.
 * - Unknown: an error naming file:line and the closest known paths.
 *   Text that rather looks like a host or file name (`rbac.authorization.k8s.io`,
 *   `plugin.yaml`) is left alone unless it names a field key by key.
 *
 * Inline code inside links and headings is left as it is. The generated
 * partials themselves are not processed.
 */
import path from 'node:path';
import type {Link, Nodes, Root} from 'mdast';
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import {SKIP, visit} from 'unist-util-visit';
import type {IndexedFields} from '../reference/fieldIndex';
import {readIndexedFieldsSync} from '../reference/fieldIndexFile';
import {partialShows} from '../reference/fieldIndex';
import {importedPartials, pageMapFor} from '../reference/pageMap';
import {pageForField} from '../reference/pageForField';
import {closeKeys, joinPath, resolverOf, type Resolution} from '../reference/resolvePath';
import {ALLOW_DEPRECATED_FRONT_MATTER, deprecationMessage, pageAllowances} from './deprecations';
import {failOnProblems, fileContext, isGeneratedFile, problemAt, type FileContext, type FileLike, type SiteOptions} from './site';

export type LinkConfigPathsOptions = SiteOptions;

/** Dotted-path shape of inline code that may be a config path. */
export const CONFIG_PATH_SHAPE = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_*[\]-]+)+$/u;

/** Host and file names that start like a section (`rbac.authorization.k8s.io`, `plugin.yaml`): not paths. */
const HOST_OR_FILE = /\.(?:io|com|org|net|dev|sh|cloud|local|svc|internal|yaml|yml|json|md|mdx|txt|tgz|tar|gz|zip|conf|cfg|toml|ini|pem|crt|sql|db|sock|log|exe)$/u;

export interface PathOccurrence {
  file: string;
  line: number;
  path: string;
  /** The link target, when linked. */
  url?: string;
}

export interface PathCheckResult {
  linked: PathOccurrence[];
  /** Known paths no page renders: left as plain code. */
  unlinked: PathOccurrence[];
  problems: string[];
}

/** Inline code inside these is never linked (a link in a link, a heading's own text). */
function isSkipped(node: Nodes): boolean {
  return (
    node.type === 'link' ||
    node.type === 'linkReference' ||
    node.type === 'heading' ||
    ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node.name === 'a' || node.name === 'Link'))
  );
}

/** `from` → `to` as a relative link (`./x.mdx`, `../y/z.mdx`), `/`-separated. */
function relativeLink(from: string, to: string): string {
  const relative = path.relative(path.dirname(from), to).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function unknownPathMessage(text: string, version: string, resolution: Resolution): string {
  let hint = '';
  if (!resolution.found) {
    const prefix = resolution.prefix?.path;
    const close = closeKeys(resolution.failedSegment, resolution.siblings).map((key) => joinPath(prefix, key));
    if (close.length) hint += `; did you mean ${close.map((candidate) => `\`${candidate}\``).join(' or ')}?`;
    if (prefix) hint += `; longest known prefix: \`${prefix}\``;
    const keys = resolution.siblings.map((key) => joinPath(prefix, key));
    if (keys.length && !close.length) hint += ` (it has ${keys.slice(0, 8).map((key) => `\`${key}\``).join(', ')}${keys.length > 8 ? ', …' : ''})`;
  }
  return `\`${text}\` is not a vcluster.yaml field of vCluster ${version}${hint}`;
}

/** The config partials the page's own `import`s bring in. */
function ownPartials(tree: Root, context: FileContext): string[] {
  const partials: string[] = [];
  visit(tree, 'mdxjsEsm', (node: MdxjsEsm) => {
    partials.push(...importedPartials(node.value, context.file, context.partialsDir, context.siteDir));
  });
  return partials;
}

/** Finds the config paths of a tree, links them (mutating the tree) and collects unknown ones. */
export function checkConfigPaths(tree: Root, file: FileLike, options: LinkConfigPathsOptions = {}): PathCheckResult {
  const result: PathCheckResult = {linked: [], unlinked: [], problems: []};
  let context: FileContext | undefined;
  let fields: IndexedFields | undefined;
  let own: string[] | undefined;
  let allowances: Map<string, string> | undefined;
  const used = new Set<string>();

  visit(tree, (node: Nodes, index, parent) => {
    if (isSkipped(node)) return SKIP;
    if (node.type !== 'inlineCode') return;
    const text = node.value.trim();
    if (!CONFIG_PATH_SHAPE.test(text)) return;
    context ??= fileContext(file, options);
    // The generated reference is not narrative: its descriptions come from the chart.
    if (isGeneratedFile(context)) return;
    fields ??= readIndexedFieldsSync(context.partialsDir, context.version);
    if (!fields.topLevel.has(/^[^.[]+/u.exec(text)![0])) return;
    const line = node.position?.start.line ?? 0;
    const resolution = resolverOf(fields).resolve(text);
    // `rbac.authorization.k8s.io`, `plugin.yaml` (`plugin.*`!): a host or file name unless every key matched by name.
    if (!(resolution.found && resolution.literal) && HOST_OR_FILE.test(text)) return;
    if (!resolution.found) {
      result.problems.push(problemAt(context, line, unknownPathMessage(text, fields.index.version, resolution)));
      return;
    }
    const {record} = resolution;
    if (record.deprecated && !resolution.inside) {
      allowances ??= pageAllowances(file.data?.frontMatter);
      const why = allowances.get(record.path) ?? allowances.get(text);
      used.add(allowances.has(record.path) ? record.path : text);
      if (!why) {
        result.problems.push(
          problemAt(context, line, `${deprecationMessage(text, record, fields.index.version)} (or say why the page names it: front matter \`${ALLOW_DEPRECATED_FRONT_MATTER}: {${record.path}: "<why>"}\`)`),
        );
      }
    }
    own ??= ownPartials(tree, context);
    let url: string | undefined;
    if (own.some((partial) => partialShows(record, partial))) url = `#${record.anchor}`;
    else {
      const page = pageForField(record, pageMapFor(context.docsDir, context.siteDir).pagesByPartial);
      if (page) url = page === context.file ? `#${record.anchor}` : `${relativeLink(context.file, page)}#${record.anchor}`;
    }
    const occurrence: PathOccurrence = {file: context.displayPath, line, path: text, url};
    if (!url) {
      result.unlinked.push(occurrence);
      return;
    }
    result.linked.push(occurrence);
    if (!parent || index === undefined) return;
    const link: Link = {type: 'link', url, title: null, children: [node], position: node.position, data: {configPath: record.path} as Link['data']};
    parent.children[index] = link;
    // The new link holds the code just checked: do not visit it again.
    return SKIP;
  });
  // An allowance for a path the page no longer names is stale.
  for (const [path] of allowances ?? pageAllowances(file.data?.frontMatter)) {
    if (!used.has(path)) result.problems.push(`${context?.displayPath ?? file.path}:1: front matter ${ALLOW_DEPRECATED_FRONT_MATTER} names \`${path}\`, which the page does not name as a deprecated field`);
  }
  return result;
}

/** The remark plugin. Register it in `beforeDefaultRemarkPlugins`, so Docusaurus resolves the links it adds. */
export default function linkConfigPaths(options: LinkConfigPathsOptions = {}) {
  return (tree: Root, file: FileLike): void => {
    failOnProblems(
      checkConfigPaths(tree, file, options).problems,
      (count, s) => `${count} unknown vcluster.yaml path${s} in inline code (fix the path, or write it as plain text if it is not a config path):`,
    );
  };
}
