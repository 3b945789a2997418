// @ts-check
/**
 * A pass-through loader on the docs' pages: it tells the bundler which
 * generated files the remark plugins read for a page (its version's field
 * index, schema copy and facts), so that the persistent cache and the dev
 * server compile the page again when one of them changes. Plain JavaScript
 * because the bundler loads loaders with Node's own require. Which files
 * belong to which docs folder is decided in ./index.ts, from src/reference.
 *
 * @typedef {{docsDir: string, partialsDir: string, files: string[]}} DocsFolder
 * @this {{resourcePath: string, getOptions(): {folders: DocsFolder[]}, addDependency(file: string): void, addMissingDependency(file: string): void}}
 * @param {string} source
 */
module.exports = function referenceDependencies(source) {
  const fs = require('node:fs');
  const path = require('node:path');
  const inside = (/** @type {string} */ file, /** @type {string} */ dir) => {
    const relative = path.relative(dir, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  const folder = this.getOptions().folders.find((candidate) => inside(this.resourcePath, candidate.docsDir));
  // The generated partials are not checked by the plugins: they change with the files themselves.
  if (folder && !inside(this.resourcePath, folder.partialsDir)) {
    for (const file of folder.files) {
      if (fs.existsSync(file)) this.addDependency(file);
      else this.addMissingDependency(file);
    }
  }
  return source;
};
