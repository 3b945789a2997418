// `npm run gen-schemas`: publishes each documented version's schema and
// TypeScript declarations under static/schemas/<version>/, from the schema
// copy gen-partials wrote beside that version's partials.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {SCHEMA_COPY_FILE} from '../src/generator/generate';
import {createEditorFiles} from '../src/generator/publish/editorFiles';
import {documentedVersions, partialsDirFor, readManifest} from '../src/generator/versions';
import {writeOutput} from '../src/generator/write/outputDir';

const root = path.resolve(__dirname, '..');

export function publishedDirFor(projectDir: string, version: string): string {
  return path.join(projectDir, 'static', 'schemas', version);
}

async function main(): Promise<void> {
  const manifest = await readManifest(root);
  for (const version of await documentedVersions(root, manifest)) {
    const source = path.join(partialsDirFor(root, manifest, version), SCHEMA_COPY_FILE);
    let schemaText: string;
    try {
      schemaText = await readFile(source, 'utf8');
    } catch {
      throw new Error(`${source}: missing; run npm run gen-partials first`);
    }
    const summary = await writeOutput(publishedDirFor(root, version), await createEditorFiles(schemaText, version));
    console.log(`gen-schemas (${version}): ${summary.written.length} written, ${summary.unchanged.length} unchanged`);
  }
}

main().catch((error: unknown) => {
  console.error(`gen-schemas: ${(error as Error).message}`);
  process.exitCode = 1;
});
