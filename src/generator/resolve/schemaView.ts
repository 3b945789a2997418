import {ChartInputError} from '../errors';
import {childPointer, type Dereferenced, type Located, type RefResolver} from './resolver';
import type {JsonSchema, JsonSchemaOrBool} from './schemaTypes';

/**
 * One schema as the field model needs it: `$ref`s followed, `allOf` merged,
 * `null` branches of unions turned into `nullable`, and every child schema
 * kept with the pointer it came from.
 */
export interface SchemaView {
  pointer: string;
  refTargets: string[];
  description?: string;
  types: string[];
  nullable: boolean;
  properties: Array<{name: string} & Located>;
  required: Set<string>;
  items?: Located;
  /** `true`/`false` as written, or a schema for map values; undefined when absent. */
  additional?: Located | boolean;
  patterns: Array<{pattern: string} & Located>;
  /** Non-null branches of `oneOf`/`anyOf`. */
  variants: Located[];
  enumValues?: unknown[];
  constValue?: {value: unknown};
  pattern?: string;
  format?: string;
  minimum?: number | string;
  maximum?: number | string;
  deprecated: boolean;
  pro: boolean;
  examples: unknown[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function expectRecord(value: unknown, file: string, pointer: string, keyword: string): Record<string, JsonSchemaOrBool> {
  if (value === undefined) return {};
  if (!isObject(value)) throw new ChartInputError(file, childPointer(pointer, keyword), `"${keyword}" must be an object`);
  return value as Record<string, JsonSchemaOrBool>;
}

function expectArray(value: unknown, file: string, pointer: string, keyword: string): JsonSchemaOrBool[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ChartInputError(file, childPointer(pointer, keyword), `"${keyword}" must be an array`);
  return value as JsonSchemaOrBool[];
}

function isNullOnly(schema: JsonSchemaOrBool): boolean {
  return typeof schema === 'object' && (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === 'null'));
}

/** Builds {@link SchemaView}s; one per schema file. */
export class SchemaViewer {
  constructor(
    private readonly resolver: RefResolver,
    private readonly file: string,
  ) {}

  // Views are read many times (type labels, child lists); each schema object is viewed once.
  private readonly cache = new WeakMap<object, SchemaView>();

  view(located: Located): SchemaView {
    if (typeof located.schema !== 'object') return this.viewDereferenced(this.resolver.deref(located), new Set());
    let view = this.cache.get(located.schema);
    if (!view) {
      view = this.viewDereferenced(this.resolver.deref(located), new Set());
      this.cache.set(located.schema, view);
    }
    return view;
  }

  private viewDereferenced(deref: Dereferenced, allOfStack: Set<string>): SchemaView {
    const {pointer, refTargets} = deref;
    const schema: JsonSchema = typeof deref.schema === 'boolean' ? {} : deref.schema;
    if (!isObject(schema)) throw new ChartInputError(this.file, pointer, 'a schema must be an object or a boolean');

    const rawTypes = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!rawTypes.every((type) => typeof type === 'string')) {
      throw new ChartInputError(this.file, childPointer(pointer, 'type'), '"type" must be a string or an array of strings');
    }
    const properties = Object.entries(expectRecord(schema.properties, this.file, pointer, 'properties')).map(([name, child]) => ({
      name,
      schema: child,
      pointer: childPointer(pointer, 'properties', name),
    }));
    const patterns = Object.entries(expectRecord(schema.patternProperties, this.file, pointer, 'patternProperties')).map(([pattern, child]) => ({
      pattern,
      schema: child,
      pointer: childPointer(pointer, 'patternProperties', pattern),
    }));
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);

    let items: Located | undefined;
    if (Array.isArray(schema.items)) {
      // Tuple form (draft-07): document the first item's shape.
      if (schema.items.length > 0) items = {schema: schema.items[0], pointer: childPointer(pointer, 'items', 0)};
    } else if (schema.items !== undefined) {
      items = {schema: schema.items, pointer: childPointer(pointer, 'items')};
    }

    let additional: Located | boolean | undefined;
    if (typeof schema.additionalProperties === 'boolean') additional = schema.additionalProperties;
    else if (isObject(schema.additionalProperties)) additional = {schema: schema.additionalProperties, pointer: childPointer(pointer, 'additionalProperties')};

    const view: SchemaView = {
      pointer,
      refTargets,
      description: typeof schema.description === 'string' ? schema.description : undefined,
      types: [...rawTypes],
      nullable: schema.nullable === true,
      properties,
      required,
      items,
      additional,
      patterns,
      variants: [],
      enumValues: Array.isArray(schema.enum) ? schema.enum : undefined,
      constValue: 'const' in schema ? {value: schema.const} : undefined,
      pattern: typeof schema.pattern === 'string' ? schema.pattern : undefined,
      format: typeof schema.format === 'string' ? schema.format : undefined,
      minimum: bound(schema.minimum, schema.exclusiveMinimum, '>'),
      maximum: bound(schema.maximum, schema.exclusiveMaximum, '<'),
      deprecated: schema.deprecated === true,
      pro: schema.pro === true,
      examples: Array.isArray(schema.examples) ? schema.examples : 'example' in schema ? [schema.example] : [],
    };

    for (const keyword of ['oneOf', 'anyOf'] as const) {
      expectArray(schema[keyword], this.file, pointer, keyword).forEach((branch, index) => {
        const branchPointer = childPointer(pointer, keyword, index);
        const resolved = this.resolver.deref({schema: branch, pointer: branchPointer});
        if (isNullOnly(resolved.schema)) view.nullable = true;
        else view.variants.push({schema: branch, pointer: branchPointer});
      });
    }

    expectArray(schema.allOf, this.file, pointer, 'allOf').forEach((part, index) => {
      const partPointer = childPointer(pointer, 'allOf', index);
      const resolved = this.resolver.deref({schema: part, pointer: partPointer});
      if (allOfStack.has(resolved.pointer)) {
        throw new ChartInputError(this.file, partPointer, 'allOf includes the schema it is part of');
      }
      mergeInto(view, this.viewDereferenced(resolved, new Set([...allOfStack, pointer])));
    });

    if (view.types.includes('null') && view.types.length > 1) {
      view.types = view.types.filter((type) => type !== 'null');
      view.nullable = true;
    }
    return view;
  }
}

function bound(inclusive: unknown, exclusive: unknown, sign: '<' | '>'): number | string | undefined {
  if (typeof exclusive === 'number') return `${sign} ${exclusive}`;
  if (typeof inclusive === 'number') return exclusive === true ? `${sign} ${inclusive}` : inclusive;
  return undefined;
}

/** `allOf`: the parts add properties, requirements and constraints the whole does not state itself. */
function mergeInto(target: SchemaView, part: SchemaView): void {
  // The part's definitions are expanded here too: cycle detection must see them.
  target.refTargets = [...new Set([...target.refTargets, ...part.refTargets])];
  const known = new Set(target.properties.map((p) => p.name));
  for (const property of part.properties) if (!known.has(property.name)) target.properties.push(property);
  part.required.forEach((name) => target.required.add(name));
  target.patterns.push(...part.patterns.filter((p) => !target.patterns.some((t) => t.pattern === p.pattern)));
  target.variants.push(...part.variants);
  if (target.types.length === 0) target.types = [...part.types];
  target.description ??= part.description;
  target.items ??= part.items;
  target.additional ??= part.additional;
  target.enumValues ??= part.enumValues;
  target.constValue ??= part.constValue;
  target.pattern ??= part.pattern;
  target.format ??= part.format;
  target.minimum ??= part.minimum;
  target.maximum ??= part.maximum;
  target.nullable ||= part.nullable;
  target.deprecated ||= part.deprecated;
  target.pro ||= part.pro;
  target.examples.push(...part.examples);
}
