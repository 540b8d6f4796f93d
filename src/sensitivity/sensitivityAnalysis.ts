import { str } from '../calc/_decimal.js';
import { parameterFunction, sensitivityModel } from './_sensitivityModel.js';
import { bySwing, oneWayOptions, oneWayRow } from './oneWaySensitivity.js';
import { refsOf } from './SensitivityParameter.js';
import { readTarget, solveParameter } from './solveFor.js';
import { analysisArgument, evaluateOptions } from '../model/_arguments.js';
import type { SensitivityModel } from './_sensitivityModel.js';
import type {
  OneWayResult,
  OneWaySensitivityOptions,
  OneWaySteps,
  SwingRow,
} from './oneWaySensitivity.js';
import type { SwitchingValue } from './solveFor.js';
import type { Dec } from '../calc/_decimal.js';
import type { DecimalString, Analysis } from '../model/analysis.js';
import type { SroiResult } from '../model/result.js';

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
  const plan = sensitivityPlan('sensitivityAnalysis', analysis, options);
  const switchingValues: SwitchingValue[] = [];
  const rows: SwingRow[] = [];
  for (const { switchingValue, oneWay } of assumptions(plan)) {
    switchingValues.push(switchingValue);
    rows.push(oneWay);
  }
  return { base: plan.base, target: str(plan.target), switchingValues, oneWay: bySwing(rows) };
}

/** What a sensitivity analysis needs, its arguments checked: the model, target and steps. @internal */
export interface SensitivityPlan {
  readonly model: SensitivityModel;
  readonly base: { readonly sroiRatio: DecimalString };
  readonly target: Dec;
  readonly steps: OneWaySteps;
}

/**
 * Checks the arguments of a sensitivity analysis (named `fn` in messages) and builds its model,
 * from the engine's result of the analysis and options when the caller has it (`evaluated`).
 * @internal
 */
export function sensitivityPlan(
  fn: string,
  analysis: Analysis,
  options: SensitivityAnalysisOptions = {},
  evaluated?: SroiResult,
): SensitivityPlan {
  analysisArgument(fn, analysis);
  const checked = evaluateOptions(fn, options) as SensitivityAnalysisOptions;
  const target = readTarget(fn, checked.target ?? '1');
  const steps = oneWayOptions(fn, checked);
  const model = sensitivityModel(analysis, checked, evaluated);
  return {
    model,
    base: { sroiRatio: str(model.totalPresentValue.div(model.totalInputs)) },
    target,
    steps,
  };
}

/**
 * Each assumption's switching value and one-way test, one at a time in the order of
 * `parameterRefs`, both from one parameter function: what `sensitivityAnalysis` collects, and
 * what a caller that keeps only some of them (`sroi sensitivity`'s bounded tables) reads without
 * holding the rest. @internal
 */
export function* assumptions(
  plan: SensitivityPlan,
): Generator<{ readonly switchingValue: SwitchingValue; readonly oneWay: SwingRow }> {
  for (const ref of refsOf(plan.model.analysis)) {
    const fn = parameterFunction(plan.model, ref);
    yield { switchingValue: solveParameter(fn, plan.target), oneWay: oneWayRow(fn, plan.steps) };
  }
}
