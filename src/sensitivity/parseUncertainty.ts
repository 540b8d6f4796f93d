import { safeParseUncertainty } from './safeParseUncertainty.js';
import { analysisArgument } from '../model/_arguments.js';
import { invalidAnalysisError } from '../model/invalidAnalysisError.js';
import type { Uncertainty } from './Uncertainty.js';
import type { Analysis } from '../model/analysis.js';

/**
 * Validates the `uncertainty` section of an analysis file (see `safeParseUncertainty`) and
 * returns it, or throws one `SroiError` with code `INVALID_ANALYSIS` listing every issue.
 *
 * @example
 * const analysis = parseAnalysis({
 *   name: 'x',
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: 1, proxy: { value: 1 }, duration: 1 }],
 * });
 * parseUncertainty({ seed: 1, parameters: [{ outcome: 'a', parameter: 'deadweight',
 *   distribution: 'uniform', min: '10%', max: '30%' }] }, analysis).seed;
 * //=> 1
 */
export function parseUncertainty(input: unknown, analysis: Analysis): Uncertainty {
  const parsed = safeParseUncertainty(input, analysisArgument('parseUncertainty', analysis));
  if (parsed.success) return parsed.uncertainty;
  throw invalidAnalysisError('the uncertainty section', parsed.issues);
}
