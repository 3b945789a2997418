import type {Plugin} from '@docusaurus/types';

/** Mermaid and the parsers and renderers it loads on demand. */
const DIAGRAM_MODULES =
  /[\\/]node_modules[\\/](mermaid|@mermaid-js|langium|chevrotain|chevrotain-allstar|@chevrotain|vscode-[\w-]+|cytoscape[\w-]*|dagre-d3-es|d3[\w-]*|khroma|katex|roughjs|@braintree|@iconify|@upsetjs)[\\/]/;

/**
 * Docusaurus moves every module used by half of the lazily loaded chunks into
 * one "common" chunk that every page loads. Mermaid splits itself into a chunk
 * per diagram type, all sharing its parser: left alone, ~800 KB of diagram
 * code lands in "common" and every page pays for it. This keeps those modules
 * out of "common", so only a page that draws a diagram loads them.
 */
export default function splitHeavyChunks(): Plugin {
  return {
    name: 'split-heavy-chunks',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              common: {test: (module: {nameForCondition?: () => string | null}) => !DIAGRAM_MODULES.test(module.nameForCondition?.() ?? '')},
            },
          },
        },
      };
    },
  };
}
