import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {fieldIndexFile} from '../../reference/fieldIndexFile';
import {FACTS_FILE, SCHEMA_COPY_FILE, docsDirFor, partialsDirFor} from '../../reference/files';
import {currentVersion, documentedVersionsSync, readManifestSync} from '../../reference/manifest';

/**
 * Declares the generated files each docs page's checks depend on (see
 * ./loader.js): a new chart schema re-validates and re-links every page of
 * its version in `npm start` and in a warm `npm run build`, not only the
 * pages that changed.
 */
export default function referenceDependenciesPlugin(context: LoadContext): Plugin {
  const manifest = readManifestSync(context.siteDir);
  const current = currentVersion(manifest);
  const folders = documentedVersionsSync(context.siteDir, manifest).map((version) => {
    const partialsDir = partialsDirFor(context.siteDir, version, current);
    const docsDir = docsDirFor(context.siteDir, version, current);
    return {docsDir, partialsDir, files: [fieldIndexFile(partialsDir), path.join(partialsDir, SCHEMA_COPY_FILE), path.join(docsDir, FACTS_FILE)]};
  });
  return {
    name: 'reference-dependencies',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /\.mdx?$/u,
              include: folders.map((folder) => folder.docsDir),
              enforce: 'pre',
              use: [{loader: path.join(__dirname, 'loader.js'), options: {folders}}],
            },
          ],
        },
      };
    },
  };
}
