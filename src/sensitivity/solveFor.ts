import { Dec, ONE, str, ZERO } from '../calc/_decimal.js';
import { findRoot } from './_findRoot.js';
import { parameterFunction, ratioAt, refFields, sensitivityModel } from './_sensitivityModel.js';
import { SroiError } from '../model/SroiError.js';
import type { ParameterFunction, RatioSlice } from './_sensitivityModel.js';
import type { ParameterRef, SensitivityParameter } from './SensitivityParameter.js';
import type { EvaluateAnalysisOptions } from '../calc/evaluateAnalysis.js';
import type { Analysis, DecimalString } from '../model/analysis.js';

/**
 * The value of one assumption at which the ratio reaches a target, or why it cannot.
 * `switchingValue` is `null` exactly when `reachable` is false; then `ratioAtLimit` is the
 * ratio at the end of the assumption's valid range that comes closest to the target (`null`
 * when the ratio is undefined there because total inputs would be zero).
 */
export interface SwitchingValue {
  readonly parameter: SensitivityParameter;
  /** The outcome's id, for an outcome's assumption. */
  readonly outcome?: string;
  /** The input's position in `inputs` (from 0), for `inputValue`. */
  readonly input?: number;
  /** The assumption's value in the analysis. */
  readonly base: DecimalString;
  readonly switchingValue: DecimalString | null;
  readonly reachable: boolean;
  readonly ratioAtLimit?: DecimalString | null;
}

/** What `solveFor` seeks: the SROI ratio, or the ratio of one category's value to total inputs. */
export type SolveForGoal =
  | { readonly sroiRatio: DecimalString }
  | { readonly categoryRatio: DecimalString; readonly category: string };

/** Options of `solveFor`. */
export type SolveForOptions = EvaluateAnalysisOptions;

/** How close (in the assumption's own units) a root-found switching value is to the exact one. */
export const ROOT_TOLERANCE = 1e-12;

/** Interior points at which a non-monotone ratio (the discount rate) is scanned for a bracket. */
const SCAN_POINTS = 64;

/**
 * Goal seek: the value of one assumption at which the SROI ratio (or one category's ratio)
 * equals a target, with every other assumption held at its base value.
 *
 * Where the ratio's numerator and denominator are linear in the assumption — quantity, proxy,
 * the four deductions (an outcome's value is proportional to `1 − deadweight` and so on), an
 * input's value and the all-proxy scale — the answer is a closed form, computed exactly:
 * with `N(x) = N0 + N1·x` and `D(x) = D0 + D1·x`, `x = (target·D0 − N0) / (N1 − target·D1)`.
 * Drop-off moves the ratio one way over 0–1, so its root is bracketed by the range and found
 * by Brent's method to within 1e-12. The discount rate can move the ratio both ways when inputs
 * are spent after year 0, so its range is scanned at 64 points and the bracket nearest the base
 * value is refined. Duration is whole years: the answer is the whole year nearest the base at
 * which the ratio reaches or passes the target (smallest such year going up, largest going down).
 * When no value in the valid range reaches the target, `reachable` is false and `ratioAtLimit`
 * says how close the range's end comes.
 *
 * @example
 * const analysis = parseAnalysis({
 *   name: 'x',
 *   discount: { rate: '0' },
 *   inputs: [{ description: 'Grant', value: '400' }],
 *   outcomes: [{ id: 'a', stakeholder: 's', outcome: 'o', quantity: '100',
 *                proxy: { value: '10' }, duration: 1, deadweight: '20%' }],
 * });
 * solveFor(analysis, { parameter: 'deadweight', outcome: 'a' }, { sroiRatio: '1' });
 * //=> { parameter: 'deadweight', outcome: 'a', base: '0.2', switchingValue: '0.6', reachable: true }
 */
export function solveFor(
  analysis: Analysis,
  parameter: ParameterRef,
  goal: SolveForGoal,
  options: SolveForOptions = {},
): SwitchingValue {
  const model = sensitivityModel(analysis, options);
  const slice: RatioSlice =
    'sroiRatio' in goal ? { kind: 'total' } : { kind: 'category', category: goal.category };
  const target = 'sroiRatio' in goal ? goal.sroiRatio : goal.categoryRatio;
  return solveParameter(parameterFunction(model, parameter, slice), readTarget(target));
}

/** Reads a target ratio; it must be a number above zero. @internal */
export function readTarget(target: DecimalString): Dec {
  let value: Dec;
  try {
    value = new Dec(target);
  } catch {
    throw new SroiError('INVALID_ARGUMENT', `target must be a ratio above 0, got "${target}"`);
  }
  if (!value.isFinite() || value.lte(0)) {
    throw new SroiError('INVALID_ARGUMENT', `target must be a ratio above 0, got "${target}"`);
  }
  return value;
}

/** Solves one parameter function for a target ratio. @internal */
export function solveParameter(fn: ParameterFunction, target: Dec): SwitchingValue {
  switch (fn.shape) {
    case 'linear':
      return solveLinear(fn, target);
    case 'wholeYears':
      return solveWholeYears(fn, target);
    default:
      return solveNumerically(fn, target);
  }
}

function answer(fn: ParameterFunction, value: Dec): SwitchingValue {
  return { ...refFields(fn.ref), base: str(fn.base), switchingValue: str(value), reachable: true };
}

function unreachable(fn: ParameterFunction, ratio: Dec | null): SwitchingValue {
  return {
    ...refFields(fn.ref),
    base: str(fn.base),
    switchingValue: null,
    reachable: false,
    ratioAtLimit: ratio === null ? null : str(ratio),
  };
}

/** `N(x) = t·D(x)` with both sides linear in x. */
function solveLinear(fn: ParameterFunction, target: Dec): SwitchingValue {
  const { n0, n1, d0, d1 } = fn.coefficients ?? coefficientsOf(fn);
  const slope = d1.isZero() ? n1 : n1.minus(target.times(d1));
  if (slope.isZero()) {
    // The ratio does not depend on this assumption.
    const ratio = ratioAt(fn, fn.base);
    if (ratio !== null && ratio.eq(target)) return answer(fn, fn.base);
    return unreachable(fn, ratio);
  }
  const value = target.times(d0).minus(n0).div(slope);
  if (fn.lower !== null && value.lt(fn.lower)) return unreachable(fn, ratioAt(fn, fn.lower));
  if (fn.upper !== null && value.gt(fn.upper)) return unreachable(fn, ratioAt(fn, fn.upper));
  return answer(fn, value);
}

function coefficientsOf(fn: ParameterFunction): { n0: Dec; n1: Dec; d0: Dec; d1: Dec } {
  const [n0, d0] = fn.parts(ZERO);
  const [n, d] = fn.parts(ONE);
  return { n0, n1: n.minus(n0), d0, d1: d.minus(d0) };
}

/**
 * Brent's method inside the bracket nearest the base value. The sign test runs on
 * `N(x) − target·D(x)`, which has the sign of `ratio − target` (total inputs are positive) and
 * needs no division.
 */
function solveNumerically(fn: ParameterFunction, target: Dec): SwitchingValue {
  const lower = fn.lower ?? fn.base;
  const upper = fn.upper ?? fn.base;
  const gap = (value: Dec): Dec => {
    const [numerator, denominator] = fn.parts(value);
    return numerator.minus(target.times(denominator));
  };
  const points: Dec[] = [lower, fn.base, upper];
  if (fn.shape === 'general') {
    const width = upper.minus(lower);
    for (let i = 1; i < SCAN_POINTS; i++) points.push(lower.plus(width.times(i).div(SCAN_POINTS)));
  }
  const sorted = [...new Map(points.map((p) => [p.toString(), p])).values()].sort((a, b) =>
    a.cmp(b),
  );
  const gaps = sorted.map(gap);
  const baseGap = gaps[sorted.findIndex((p) => p.eq(fn.base))];
  if (baseGap?.isZero() === true) return answer(fn, fn.base);

  let best: { from: number; to: number; distance: Dec } | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b, ga, gb] = [sorted[i], sorted[i + 1], gaps[i], gaps[i + 1]];
    if (a === undefined || b === undefined || ga === undefined || gb === undefined) continue;
    if (ga.isZero() || gb.isZero() || ga.isNegative() !== gb.isNegative()) {
      const distance = fn.base.lt(a) ? a.minus(fn.base) : fn.base.gt(b) ? fn.base.minus(b) : ZERO;
      if (best === undefined || distance.lt(best.distance)) best = { from: i, to: i + 1, distance };
    }
  }
  if (best === undefined) {
    const lowRatio = ratioAt(fn, lower);
    const highRatio = ratioAt(fn, upper);
    const closer =
      highRatio === null ||
      (lowRatio !== null && lowRatio.minus(target).abs().lt(highRatio.minus(target).abs()))
        ? lowRatio
        : highRatio;
    return unreachable(fn, closer);
  }
  const from = sorted[best.from] ?? lower;
  const to = sorted[best.to] ?? upper;
  const root = findRoot(
    (x) => gap(new Dec(x)).toNumber(),
    from.toNumber(),
    to.toNumber(),
    ROOT_TOLERANCE,
    [gaps[best.from]?.toNumber() ?? Number.NaN, gaps[best.to]?.toNumber() ?? Number.NaN],
  );
  return answer(fn, new Dec(root));
}

/**
 * Duration in whole years. The ratio is monotone in duration (every added year adds value of
 * the same sign), so a binary search finds the whole year nearest the base at which the ratio
 * reaches or passes the target.
 */
function solveWholeYears(fn: ParameterFunction, target: Dec): SwitchingValue {
  const base = fn.base.toNumber();
  const lowest = (fn.lower ?? ONE).toNumber();
  const highest = (fn.upper ?? fn.base).toNumber();
  const ratio = (years: number): Dec => ratioAt(fn, new Dec(years)) ?? ZERO;
  const baseRatio = ratio(base);
  const baseGap = baseRatio.minus(target);
  if (baseGap.isZero()) return answer(fn, fn.base);
  const passed = (years: number): boolean => {
    const gap = ratio(years).minus(target);
    return gap.isZero() || gap.isNegative() !== baseGap.isNegative();
  };
  // Moving towards the target means moving opposite to the sign of the base gap.
  const towards = (value: Dec): boolean =>
    !value.eq(baseRatio) && value.lt(baseRatio) === baseGap.isPositive();

  const lowRatio = base > lowest ? ratio(lowest) : baseRatio;
  if (towards(lowRatio)) {
    if (!passed(lowest)) return unreachable(fn, lowRatio);
    // Going down: the largest year below the base that has passed the target.
    let low = lowest; // passed
    let high = base; // not passed
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (passed(middle)) low = middle;
      else high = middle;
    }
    return answer(fn, new Dec(low));
  }
  // The next year up shows which way the rest of the range goes; the far end is costly to
  // compute (up to 1000 years), so it is computed only when the ratio moves towards the target.
  const nextRatio = base < highest ? ratio(base + 1) : baseRatio;
  if (towards(nextRatio)) {
    const highRatio = ratio(highest);
    if (!passed(highest)) return unreachable(fn, highRatio);
    // Going up: the smallest year above the base that has passed the target.
    let low = base; // not passed
    let high = highest; // passed
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (passed(middle)) high = middle;
      else low = middle;
    }
    return answer(fn, new Dec(high));
  }
  // Neither way moves the ratio towards the target. The ratio is monotone in duration, so it
  // is flat on at least one side of the base, and the end on that side has the base ratio.
  return unreachable(fn, baseRatio);
}
