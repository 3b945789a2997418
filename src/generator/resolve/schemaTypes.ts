/**
 * The subset of JSON Schema (draft-07 and 2020-12) the generator reads, plus
 * the vCluster chart's own `pro` keyword. Unknown keywords are allowed and ignored.
 */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchemaOrBool>;
  definitions?: Record<string, JsonSchemaOrBool>;
  type?: string | string[];
  description?: string;
  title?: string;
  properties?: Record<string, JsonSchemaOrBool>;
  required?: string[];
  additionalProperties?: JsonSchemaOrBool;
  patternProperties?: Record<string, JsonSchemaOrBool>;
  items?: JsonSchemaOrBool | JsonSchemaOrBool[];
  prefixItems?: JsonSchemaOrBool[];
  anyOf?: JsonSchemaOrBool[];
  oneOf?: JsonSchemaOrBool[];
  allOf?: JsonSchemaOrBool[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  example?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  deprecated?: boolean;
  nullable?: boolean;
  pro?: boolean;
  [keyword: string]: unknown;
}

export type JsonSchemaOrBool = JsonSchema | boolean;
