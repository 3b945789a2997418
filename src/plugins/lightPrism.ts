import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * The theme's code blocks import `Prism` and `Highlight` from
 * prism-react-renderer, which bundles Prism with some thirty languages: 85 KB
 * of JS in the chunk every page loads. This resolves the package to
 * src/lib/prism, the same two exports on Prism's core with the languages the
 * docs write, in the browser bundle and the server one alike (so both render
 * code blocks the same way). The theme's options still read the package's
 * themes in Node, outside the bundler.
 */
export default function lightPrism(): Plugin {
  return {
    name: 'light-prism',
    configureWebpack() {
      return {resolve: {alias: {'prism-react-renderer$': path.resolve(__dirname, '../lib/prism/index.ts')}}};
    },
  };
}
