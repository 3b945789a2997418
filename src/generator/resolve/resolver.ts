import {ChartInputError} from '../errors';
import type {JsonSchema, JsonSchemaOrBool} from './schemaTypes';

/** A schema together with the JSON pointer it was read from. */
export interface Located {
  schema: JsonSchemaOrBool;
  /** JSON pointer into the schema file, e.g. `#/$defs/Etcd/properties/deploy`. */
  pointer: string;
}

/** A schema with every `$ref` on its surface followed. */
export interface Dereferenced extends Located {
  /** Pointers of the definitions followed to get here (outermost first). */
  refTargets: string[];
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  return [pointer, ...tokens.map((token) => escapePointerToken(String(token)))].join('/');
}

/**
 * Resolves local `$ref`s (`#`, `#/$defs/...`, `#/definitions/...`, or any JSON
 * pointer into the same document, optionally prefixed by the root `$id`).
 */
export class RefResolver {
  constructor(
    private readonly root: JsonSchema,
    private readonly file: string,
  ) {}

  /** Finds the schema a `$ref` points to, or throws naming the pointer and where it was used. */
  lookup(ref: string, usedAt: string): Located {
    const id = typeof this.root.$id === 'string' ? this.root.$id : undefined;
    let local = ref;
    if (id && ref.startsWith(id)) local = ref.slice(id.length) || '#';
    if (!local.startsWith('#')) {
      throw new ChartInputError(this.file, usedAt, `$ref "${ref}" points outside this schema file; only local references are supported`);
    }
    let fragment: string;
    try {
      fragment = decodeURIComponent(local.slice(1));
    } catch {
      throw new ChartInputError(this.file, usedAt, `$ref "${ref}" is not a valid URI fragment`);
    }
    if (fragment !== '' && !fragment.startsWith('/')) {
      throw new ChartInputError(this.file, usedAt, `$ref "${ref}" uses an anchor name; only JSON pointers are supported`);
    }
    let current: unknown = this.root;
    const tokens = fragment === '' ? [] : fragment.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    for (const token of tokens) {
      if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, token)) {
        throw new ChartInputError(this.file, usedAt, `unresolvable $ref "${ref}": nothing at that pointer`);
      }
      current = (current as Record<string, unknown>)[token];
    }
    if (typeof current !== 'boolean' && (current === null || typeof current !== 'object' || Array.isArray(current))) {
      throw new ChartInputError(this.file, usedAt, `$ref "${ref}" points to something that is not a schema`);
    }
    return {schema: current as JsonSchemaOrBool, pointer: `#${fragment}`};
  }

  /**
   * Follows `$ref` until the schema has none. Keywords written next to a
   * `$ref` win over the target's (so a local description overrides the
   * definition's), as in draft 2019-09 and later.
   */
  deref(located: Located): Dereferenced {
    let {schema, pointer} = located;
    const refTargets: string[] = [];
    const seen = new Set<string>();
    while (typeof schema === 'object' && typeof schema.$ref === 'string') {
      const {$ref, ...siblings} = schema;
      const target = this.lookup($ref, pointer);
      if (seen.has(target.pointer)) {
        throw new ChartInputError(this.file, pointer, `$ref "${$ref}" only refers to itself (a loop of $ref with no schema in between)`);
      }
      seen.add(target.pointer);
      refTargets.push(target.pointer);
      schema = typeof target.schema === 'boolean' ? target.schema : {...target.schema, ...dropUndefined(siblings)};
      pointer = target.pointer;
    }
    return {schema, pointer, refTargets};
  }
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
