import { Dec, ONE, str, ZERO } from '../calc/_decimal.js';
import { findRoot } from './_findRoot.js';
import { parameterFunction, ratioAt, refFields, sensitivityModel } from './_sensitivityModel.js';
import {
  analysisArgument,
  evaluateOptions,
  objectArgument,
  signedDecimal,
  textArgument,
} from '../model/_arguments.js';
import { parameterRefArgument } from './SensitivityParameter.js';
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
 * value is refined. Duration moves the ratio one way and linearly between whole years (the last
 * valued year counts its share, docs/method.md), so the whole years are walked from the base to
 * the one-year segment on which the ratio reaches the target, and the duration is solved exactly
 * on it: 2.4 years means two whole years and 40% of the third year's value. When no value in the valid range reaches the target, `reachable` is false and `ratioAtLimit`
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
  const fn = 'solveFor';
  analysisArgument(fn, analysis);
  parameterRefArgument(fn, parameter);
  const seek = objectArgument(fn, 'goal', goal);
  const slice: RatioSlice =
    'sroiRatio' in seek
      ? { kind: 'total' }
      : { kind: 'category', category: textArgument(fn, seek.category, 'goal.category') };
  const target = readTarget(
    fn,
    'sroiRatio' in seek ? seek.sroiRatio : seek.categoryRatio,
    'sroiRatio' in seek ? 'goal.sroiRatio' : 'goal.categoryRatio',
  );
  const model = sensitivityModel(analysis, evaluateOptions(fn, options));
  return solveParameter(parameterFunction(model, parameter, slice), target);
}

/** Reads a target ratio; it must be a decimal string above zero. @internal */
export function readTarget(fn: string, target: unknown, name = 'target'): Dec {
  return new Dec(signedDecimal(fn, target, name, 'positive', 'must be a ratio above 0'));
}

/** Solves one parameter function for a target ratio. @internal */
export function solveParameter(fn: ParameterFunction, target: Dec): SwitchingValue {
  switch (fn.shape) {
    case 'linear':
      return solveLinear(fn, target);
    case 'piecewiseLinear':
      return solvePiecewiseLinear(fn, target);
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
  // Where total inputs would be zero the ratio is undefined, not the target: then numerator and
  // denominator vanish together there, and the ratio is the same at every other value.
  // (The denominator is checked without dividing: it is d0 when d1 is zero, and never zero then.)
  if (!d1.isZero() && d0.plus(d1.times(value)).isZero()) {
    return unreachable(fn, ratioAt(fn, fn.base));
  }
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
 * A ratio that moves one way and is linear between whole values (duration). The whole values
 * are walked from the base, first down, then up, to the segment on which the ratio reaches the
 * target; on it the parts are linear, so the value is the exact solution of a linear equation
 * (interpolation between the segment's two knots). Going down, the nearest is the largest such
 * value; going up, the smallest. The range is open at its lower end: a target reached only in
 * the limit there is not reached.
 */
function solvePiecewiseLinear(fn: ParameterFunction, target: Dec): SwitchingValue {
  const knots = fn.knots ?? ((whole: number) => fn.parts(new Dec(whole)));
  const lowest = (fn.lower ?? ZERO).toNumber();
  const highest = (fn.upper ?? fn.base).toNumber();
  const gap = ([numerator, denominator]: readonly [Dec, Dec]): Dec =>
    numerator.minus(target.times(denominator));
  const at = (whole: number): Dec => gap(knots(whole));
  const baseGap = gap(fn.parts(fn.base));
  if (baseGap.isZero()) return answer(fn, fn.base);
  const reached = (g: Dec): boolean => g.isZero() || g.isNegative() !== baseGap.isNegative();
  // The limit at the lower end says at once whether going down can reach the target.
  const lowestGap = at(lowest);
  // The segment from `whole − 1` to `whole`, on which the gap goes from `low` to `high`.
  const solveOn = (whole: number, low: Dec, high: Dec): SwitchingValue => {
    if (high.isZero()) return answer(fn, new Dec(whole));
    if (low.isZero() && whole - 1 <= lowest) return unreachable(fn, target);
    return answer(fn, low.div(low.minus(high)).plus(whole - 1));
  };

  // Down: from the segment that holds the base to the one on which the target is reached.
  if (reached(lowestGap)) {
    for (let whole = Math.ceil(fn.base.toNumber()); whole > lowest; whole--) {
      const low = whole - 1 === lowest ? lowestGap : at(whole - 1);
      if (reached(low)) return solveOn(whole, low, at(whole));
    }
  }
  // Going down moves the ratio towards the target, but not far enough: up moves it away.
  if (lowestGap.abs().lt(baseGap.abs())) return unreachable(fn, ratioOf(knots(lowest)));
  // Up: the far end first, which says whether the target is reached at all.
  if (!reached(at(highest))) return unreachable(fn, ratioOf(knots(highest)));
  for (let whole = Math.floor(fn.base.toNumber()) + 1; whole <= highest; whole++) {
    const high = at(whole);
    if (reached(high)) return solveOn(whole, at(whole - 1), high);
  }
  return unreachable(fn, ratioOf(knots(highest)));
}

/** Numerator ÷ denominator, or `null` when the denominator (total inputs) is zero. */
function ratioOf([numerator, denominator]: readonly [Dec, Dec]): Dec | null {
  return denominator.isZero() ? null : numerator.div(denominator);
}
