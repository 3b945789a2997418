import type {JsonSchema} from '../resolve/schemaTypes';
import {PUBLISHED_SCHEMA, PUBLISHED_TYPES} from '../../reference/urls';

export const ROOT_TYPE = 'VClusterConfig';

/**
 * The files each docs version publishes for editors: the chart's schema (for
 * `# yaml-language-server: $schema=...`) and TypeScript declarations of the
 * same shape, generated with json-schema-to-typescript.
 */
export async function createEditorFiles(schemaText: string, version: string): Promise<Map<string, string>> {
  // Loaded only when editor files are made: it costs a third of a second to load, and most runs need none.
  const {compile} = await import('json-schema-to-typescript');
  const schema = JSON.parse(schemaText) as JsonSchema;
  // Without $id and title the root interface takes the name given here.
  const {$id: _id, title: _title, ...anonymous} = schema;
  const declarations = await compile(anonymous as Parameters<typeof compile>[0], ROOT_TYPE, {
    bannerComment: `/* vcluster.yaml for vCluster ${version}, generated from the chart's values.schema.json. Do not edit. */`,
    additionalProperties: false,
    unknownAny: true,
    strictIndexSignatures: false,
    format: false,
  });
  return new Map([
    [PUBLISHED_SCHEMA, schemaText],
    [PUBLISHED_TYPES, declarations],
  ]);
}
