/**
 * Compiling a chart's `values.schema.json` for validation: Ajv, draft
 * 2020-12, every error reported, formats not checked (Helm does not check
 * them either). Browser-safe: the build's example check and the config
 * checker compile each release's schema with it.
 */
import Ajv2020, {type ValidateFunction} from 'ajv/dist/2020';

export function compileChartSchema(schema: object): ValidateFunction {
  const ajv = new Ajv2020({strict: false, allErrors: true, validateFormats: false});
  // vCluster marks the settings of its commercial edition with "pro": true.
  ajv.addKeyword({keyword: 'pro', schemaType: 'boolean'});
  return ajv.compile(schema);
}
