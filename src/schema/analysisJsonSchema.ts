import * as z from 'zod';
import { analysisInputSchema } from './analysisSchema.js';

/**
 * The JSON Schema (draft 2020-12) of an analysis as people write it, for editors and other
 * applications. It describes shape and types; rules that span fields (unique ids, known
 * stakeholders, `quantityByYear` length, price years in the deflator series) are checked by
 * `parseAnalysis`, which is the authority.
 *
 * @example
 * analysisJsonSchema().required;
 * //=> ['name', 'outcomes']
 */
export function analysisJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(analysisInputSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
