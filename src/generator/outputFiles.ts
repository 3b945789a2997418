/**
 * Names of the files the generator writes beside the partials, in one module
 * with no dependencies so the site's build plugins can import it cheaply.
 */

/** The field index. */
export const INDEX_FILE = 'fields.json';
/** The chart's schema, unchanged: example validation and the published editor files read it from here. */
export const SCHEMA_COPY_FILE = 'values.schema.json';
