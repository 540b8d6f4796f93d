import { evaluateAnalysis } from './calc/evaluateAnalysis.js';
import { parseAnalysis } from './schema/parseAnalysis.js';
import type { AnalysisInput } from './schema/analysisSchema.js';
import type { EvaluateAnalysisOptions } from './calc/evaluateAnalysis.js';
import type { SroiResult } from './model/result.js';

/** Options of `calculateSroi`. */
export type CalculateSroiOptions = EvaluateAnalysisOptions;

/**
 * The whole pipeline: validates an analysis written as JSON (docs/model.md), then calculates its
 * SROI (docs/method.md) and returns the result contract (docs/model.md). Throws one `SroiError` with code
 * `INVALID_ANALYSIS` listing every problem when the input is invalid.
 *
 * @example
 * const result = calculateSroi({
 *   name: 'Befriending service',
 *   discount: { rate: '3.5%' },
 *   inputs: [{ description: 'Grant', value: '£24,000' }],
 *   outcomes: [{ stakeholder: 'Older people', outcome: 'Feel less isolated', quantity: '40',
 *                proxy: { value: '1000' }, duration: 3, deadweight: '20%', attribution: '25%',
 *                dropOff: '50%' }],
 * });
 * result.totalPresentValue;
 * //=> '39802.19043550641771695076170752636'
 */
export function calculateSroi(
  input: AnalysisInput,
  options: CalculateSroiOptions = {},
): SroiResult {
  return evaluateAnalysis(parseAnalysis(input, options), options);
}
