/**
 * Compiles and renders generated partials the way the site does: MDX 3 →
 * React → static HTML, with `ConfigField` and `ConfigSection` supplied
 * through the MDX `components` prop. Nothing is cached on disk.
 */
import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';
import {createElement, type ComponentType, type ReactNode} from 'react';
import * as runtime from 'react/jsx-runtime';
import {renderToStaticMarkup} from 'react-dom/server';
import {sectionAnchor, type FactProps, type FieldProps, type SectionProps} from '../../src/lib/fieldProps';
import {PROJECT_ROOT} from './chart';

export interface TocEntry {
  value: string;
  id: string;
  level: number;
}

type FieldComponent = ComponentType<{f: FieldProps; children?: ReactNode}>;
type SectionComponent = ComponentType<{f: SectionProps; children?: ReactNode}>;
type FactComponent = ComponentType<{f: FactProps; children?: ReactNode}>;

export interface PartialComponents {
  ConfigField: FieldComponent;
  ConfigSection: SectionComponent;
  ConfigFact: FactComponent;
  /** Where they come from, for the test log. */
  origin: string;
}

/** Stand-ins: enough markup to find every field by its anchor. */
export const standInComponents: PartialComponents = {
  ConfigField: ({f, children}) => createElement('section', {id: f.anchor}, createElement('h2', null, f.name), children),
  ConfigSection: ({f, children}) => createElement('div', {'data-section': sectionAnchor(f)}, children),
  ConfigFact: ({f, children}) => createElement('div', {'data-fact': f.k}, children),
  origin: 'stand-in components (test/support/mdx.ts)',
};

/**
 * The site's real components when src/components/ConfigField exists and
 * loads outside the bundler; the stand-ins otherwise.
 */
export async function loadComponents(): Promise<PartialComponents> {
  const file = path.join(PROJECT_ROOT, 'src', 'components', 'ConfigField', 'index.tsx');
  if (!existsSync(file)) return standInComponents;
  try {
    const loaded = (await import(pathToFileURL(file).href)) as Partial<PartialComponents>;
    if (typeof loaded.ConfigField === 'function' && typeof loaded.ConfigSection === 'function' && typeof loaded.ConfigFact === 'function') {
      return {ConfigField: loaded.ConfigField, ConfigSection: loaded.ConfigSection, ConfigFact: loaded.ConfigFact, origin: path.relative(PROJECT_ROOT, file)};
    }
    return {...standInComponents, origin: `${standInComponents.origin}; ${path.relative(PROJECT_ROOT, file)} lacks ConfigField/ConfigSection exports`};
  } catch (error) {
    return {...standInComponents, origin: `${standInComponents.origin}; ${path.relative(PROJECT_ROOT, file)} did not load: ${(error as Error).message.split('\n')[0]}`};
  }
}

export interface RenderedPartial {
  html: string;
  toc: TocEntry[];
  /** Props of every ConfigField rendered, in document order. */
  fields: FieldProps[];
  /** Props of every ConfigSection rendered. */
  sections: SectionProps[];
}

type MdxModule = typeof import('@mdx-js/mdx');
let mdx: Promise<MdxModule> | undefined;

/** @mdx-js/mdx is ESM-only (and so are some of its dependencies): load it with a real dynamic import. */
function loadMdx(): Promise<MdxModule> {
  mdx ??= import('@mdx-js/mdx');
  return mdx;
}

/** Compiles (function-body output), runs and renders one partial to static HTML. */
export async function renderPartial(source: string, components: PartialComponents = standInComponents): Promise<RenderedPartial> {
  const {compile} = await loadMdx();
  return renderCompiled(String(await compile(source, {outputFormat: 'function-body'})), components);
}

/**
 * Compiles partials on worker threads, one per core (up to `size`): for
 * rendering hundreds of partials. Call `close()` when done.
 */
export class CompilePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, {resolve: (code: string) => void; reject: (error: Error) => void}>();
  private nextId = 0;

  constructor(size = Math.max(1, Math.min(4, availableParallelism()))) {
    this.workers = Array.from({length: size}, () => {
      const worker = new Worker(new URL('./mdxCompileWorker.mjs', pathToFileURL(path.join(PROJECT_ROOT, 'test', 'support', 'mdx.ts'))));
      worker.on('message', ({id, code, error}: {id: number; code?: string; error?: string}) => {
        const waiting = this.pending.get(id);
        this.pending.delete(id);
        if (error !== undefined) waiting?.reject(new Error(error));
        else waiting?.resolve(code!);
      });
      worker.on('error', (error: Error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      });
      return worker;
    });
  }

  compile(source: string): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {resolve, reject});
      this.workers[id % this.workers.length].postMessage({id, source});
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

const SITE_IMPORT = /await import\(_resolveDynamicMdxSpecifier\("(@site\/[^"]+)"\)\)/g;

/**
 * Runs compiled MDX (function-body output) as Docusaurus would: the
 * partials import their toc helper through the `@site/…` alias, which this
 * resolves to the project's own files (imported here, where TypeScript loads).
 */
export async function runMdx(code: string): Promise<Record<string, unknown> & {default: ComponentType<{components?: object}>}> {
  const {run} = await loadMdx();
  const siteModules: Record<string, unknown> = {};
  for (const [, specifier] of code.matchAll(SITE_IMPORT)) {
    siteModules[specifier] ??= await import(pathToFileURL(path.join(PROJECT_ROOT, specifier.slice('@site/'.length))).href);
  }
  const resolved = code.replace(SITE_IMPORT, (_, specifier: string) => `arguments[0].siteModules[${JSON.stringify(specifier)}]`);
  return (await run(resolved, {...runtime, baseUrl: import.meta.url, siteModules} as Parameters<MdxModule['run']>[1])) as never;
}

/** Runs compiled MDX (function-body output) and renders it to static HTML. */
export async function renderCompiled(code: string, components: PartialComponents = standInComponents): Promise<RenderedPartial> {
  const module = await runMdx(code);
  const fields: FieldProps[] = [];
  const sections: SectionProps[] = [];
  const ConfigField: FieldComponent = (props) => {
    fields.push(props.f);
    return createElement(components.ConfigField, props);
  };
  const ConfigSection: SectionComponent = (props) => {
    sections.push(props.f);
    return createElement(components.ConfigSection, props);
  };
  const html = renderToStaticMarkup(createElement(module.default, {components: {ConfigField, ConfigSection, ConfigFact: components.ConfigFact}}));
  return {html, toc: (module as {toc?: TocEntry[]}).toc ?? [], fields, sections};
}

/** Decodes the HTML character references Docusaurus would (numeric, and the five XML ones). */
export function decodeHtml(text: string): string {
  const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : named[name!.toLowerCase()],
  );
}
