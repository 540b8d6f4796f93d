/**
 * Float64 with a running error bound: the arithmetic that screens a large sensitivity analysis
 * (`src/sensitivity/_leading.ts`) before the exact one works out what it shows.
 *
 * Each figure is a float64 `v` and a bound `e` such that the figure the exact arithmetic
 * (`decimalArithmetic`, 34 significant digits) gives by the same operations is within `e` of
 * `v`. Each operation propagates the bounds of its operands (Wilkinson's running error
 * analysis) and adds `2⁻⁵² × |result|`, twice float64's unit roundoff: one for the float64
 * rounding, and more than enough for the decimal one (`5 × 10⁻³⁴` relative). A result in the
 * subnormal range may have lost every digit, and gets the smallest normal number as its bound.
 * A figure is exact (`e = 0`) only when it is a whole number that float64 holds exactly and was
 * reached from exact figures.
 *
 * A comparison the bounds cannot decide — two figures within their bounds of each other, a
 * divisor whose bound reaches zero, a value found by Brent's method (which the exact path
 * finds again for itself: `iterated`) — gives float64's answer and sets `undecided`: the figure
 * that depended on it cannot be vouched for, and the caller works it out exactly. When no
 * comparison was undecided, the exact arithmetic takes the same branches, so its results lie
 * within the bounds given here. @internal
 */
import type { Arithmetic } from './_arithmetic.js';
import type { Dec } from './_decimal.js';
import type { DecimalString } from '../model/analysis.js';

/** A float64 figure and how far the exact figure can be from it. @internal */
export interface Bounded {
  readonly v: number;
  readonly e: number;
}

/** Twice float64's unit roundoff: what one operation adds, relative to its result. */
const UNIT = 2 ** -52;
/** Widens a sum of bounds for the roundings in working it out. */
const SLACK = 1 + 2 ** -40;
const MIN_NORMAL = 2 ** -1022;

const exactInteger = /^-?\d+$/;

function rounded(v: number, e: number, exactOperands: boolean): Bounded {
  if (exactOperands && Number.isSafeInteger(v)) return { v, e: 0 };
  const bound = e * SLACK + UNIT * Math.abs(v);
  // In the subnormal range a result keeps fewer digits than the unit roundoff says.
  return { v, e: Math.abs(v) < MIN_NORMAL ? bound + MIN_NORMAL : bound };
}

/**
 * The arithmetic over `Bounded` figures, with the flag `undecided` that its comparisons set
 * (see the file's comment); `reset` clears it before each figure is screened. @internal
 */
export class BoundedArithmetic implements Arithmetic<Bounded> {
  /** Whether a comparison since the last `reset` could not be decided (see the file's comment). */
  undecided = false;

  readonly zero: Bounded = { v: 0, e: 0 };
  readonly one: Bounded = { v: 1, e: 0 };

  reset(): void {
    this.undecided = false;
  }

  /** An exact figure, as the nearest float64 and its bound. */
  readonly fromDec = (value: Dec): Bounded => {
    const v = value.toNumber();
    return value.isInteger() && Number.isSafeInteger(v) ? { v, e: 0 } : rounded(v, 0, false);
  };

  readonly read = (value: DecimalString | number): Bounded => {
    const v = Number(value);
    const exact =
      typeof value === 'number'
        ? Number.isSafeInteger(value)
        : Number.isSafeInteger(v) && exactInteger.test(value);
    if (exact) return { v, e: 0 };
    // a decimal text float64 cannot hold, or that underflows to zero
    const bound = UNIT * Math.abs(v);
    return { v, e: Math.abs(v) < MIN_NORMAL ? bound + MIN_NORMAL : bound };
  };

  readonly plus = (a: Bounded, b: Bounded): Bounded =>
    rounded(a.v + b.v, a.e + b.e, a.e === 0 && b.e === 0);

  readonly minus = (a: Bounded, b: Bounded): Bounded =>
    rounded(a.v - b.v, a.e + b.e, a.e === 0 && b.e === 0);

  readonly times = (a: Bounded, b: Bounded): Bounded => {
    const v = a.v * b.v;
    // a factor that is exactly zero makes the product exactly zero, in both arithmetics
    if ((a.v === 0 && a.e === 0) || (b.v === 0 && b.e === 0)) return { v: 0, e: 0 };
    return rounded(
      v,
      Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e,
      a.e === 0 && b.e === 0,
    );
  };

  readonly div = (a: Bounded, b: Bounded): Bounded => {
    const v = a.v / b.v;
    const room = Math.abs(b.v) - b.e;
    if (!(room > 0)) {
      // the divisor may be zero
      this.undecided = true;
      return { v, e: Number.POSITIVE_INFINITY };
    }
    if (a.v === 0 && a.e === 0) return { v: 0, e: 0 };
    const exact = a.e === 0 && b.e === 0 && Number.isSafeInteger(v) && v * b.v === a.v;
    return rounded(v, (a.e + Math.abs(v) * b.e) / room, exact);
  };

  readonly negate = (a: Bounded): Bounded => ({ v: -a.v, e: a.e });

  readonly abs = (a: Bounded): Bounded => ({ v: Math.abs(a.v), e: a.e });

  // The larger and the smaller: when their bounds tell them apart, the operand itself (an exact
  // one stays exact); when not, either may be the exact one, and the result moves by no more
  // than the operands do, so it is within the larger bound (nothing is undecided).
  readonly max = (a: Bounded, b: Bounded): Bounded => {
    if (this.apart(a, b)) return a.v < b.v ? b : a;
    return { v: Math.max(a.v, b.v), e: Math.max(a.e, b.e) };
  };

  readonly min = (a: Bounded, b: Bounded): Bounded => {
    if (this.apart(a, b)) return b.v < a.v ? b : a;
    return { v: Math.min(a.v, b.v), e: Math.max(a.e, b.e) };
  };

  /** Whether the bounds of two figures tell which is the larger (or that they are equal). */
  private apart(a: Bounded, b: Bounded): boolean {
    if (a.e === 0 && b.e === 0) return true;
    const gap = Math.abs(b.v - a.v);
    return gap > (a.e + b.e) * SLACK + UNIT * gap;
  }

  readonly sqrt = (a: Bounded): Bounded => {
    const v = Math.sqrt(a.v);
    // |√x − √y| ≤ |x − y| ÷ √y, and ≤ √|x − y| whatever y is
    const e = Math.min(v > 0 ? a.e / v : Number.POSITIVE_INFINITY, Math.sqrt(a.e));
    return rounded(v, e, a.e === 0 && v * v === a.v);
  };

  readonly pow = (a: Bounded, n: number): Bounded => {
    if (n === 0) return this.one;
    const v = a.v ** n;
    if (a.v === 0) return a.e === 0 ? this.zero : rounded(v, a.e ** n, false);
    // (1 + r)ⁿ − 1 for the operand's relative bound r, and a rounding for each of about n steps
    const relative = Math.expm1(n * Math.log1p(a.e / Math.abs(a.v))) + n * UNIT;
    return rounded(v, Math.abs(v) * relative, a.e === 0);
  };

  readonly isZero = (a: Bounded): boolean => {
    if (a.e === 0) return a.v === 0;
    if (Math.abs(a.v) > a.e) return false;
    this.undecided = true;
    return a.v === 0;
  };

  readonly isInteger = (a: Bounded): boolean => {
    if (a.e === 0) return Number.isInteger(a.v);
    if (Math.floor(a.v + a.e) < Math.ceil(a.v - a.e)) return false;
    this.undecided = true;
    return Number.isInteger(a.v);
  };

  readonly lessThan = (a: Bounded, b: Bounded): boolean => {
    if (a === b) return false;
    if (a.e === 0 && b.e === 0) return a.v < b.v;
    const gap = b.v - a.v;
    const bound = (a.e + b.e) * SLACK + UNIT * Math.abs(gap);
    if (gap > bound) return true;
    if (gap < -bound) return false;
    this.undecided = true;
    return a.v < b.v;
  };

  readonly ceil = (a: Bounded): number => {
    const up = Math.ceil(a.v);
    if (a.e === 0) return up;
    if (Math.ceil(a.v - a.e) !== Math.ceil(a.v + a.e)) this.undecided = true;
    return up;
  };

  readonly toNumber = (a: Bounded): number => a.v;

  readonly iterated = (a: Bounded): Bounded => {
    this.undecided = true;
    return a;
  };
}
