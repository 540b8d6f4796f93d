/**
 * The arithmetic the method is written over. The valuation (`valuedYears`, `outcomeTerms`,
 * `outcomeValues`, `discountFactors`) states each rule once as a function of an `Arithmetic`, in
 * the way dinero.js passes a calculator to its operations: the exact engine and the sensitivity
 * model run it on 34-digit decimals, the Monte Carlo path on float64 (docs/precision.md says when
 * each is used). Nothing in the valuation knows which one it runs on.
 */
import { Dec, ONE, ZERO } from './_decimal.js';
import type { DecimalString } from '../model/analysis.js';

/** The operations the valuation needs, over numbers of type `N`. @internal */
export interface Arithmetic<N> {
  readonly zero: N;
  readonly one: N;
  /** A number from its decimal text, or from a JavaScript number (a year count, a duration). */
  readonly read: (value: DecimalString | number) => N;
  readonly plus: (a: N, b: N) => N;
  readonly minus: (a: N, b: N) => N;
  readonly times: (a: N, b: N) => N;
  readonly div: (a: N, b: N) => N;
  readonly negate: (a: N) => N;
  readonly abs: (a: N) => N;
  /** The larger of two numbers (`a` when they are equal). */
  readonly max: (a: N, b: N) => N;
  /** The smaller of two numbers (`a` when they are equal). */
  readonly min: (a: N, b: N) => N;
  readonly sqrt: (a: N) => N;
  /** `a` to a whole power `n ≥ 0`. */
  readonly pow: (a: N, n: number) => N;
  readonly isZero: (a: N) => boolean;
  readonly isInteger: (a: N) => boolean;
  readonly lessThan: (a: N, b: N) => boolean;
  /** The smallest whole number ≥ `a`. */
  readonly ceil: (a: N) => number;
  /** The nearest JavaScript number. */
  readonly toNumber: (a: N) => number;
  /**
   * `a`, said to have been found by an iteration on float64 positions (Brent's method): the
   * exact path and a float64 one each find their own such value, which need not agree to the
   * last digit. Both keep `a` as it is; the screening arithmetic (`_boundedArithmetic.ts`) marks
   * the figure that uses it as one it cannot vouch for.
   */
  readonly iterated: (a: N) => N;
}

/**
 * Exact decimals: the library's private 34-digit `Dec`, rounding half-even (docs/precision.md).
 * Each operation is the decimal.js method of the same name, so a rule run on it gives the digits
 * that rule gives when written with decimal.js directly. @internal
 */
export const decimalArithmetic: Arithmetic<Dec> = {
  zero: ZERO,
  one: ONE,
  read: (value) => new Dec(value),
  plus: (a, b) => a.plus(b),
  minus: (a, b) => a.minus(b),
  times: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  negate: (a) => a.negated(),
  abs: (a) => a.abs(),
  max: (a, b) => (a.lt(b) ? b : a),
  min: (a, b) => (b.lt(a) ? b : a),
  sqrt: (a) => a.sqrt(),
  pow: (a, n) => a.pow(n),
  isZero: (a) => a.isZero(),
  isInteger: (a) => a.isInteger(),
  lessThan: (a, b) => a.lt(b),
  ceil: (a) => a.ceil().toNumber(),
  toNumber: (a) => a.toNumber(),
  iterated: (a) => a,
};

/** IEEE 754 binary64, for many-draw analyses (Monte Carlo). @internal */
export const floatArithmetic: Arithmetic<number> = {
  zero: 0,
  one: 1,
  read: (value) => Number(value),
  plus: (a, b) => a + b,
  minus: (a, b) => a - b,
  times: (a, b) => a * b,
  div: (a, b) => a / b,
  negate: (a) => -a,
  abs: (a) => Math.abs(a),
  max: (a, b) => (a < b ? b : a),
  min: (a, b) => (b < a ? b : a),
  sqrt: (a) => Math.sqrt(a),
  pow: (a, n) => a ** n,
  isZero: (a) => a === 0,
  isInteger: (a) => Number.isInteger(a),
  lessThan: (a, b) => a < b,
  ceil: (a) => Math.ceil(a),
  toNumber: (a) => a,
  iterated: (a) => a,
};
