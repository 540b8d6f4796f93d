import { applyScenario } from './applyScenario.js';
import { evaluateAnalysis } from '../calc/evaluateAnalysis.js';
import { analysisArgument, evaluateOptions, objectArgument } from '../model/_arguments.js';
import type { Scenarios } from './Scenario.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

/** One scenario's full result. */
export interface ScenarioResult {
  readonly name: string;
  readonly description?: string;
  readonly result: SroiResult;
}

/** The base case and every scenario, each a full `SroiResult`. */
export interface EvaluateScenariosResult {
  readonly base: SroiResult;
  readonly scenarios: readonly ScenarioResult[];
}

/** Options of `evaluateScenarios`. */
export type EvaluateScenariosOptions = EvaluateAnalysisOptions;

/**
 * Calculates the base case and each scenario (the analysis with that scenario's overrides, see
 * `applyScenario`) in full, in the order the scenarios are written, so that they can be shown
 * side by side.
 *
 * @example
 * const { base, scenarios } = evaluateScenarios(
 *   parseAnalysis({
 *     name: 'x',
 *     discount: { rate: '0' },
 *     inputs: [{ description: 'Grant', value: '100' }],
 *     outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '10',
 *                  proxy: { value: '30' }, duration: 1 }],
 *   }),
 *   { conservative: { outcomes: { a: { deadweight: '0.5' } } } },
 * );
 * [base.sroiRatio, scenarios[0].name, scenarios[0].result.sroiRatio];
 * //=> ['3', 'conservative', '1.5']
 */
export function evaluateScenarios(
  analysis: Analysis,
  scenarios: Scenarios,
  options: EvaluateScenariosOptions = {},
): EvaluateScenariosResult {
  const fn = 'evaluateScenarios';
  analysisArgument(fn, analysis);
  objectArgument(fn, 'scenarios', scenarios);
  evaluateOptions(fn, options);
  const entries = Object.entries(scenarios);
  for (const [name, scenario] of entries) objectArgument(fn, `scenarios["${name}"]`, scenario);
  return {
    base: evaluateAnalysis(analysis, options),
    scenarios: entries.map(([name, scenario]) => ({
      name,
      ...(scenario.description === undefined ? {} : { description: scenario.description }),
      result: evaluateAnalysis(applyScenario(analysis, scenario, name), options),
    })),
  };
}
