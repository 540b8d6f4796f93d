import { parameterFunction, sensitivityModel } from './_sensitivityModel.js';
import { refsOf } from './SensitivityParameter.js';
import { analysisArgument, evaluateOptions } from '../model/_arguments.js';
import { readTarget, solveParameter } from './solveFor.js';
import type { SensitivityModel } from './_sensitivityModel.js';
import type { SwitchingValue } from './solveFor.js';
import type { Dec } from '../calc/_decimal.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { Analysis, DecimalString } from '../model/analysis.js';

/** Options of `switchingValues`. */
export interface SwitchingValuesOptions extends EvaluateAnalysisOptions {
  /** The SROI ratio to reach; `'1'` (break-even, £1 of value per £1 invested) by default. */
  readonly target?: DecimalString;
}

/**
 * For every assumption of the analysis (see `parameterRefs`), the value at which the SROI ratio
 * reaches the target, each assumption moved alone (see `solveFor` for how each is found).
 * The SROI Guide asks for this as the test of which assumptions a claim rests on: an
 * assumption whose switching value is close to its base value is one the result depends on.
 *
 * @example
 * switchingValues(parseAnalysis({
 *   name: 'x',
 *   discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '400' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '100',
 *                proxy: { value: '10' }, duration: 1 }],
 * })).slice(0, 2);
 * //=> [{ parameter: 'quantity', outcome: 'a', base: '100', switchingValue: '40', reachable: true }, { parameter: 'proxy', outcome: 'a', base: '10', switchingValue: '4', reachable: true }]
 */
export function switchingValues(
  analysis: Analysis,
  options: SwitchingValuesOptions = {},
): SwitchingValue[] {
  const fn = 'switchingValues';
  analysisArgument(fn, analysis);
  const checked = evaluateOptions(fn, options) as SwitchingValuesOptions;
  const target = readTarget(fn, checked.target ?? '1');
  return switchingValuesOf(sensitivityModel(analysis, checked), target);
}

/** The same, on a model that is already built. @internal */
export function switchingValuesOf(model: SensitivityModel, target: Dec): SwitchingValue[] {
  return refsOf(model.analysis).map((ref) => solveParameter(parameterFunction(model, ref), target));
}
