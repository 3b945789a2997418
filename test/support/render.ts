/**
 * Compiles, runs and renders one generated partial the way the site does:
 * MDX 3 with GFM (function-body output) → React → static HTML, with the site's real
 * ConfigField and ConfigSection components, and the default-values file's view
 * (routes as they are: no base URL).
 */
import {createElement} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import remarkGfm from 'remark-gfm';
import {ConfigFact, ConfigField, ConfigSection} from '../../src/components/ConfigField';
import {DefaultsFileView} from '../../src/components/DefaultsFile/DefaultsFileView';
import {runMdx} from './mdx';

export interface TocEntry {
  value: string;
  id: string;
  level: number;
}

export interface RenderedPartial {
  html: string;
  toc: TocEntry[];
  /** Names the compiled module exports besides `default`. */
  exports: string[];
}

type MdxModule = typeof import('@mdx-js/mdx');
type Processor = ReturnType<MdxModule['createProcessor']>;
let mdx: Promise<{processor: Processor}> | undefined;

/** One MDX processor for every partial (what `compile` would build on each call), as the site compiles docs: MDX plus GFM. */
function loadMdx() {
  mdx ??= import('@mdx-js/mdx').then(({createProcessor}) => ({
    processor: createProcessor({outputFormat: 'function-body', remarkPlugins: [remarkGfm]}),
  }));
  return mdx;
}

export async function renderPartial(source: string): Promise<RenderedPartial> {
  const {processor} = await loadMdx();
  const code = String(await processor.process(source));
  const module = await runMdx(code);
  const html = renderToStaticMarkup(createElement(module.default, {components: {ConfigField, ConfigSection, ConfigFact, DefaultsFile: DefaultsFileView}}));
  return {
    html,
    toc: ((module as {toc?: TocEntry[]}).toc ?? []) as TocEntry[],
    exports: Object.keys(module).filter((name) => name !== 'default'),
  };
}
