import { Dec, str } from '../calc/_decimal.js';
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
import type { Arithmetic } from '../calc/_arithmetic.js';
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
  return switchingValueOf(fn, solve(fn, target));
}

/** A switching value as results give it, from what `solve` found. @internal */
export function switchingValueOf(fn: ParameterFunction, solved: Solved<Dec>): SwitchingValue {
  return solved.reachable
    ? {
        ...refFields(fn.ref),
        base: str(fn.base),
        switchingValue: str(solved.value),
        reachable: true,
      }
    : {
        ...refFields(fn.ref),
        base: str(fn.base),
        switchingValue: null,
        reachable: false,
        ratioAtLimit: solved.ratioAtLimit === null ? null : str(solved.ratioAtLimit),
      };
}

/**
 * A switching value over any arithmetic: the value that reaches the target, or the ratio at the
 * end of the valid range that comes closest (`null`: undefined there). @internal
 */
export type Solved<N> =
  | { readonly reachable: true; readonly value: N }
  | { readonly reachable: false; readonly ratioAtLimit: N | null };

/** The switching value of one parameter function, over its own arithmetic. @internal */
export function solve<N>(fn: ParameterFunction<N>, target: N): Solved<N> {
  switch (fn.shape) {
    case 'linear':
      return solveLinear(fn, target);
    case 'piecewiseLinear':
      return solvePiecewiseLinear(fn, target);
    default:
      return solveNumerically(fn, target);
  }
}

const answer = <N>(value: N): Solved<N> => ({ reachable: true, value });

const unreachable = <N>(ratio: N | null): Solved<N> => ({ reachable: false, ratioAtLimit: ratio });

/** `N(x) = t·D(x)` with both sides linear in x. */
function solveLinear<N>(fn: ParameterFunction<N>, target: N): Solved<N> {
  const { a } = fn;
  const { n0, n1, d0, d1 } = fn.coefficients ?? coefficientsOf(fn);
  const slope = a.isZero(d1) ? n1 : a.minus(n1, a.times(target, d1));
  if (a.isZero(slope)) {
    // The ratio does not depend on this assumption.
    const ratio = ratioAt(fn, fn.base);
    if (ratio !== null && equal(a, ratio, target)) return answer(fn.base);
    return unreachable(ratio);
  }
  const value = a.div(a.minus(a.times(target, d0), n0), slope);
  if (fn.lower !== null && a.lessThan(value, fn.lower)) return unreachable(ratioAt(fn, fn.lower));
  if (fn.upper !== null && a.lessThan(fn.upper, value)) return unreachable(ratioAt(fn, fn.upper));
  // Where total inputs would be zero the ratio is undefined, not the target: then numerator and
  // denominator vanish together there, and the ratio is the same at every other value.
  // (The denominator is checked without dividing: it is d0 when d1 is zero, and never zero then.)
  if (!a.isZero(d1) && a.isZero(a.plus(d0, a.times(d1, value)))) {
    return unreachable(ratioAt(fn, fn.base));
  }
  return answer(value);
}

function coefficientsOf<N>(fn: ParameterFunction<N>): { n0: N; n1: N; d0: N; d1: N } {
  const { a } = fn;
  const [n0, d0] = fn.parts(a.zero);
  const [n, d] = fn.parts(a.one);
  return { n0, n1: a.minus(n, n0), d0, d1: a.minus(d, d0) };
}

const equal = <N>(a: Arithmetic<N>, x: N, y: N): boolean => !a.lessThan(x, y) && !a.lessThan(y, x);

const isNegative = <N>(a: Arithmetic<N>, x: N): boolean => a.lessThan(x, a.zero);

/**
 * Brent's method inside the bracket nearest the base value. The sign test runs on
 * `N(x) − target·D(x)`, which has the sign of `ratio − target` (total inputs are positive) and
 * needs no division.
 */
function solveNumerically<N>(fn: ParameterFunction<N>, target: N): Solved<N> {
  const { a } = fn;
  const lower = fn.lower ?? fn.base;
  const upper = fn.upper ?? fn.base;
  const gapOf = ([numerator, denominator]: readonly [N, N]): N =>
    a.minus(numerator, a.times(target, denominator));
  const gap = (value: N): N => gapOf(fn.parts(value));
  const points: N[] = [lower, fn.base, upper];
  if (fn.shape === 'general') {
    const width = a.minus(upper, lower);
    for (let i = 1; i < SCAN_POINTS; i++) {
      points.push(a.plus(lower, a.div(a.times(width, a.read(i)), a.read(SCAN_POINTS))));
    }
  }
  // in order, each value once
  const sorted: N[] = [];
  for (const p of points.sort((x, y) => (a.lessThan(x, y) ? -1 : a.lessThan(y, x) ? 1 : 0))) {
    const previous = sorted[sorted.length - 1];
    if (previous === undefined || a.lessThan(previous, p)) sorted.push(p);
  }
  // the parts at each point, worked out once: the gaps, and the ratios at the ends, come from them
  const parts = sorted.map((p) => fn.parts(p));
  const gaps = parts.map(gapOf);
  const baseGap = gaps[sorted.findIndex((p) => equal(a, p, fn.base))];
  if (baseGap !== undefined && a.isZero(baseGap)) return answer(fn.base);

  let best: { from: number; to: number; distance: N } | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [x, y, gx, gy] = [sorted[i], sorted[i + 1], gaps[i], gaps[i + 1]];
    if (x === undefined || y === undefined || gx === undefined || gy === undefined) continue;
    if (a.isZero(gx) || a.isZero(gy) || isNegative(a, gx) !== isNegative(a, gy)) {
      const distance = a.lessThan(fn.base, x)
        ? a.minus(x, fn.base)
        : a.lessThan(y, fn.base)
          ? a.minus(fn.base, y)
          : a.zero;
      if (best === undefined || a.lessThan(distance, best.distance)) {
        best = { from: i, to: i + 1, distance };
      }
    }
  }
  if (best === undefined) {
    // No value reaches the target, so the ratio stays on one side of it: the end that comes
    // closest is the lower ratio above the target, the higher below it.
    const lowRatio = ratioOf(a, parts[0] ?? fn.parts(lower));
    const highRatio = ratioOf(a, parts[parts.length - 1] ?? fn.parts(upper));
    if (lowRatio === null || highRatio === null) return unreachable(lowRatio ?? highRatio);
    return unreachable(
      a.lessThan(lowRatio, target) ? a.max(lowRatio, highRatio) : a.min(lowRatio, highRatio),
    );
  }
  const from = sorted[best.from] ?? lower;
  const to = sorted[best.to] ?? upper;
  const known = (i: number) => {
    const g = gaps[i];
    return g === undefined ? Number.NaN : a.toNumber(g);
  };
  const root = findRoot(
    (x) => a.toNumber(gap(a.read(x))),
    a.toNumber(from),
    a.toNumber(to),
    ROOT_TOLERANCE,
    [known(best.from), known(best.to)],
  );
  return answer(a.iterated(a.read(root)));
}

/**
 * A ratio that moves one way and is linear between whole values (duration). The whole values
 * are walked from the base, first down, then up, to the segment on which the ratio reaches the
 * target; on it the parts are linear, so the value is the exact solution of a linear equation
 * (interpolation between the segment's two knots). Going down, the nearest is the largest such
 * value; going up, the smallest. The range is open at its lower end: a target reached only in
 * the limit there is not reached.
 */
function solvePiecewiseLinear<N>(fn: ParameterFunction<N>, target: N): Solved<N> {
  const { a } = fn;
  const knots = fn.knots ?? ((whole: number) => fn.parts(a.read(whole)));
  const lowest = a.toNumber(fn.lower ?? a.zero);
  const highest = a.toNumber(fn.upper ?? fn.base);
  const gap = ([numerator, denominator]: readonly [N, N]): N =>
    a.minus(numerator, a.times(target, denominator));
  const at = (whole: number): N => gap(knots(whole));
  const baseGap = gap(fn.parts(fn.base));
  if (a.isZero(baseGap)) return answer(fn.base);
  const baseBelow = isNegative(a, baseGap);
  const reached = (g: N): boolean => a.isZero(g) || isNegative(a, g) !== baseBelow;
  // The limit at the lower end says at once whether going down can reach the target.
  const lowestGap = at(lowest);
  // The segment from `whole − 1` to `whole`, on which the gap goes from `low` to `high`,
  // walked `down` (towards `whole − 1`) or up.
  const solveOn = (whole: number, low: N, high: N, down: boolean): Solved<N> => {
    if (a.isZero(high)) return answer(a.read(whole));
    if (a.isZero(low) && whole - 1 <= lowest) return unreachable(target);
    // A flat segment (a year after the horizon adds nothing) on which the gap has the sign of
    // the target's side, next to a base whose gap has the other one: the two differ only in
    // their last digits (the ratio at the base is the target, up to rounding). The target is
    // reached at the end of the segment nearer the base, not the base itself.
    if (equal(a, low, high)) {
      const end = a.read(down ? whole : whole - 1);
      return answer(down ? a.min(end, fn.base) : a.max(end, fn.base));
    }
    return answer(a.plus(a.div(low, a.minus(low, high)), a.read(whole - 1)));
  };
  const baseNumber = a.toNumber(fn.base);

  // Down: from the segment that holds the base to the one on which the target is reached.
  if (reached(lowestGap)) {
    for (let whole = ceilOf(a, fn.base); whole > lowest; whole--) {
      const low = whole - 1 === lowest ? lowestGap : at(whole - 1);
      if (reached(low)) return solveOn(whole, low, at(whole), true);
    }
  }
  // Going down moves the ratio towards the target, but not far enough: up moves it away.
  if (a.lessThan(a.abs(lowestGap), a.abs(baseGap))) return unreachable(ratioOf(a, knots(lowest)));
  // Up: the far end first, which says whether the target is reached at all.
  if (!reached(at(highest))) return unreachable(ratioOf(a, knots(highest)));
  for (let whole = Math.floor(baseNumber) + 1; whole <= highest; whole++) {
    const high = at(whole);
    if (reached(high)) return solveOn(whole, at(whole - 1), high, false);
  }
  return unreachable(ratioOf(a, knots(highest)));
}

/** The smallest whole number ≥ `value`, as `Math.ceil` of its nearest JavaScript number. */
function ceilOf<N>(a: Arithmetic<N>, value: N): number {
  return Math.ceil(a.toNumber(value));
}

/** Numerator ÷ denominator, or `null` when the denominator (total inputs) is zero. */
function ratioOf<N>(a: Arithmetic<N>, [numerator, denominator]: readonly [N, N]): N | null {
  return a.isZero(denominator) ? null : a.div(numerator, denominator);
}
