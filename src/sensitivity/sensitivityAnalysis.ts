import { str } from '../calc/_decimal.js';
import { sensitivityModel } from './_sensitivityModel.js';
import { oneWayOf, oneWayOptions } from './oneWaySensitivity.js';
import { analysisArgument, evaluateOptions } from '../model/_arguments.js';
import { readTarget } from './solveFor.js';
import { switchingValuesOf } from './switchingValues.js';
import type { OneWayResult, OneWaySensitivityOptions } from './oneWaySensitivity.js';
import type { SwitchingValue } from './solveFor.js';
import type { DecimalString, Analysis } from '../model/analysis.js';

/** Options of `sensitivityAnalysis`: the target of `switchingValues` and the steps of `oneWaySensitivity`. */
export interface SensitivityAnalysisOptions extends OneWaySensitivityOptions {
  /** The SROI ratio the switching values reach; `'1'` by default. */
  readonly target?: DecimalString;
}

/** What `sroi sensitivity --format json` prints. */
export interface SensitivityAnalysisResult {
  readonly base: { readonly sroiRatio: DecimalString };
  readonly target: DecimalString;
  readonly switchingValues: readonly SwitchingValue[];
  readonly oneWay: readonly OneWayResult[];
}

/**
 * Switching values and one-way sensitivity of every assumption, from one evaluation of the
 * analysis (see `switchingValues` and `oneWaySensitivity`).
 *
 * @example
 * const result = sensitivityAnalysis(parseAnalysis({
 *   name: 'x',
 *   discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '400' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '100',
 *                proxy: { value: '10' }, duration: 1 }],
 * }));
 * [result.base, result.target, result.switchingValues.length, result.oneWay.length];
 * //=> [{ sroiRatio: '2.5' }, '1', 11, 11]
 */
export function sensitivityAnalysis(
  analysis: Analysis,
  options: SensitivityAnalysisOptions = {},
): SensitivityAnalysisResult {
  const fn = 'sensitivityAnalysis';
  analysisArgument(fn, analysis);
  const checked = evaluateOptions(fn, options) as SensitivityAnalysisOptions;
  const target = readTarget(fn, checked.target ?? '1');
  const steps = oneWayOptions(fn, checked);
  const model = sensitivityModel(analysis, checked);
  return {
    base: { sroiRatio: str(model.totalPresentValue.div(model.totalInputs)) },
    target: str(target),
    switchingValues: switchingValuesOf(model, target),
    oneWay: oneWayOf(model, steps),
  };
}
