import { Dec, str } from '../calc/_decimal.js';
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
export interface OneWaySteps<N = Dec> {
  readonly step: N;
  readonly fractionStep: N;
  readonly durationStep: N;
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
  const ends = oneWayEnds(fn, steps);
  const row: OneWayResult = {
    ...refFields(fn.ref),
    low: { value: str(ends.low), sroiRatio: ends.lowRatio === null ? null : str(ends.lowRatio) },
    high: {
      value: str(ends.high),
      sroiRatio: ends.highRatio === null ? null : str(ends.highRatio),
    },
  };
  return { row, swing: ends.swing };
}

/** The two ends of a one-way test over any arithmetic, their ratios and the swing. @internal */
export interface OneWayEnds<N> {
  readonly low: N;
  readonly high: N;
  readonly lowRatio: N | null;
  readonly highRatio: N | null;
  /** `|ratio(high) − ratio(low)|`, 0 where a ratio is undefined. */
  readonly swing: N;
}

/** The one-way test of one assumption over the parameter function's arithmetic. @internal */
export function oneWayEnds<N>(fn: ParameterFunction<N>, steps: OneWaySteps<N>): OneWayEnds<N> {
  const { a } = fn;
  const [low, high] = movedValues(fn, steps);
  const lowRatio = ratioAt(fn, low);
  const highRatio = ratioAt(fn, high);
  const swing =
    lowRatio === null || highRatio === null ? a.zero : a.abs(a.minus(highRatio, lowRatio));
  return { low, high, lowRatio, highRatio, swing };
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

function movedValues<N>(fn: ParameterFunction<N>, steps: OneWaySteps<N>): [N, N] {
  const { a, base } = fn;
  let low: N;
  let high: N;
  if (parameterMoves[fn.ref.parameter] === 'relative') {
    low = a.times(base, a.minus(a.one, steps.step));
    high = a.times(base, a.plus(steps.step, a.one));
  } else if (fn.ref.parameter === 'duration') {
    low = a.minus(base, steps.durationStep);
    high = a.plus(base, steps.durationStep);
  } else {
    low = a.minus(base, steps.fractionStep);
    high = a.plus(base, steps.fractionStep);
  }
  // Duration's range is open at 0 (a duration tending to 0 removes the outcome): a one-way test
  // goes down to one year, or stays at a base that is already under a year (docs/sensitivity.md).
  const lower = fn.ref.parameter === 'duration' ? a.min(base, a.one) : fn.lower;
  // each end within the range: the larger of it and `lower`, the smaller of that and `upper`
  const clamp = (value: N): N => {
    const above = lower === null ? value : a.max(value, lower);
    return fn.upper === null ? above : a.min(above, fn.upper);
  };
  return [clamp(a.min(low, high)), clamp(a.max(low, high))];
}
