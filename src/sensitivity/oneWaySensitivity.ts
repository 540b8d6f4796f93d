import { Dec, str, ZERO } from '../calc/_decimal.js';
import { parameterFunction, ratioAt, refFields, sensitivityModel } from './_sensitivityModel.js';
import { refsOf } from './SensitivityParameter.js';
import {
  analysisArgument,
  evaluateOptions,
  invalid,
  MAX_DURATION,
  signedDecimal,
} from '../model/_arguments.js';
import { parameterMoves } from '../model/vocabulary.js';
import type { ParameterFunction, SensitivityModel } from './_sensitivityModel.js';
import type { SensitivityParameter } from './SensitivityParameter.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { Analysis, DecimalString } from '../model/analysis.js';

/** One end of a one-way test: the assumption's value and the SROI ratio there. */
export interface OneWayPoint {
  readonly value: DecimalString;
  /** `null` only when total inputs would be zero at this value. */
  readonly sroiRatio: DecimalString | null;
}

/** One assumption moved down and up, with the ratio at each end (one bar of a tornado chart). */
export interface OneWayResult {
  readonly parameter: SensitivityParameter;
  readonly outcome?: string;
  readonly input?: number;
  /** The lower of the two moved values. */
  readonly low: OneWayPoint;
  /** The higher of the two moved values. */
  readonly high: OneWayPoint;
}

/** Options of `oneWaySensitivity`. */
export interface OneWaySensitivityOptions extends EvaluateAnalysisOptions {
  /** Relative move of money and quantities (quantity, proxy, inputValue, proxyScale): `'0.1'` = ±10%. */
  readonly step?: DecimalString;
  /**
   * Absolute move of fractions (the deductions, dropOff, discountRate) in points of 0–1:
   * `'0.1'` = ±10 percentage points. Defaults to `step`.
   */
  readonly fractionStep?: DecimalString;
  /** Move of duration in years (a fraction of a year too); 1 by default. */
  readonly durationStep?: number;
}

/**
 * One-way sensitivity: every assumption (see `parameterRefs`) moved down and up on its own —
 * money and quantities by ±`step` of their value, fractions by ±`fractionStep` points, duration
 * by ±`durationStep` years — each end clamped to the valid range (fractions 0–1, quantities and
 * inputs ≥ 0, duration up to 1000 years and, going down, not below one year, or below the base
 * when the base is under a year), with the SROI ratio at each end. Sorted by swing (the
 * difference between the two ratios), largest first: the bars of a tornado chart, top down.
 *
 * @example
 * oneWaySensitivity(parseAnalysis({
 *   name: 'x',
 *   discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '400' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '100',
 *                proxy: { value: '10' }, duration: 1, deadweight: '5%' }],
 * })).find((row) => row.parameter === 'deadweight');
 * //=> { parameter: 'deadweight', outcome: 'a', low: { value: '0', sroiRatio: '2.5' }, high: { value: '0.15', sroiRatio: '2.125' } }
 */
export function oneWaySensitivity(
  analysis: Analysis,
  options: OneWaySensitivityOptions = {},
): OneWayResult[] {
  const fn = 'oneWaySensitivity';
  analysisArgument(fn, analysis);
  const checked = evaluateOptions(fn, options) as OneWaySensitivityOptions;
  const steps = oneWayOptions(fn, checked);
  return oneWayOf(sensitivityModel(analysis, checked), steps);
}

/** What a one-way test moves each kind of assumption by, read from the options. @internal */
export interface OneWaySteps {
  readonly step: Dec;
  readonly fractionStep: Dec;
  readonly durationStep: Dec;
}

/**
 * Checks the steps of a one-way test: `step` and `fractionStep` decimal strings ≥ 0 (`'0.1'`),
 * `durationStep` a number of years from 0 to 1000. @internal
 */
export function oneWayOptions(fn: string, options: OneWaySensitivityOptions = {}): OneWaySteps {
  const rule = 'must be a number ≥ 0 such as "0.1"';
  const step = signedDecimal(fn, options.step ?? '0.1', 'step', 'zero', rule);
  const fractionStep = signedDecimal(
    fn,
    options.fractionStep ?? step,
    'fractionStep',
    'zero',
    rule,
  );
  const durationStep = options.durationStep ?? 1;
  if (typeof durationStep !== 'number' || !(durationStep >= 0 && durationStep <= MAX_DURATION)) {
    throw invalid(
      fn,
      `durationStep must be a number of years from 0 to ${MAX_DURATION}`,
      durationStep,
    );
  }
  return {
    step: new Dec(step),
    fractionStep: new Dec(fractionStep),
    durationStep: new Dec(durationStep),
  };
}

/** The same, on a model that is already built. @internal */
export function oneWayOf(model: SensitivityModel, steps: OneWaySteps): OneWayResult[] {
  return bySwing(
    refsOf(model.analysis).map((ref) => oneWayRow(parameterFunction(model, ref), steps)),
  );
}

/** One one-way test and its swing, `|ratio(high) − ratio(low)|` (0 where a ratio is undefined). @internal */
export interface SwingRow {
  readonly row: OneWayResult;
  readonly swing: Dec;
}

/** The one-way test of one assumption, from its parameter function. @internal */
export function oneWayRow(fn: ParameterFunction, steps: OneWaySteps): SwingRow {
  const [low, high] = movedValues(fn, steps.step, steps.fractionStep, steps.durationStep);
  const lowRatio = ratioAt(fn, low);
  const highRatio = ratioAt(fn, high);
  const swing = lowRatio === null || highRatio === null ? ZERO : highRatio.minus(lowRatio).abs();
  const row: OneWayResult = {
    ...refFields(fn.ref),
    low: { value: str(low), sroiRatio: lowRatio === null ? null : str(lowRatio) },
    high: { value: str(high), sroiRatio: highRatio === null ? null : str(highRatio) },
  };
  return { row, swing };
}

/**
 * The rows by swing, largest first; equal swings keep their order (the order of
 * `parameterRefs`: `Array.prototype.sort` is stable). @internal
 */
export function bySwing(rows: SwingRow[]): OneWayResult[] {
  return rows.sort(swingOrder).map(({ row }) => row);
}

/** Larger swing first. @internal */
export function swingOrder(a: { readonly swing: Dec }, b: { readonly swing: Dec }): number {
  return b.swing.cmp(a.swing);
}

function movedValues(fn: ParameterFunction, step: Dec, fractionStep: Dec, years: Dec): [Dec, Dec] {
  const { base } = fn;
  let a: Dec;
  let b: Dec;
  if (parameterMoves[fn.ref.parameter] === 'relative') {
    a = base.times(Dec.sub(1, step));
    b = base.times(step.plus(1));
  } else if (fn.ref.parameter === 'duration') {
    a = base.minus(years);
    b = base.plus(years);
  } else {
    a = base.minus(fractionStep);
    b = base.plus(fractionStep);
  }
  // Duration's range is open at 0 (a duration tending to 0 removes the outcome): a one-way test
  // goes down to one year, or stays at a base that is already under a year (docs/sensitivity.md).
  const lower = fn.ref.parameter === 'duration' ? Dec.min(base, 1) : fn.lower;
  const clamp = (value: Dec): Dec => {
    if (lower !== null && value.lt(lower)) return lower;
    if (fn.upper !== null && value.gt(fn.upper)) return fn.upper;
    return value;
  };
  return a.lte(b) ? [clamp(a), clamp(b)] : [clamp(b), clamp(a)];
}
