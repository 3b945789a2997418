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
 * - Known and shown on this page (the page imports a partial covering it): link to `#anchor`.
 * - Known and shown on another page of the same version: link to that page's
 *   file, relative (`./control-plane/index.mdx#anchor`), which Docusaurus
 *   resolves per version; hence this plugin must run in `beforeDefaultRemarkPlugins`.
 *   The page is the one importing the field's section partial, or else the deepest partial covering it.
 * - Known but shown on no page: plain code.
 * - Unknown: an error naming file:line and the closest known paths.
 *   Text that rather looks like a host or file name (`rbac.authorization.k8s.io`,
 *   `plugin.yaml`) is left alone unless it names a field key by key.
 *
 * Inline code inside links and headings is left as it is. The generated
 * partials themselves are not processed.
 */
import path from 'node:path';
import type {FieldRecord} from '../generator/model/fieldIndex';
import {PathResolver, closeKeys, joinPath, type Resolution} from './configPaths';
import {importSpecifiers, pageMapFor, partialOfImport} from './pageMap';
import {ConfigDocsError, fileContext, loadFieldIndex, walk, type FileContext, type FileLike, type IndexedFields, type SiteOptions, type TreeNode} from './site';

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

const SKIP_INSIDE = new Set(['link', 'linkReference', 'heading']);

function insideSkipped(ancestors: readonly TreeNode[]): boolean {
  return ancestors.some(
    (ancestor) =>
      SKIP_INSIDE.has(ancestor.type) ||
      ((ancestor.type === 'mdxJsxTextElement' || ancestor.type === 'mdxJsxFlowElement') && (ancestor.name === 'a' || ancestor.name === 'Link')),
  );
}

const resolvers = new WeakMap<IndexedFields, PathResolver>();

function resolverFor(fields: IndexedFields): PathResolver {
  let resolver = resolvers.get(fields);
  if (!resolver) {
    resolver = new PathResolver(fields.index.fields);
    resolvers.set(fields, resolver);
  }
  return resolver;
}

/** The partials (files relative to the partials dir) that cover a field, deepest first. */
function coveringPartials(record: FieldRecord, fields: IndexedFields): string[] {
  const parts = record.anchor.split('-');
  const partials: string[] = [];
  for (let length = parts.length; length > 0; length--) {
    const partial = fields.partialByAnchor.get(parts.slice(0, length).join('-'));
    if (partial) partials.push(partial);
  }
  return partials;
}

function covers(partial: string, record: FieldRecord, fields: IndexedFields): boolean {
  const anchor = fields.index.partials[partial];
  return anchor !== undefined && (record.anchor === anchor || record.anchor.startsWith(`${anchor}-`));
}

/** `from` → `to` as a relative link (`./x.mdx`, `../y/z.mdx`), `/`-separated. */
function relativeLink(from: string, to: string): string {
  const relative = path.relative(path.dirname(from), to).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function unknownPathMessage(where: string, text: string, version: string, resolution: Resolution): string {
  let hint = '';
  if (!resolution.found) {
    const prefix = resolution.prefix?.path;
    const close = closeKeys(resolution.failedSegment, resolution.siblings).map((key) => joinPath(prefix, key));
    if (close.length) hint += `; did you mean ${close.map((candidate) => `\`${candidate}\``).join(' or ')}?`;
    if (prefix) hint += `; longest known prefix: \`${prefix}\``;
    const keys = resolution.siblings.map((key) => joinPath(prefix, key));
    if (keys.length && !close.length) hint += ` (it has ${keys.slice(0, 8).map((key) => `\`${key}\``).join(', ')}${keys.length > 8 ? ', …' : ''})`;
  }
  return `${where}: \`${text}\` is not a vcluster.yaml field of vCluster ${version}${hint}`;
}

/** Finds the config paths of a tree, links them (mutating the tree) and collects unknown ones. */
export function checkConfigPaths(tree: TreeNode, file: FileLike, options: LinkConfigPathsOptions = {}): PathCheckResult {
  const result: PathCheckResult = {linked: [], unlinked: [], problems: []};
  let context: FileContext | undefined;
  let fields: IndexedFields | undefined;
  let ownPartials: string[] | undefined;
  let generated = false;
  const load = (): {context: FileContext; fields: IndexedFields} | undefined => {
    if (!context) {
      context = fileContext(file, options);
      // The generated reference is not narrative: its descriptions come from the chart.
      const relative = path.relative(context.partialsDir, context.file);
      generated = !relative.startsWith('..') && !path.isAbsolute(relative);
    }
    if (generated) return undefined;
    fields ??= loadFieldIndex(context);
    return {context, fields};
  };

  walk(tree, (node, ancestors, index) => {
    if (node.type !== 'inlineCode' || typeof node.value !== 'string') return;
    const text = node.value.trim();
    if (!CONFIG_PATH_SHAPE.test(text)) return;
    const first = /^[^.[]+/u.exec(text)![0];
    const loaded = load();
    if (!loaded) return;
    const {context: ctx, fields: known} = loaded;
    if (!known.topLevel.has(first)) return;
    if (insideSkipped(ancestors)) return;
    const line = node.position?.start.line ?? 0;
    const where = `${ctx.displayPath}:${line}`;
    const resolution = resolverFor(known).resolve(text);
    // `rbac.authorization.k8s.io`, `plugin.yaml` (`plugin.*`!): a host or file name unless every key matched by name.
    if (!(resolution.found && resolution.literal) && HOST_OR_FILE.test(text)) return;
    if (!resolution.found) {
      result.problems.push(unknownPathMessage(where, text, known.index.version, resolution));
      return;
    }
    const record = resolution.record;

    ownPartials ??= collectOwnPartials(tree, ctx);
    let url: string | undefined;
    if (ownPartials.some((partial) => covers(partial, record, known))) {
      url = `#${record.anchor}`;
    } else {
      const pages = pageMapFor(ctx.docsDir, ctx.partialsDir, ctx.siteDir).pagesByPartial;
      const candidates = [record.sectionPartial, ...coveringPartials(record, known)];
      const partial = candidates.find((candidate) => pages.get(candidate)?.length);
      const page = partial ? pages.get(partial)![0] : undefined;
      if (page) url = page === ctx.file ? `#${record.anchor}` : `${relativeLink(ctx.file, page)}#${record.anchor}`;
    }
    const occurrence: PathOccurrence = {file: ctx.displayPath, line, path: text, url};
    if (!url) {
      result.unlinked.push(occurrence);
      return;
    }
    result.linked.push(occurrence);
    const parent = ancestors[ancestors.length - 1];
    if (!parent?.children || index < 0) return;
    parent.children[index] = {type: 'link', url, title: null, children: [node], position: node.position, data: {configPath: record.path}};
  });
  return result;
}

/** The config partials the page's own `import`s bring in. */
function collectOwnPartials(tree: TreeNode, context: FileContext): string[] {
  const partials: string[] = [];
  walk(tree, (node) => {
    if (node.type !== 'mdxjsEsm' || typeof node.value !== 'string') return;
    for (const specifier of importSpecifiers(node.value)) {
      const partial = partialOfImport(specifier, context.file, context.partialsDir, context.siteDir);
      if (partial) partials.push(partial);
    }
  });
  return partials;
}

/** The remark plugin. Register it in `beforeDefaultRemarkPlugins`, so Docusaurus resolves the links it adds. */
export default function linkConfigPaths(options: LinkConfigPathsOptions = {}) {
  // Any unist tree: what unified passes in; the walk only reads `type`, `children`, `value`, `position`.
  return (tree: {type: string}, file: FileLike): void => {
    const {problems} = checkConfigPaths(tree as TreeNode, file, options);
    if (problems.length) {
      throw new ConfigDocsError(
        `${problems.length} unknown vcluster.yaml path${problems.length === 1 ? '' : 's'} in inline code (fix the path, or write it as plain text if it is not a config path):`,
        problems,
      );
    }
  };
}
