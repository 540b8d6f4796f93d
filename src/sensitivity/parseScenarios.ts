import { safeParseScenarios } from './safeParseScenarios.js';
import { analysisArgument } from '../model/_arguments.js';
import { invalidAnalysisError } from '../model/invalidAnalysisError.js';
import type { Scenarios } from './Scenario.js';
import type { Analysis } from '../model/analysis.js';

/**
 * Validates the `scenarios` section of an analysis file (see `safeParseScenarios`) and returns
 * it, or throws one `SroiError` with code `INVALID_ANALYSIS` listing every issue.
 *
 * @example
 * const analysis = parseAnalysis({
 *   name: 'x',
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: 1, proxy: { value: 1 }, duration: 1 }],
 * });
 * parseScenarios({ low: { outcomes: { a: { deadweight: '30%' } } } }, analysis).low;
 * //=> { outcomes: { a: { deadweight: '0.3' } } }
 */
export function parseScenarios(input: unknown, analysis: Analysis): Scenarios {
  const parsed = safeParseScenarios(input, analysisArgument('parseScenarios', analysis));
  if (parsed.success) return parsed.scenarios;
  throw invalidAnalysisError('the scenarios section', parsed.issues);
}
