/**
 * The library's private decimal type: 34 significant digits (IEEE 754 decimal128), round half
 * to even inside the calculation, plain notation when written out. It is a `Decimal.clone`, so
 * nothing here touches or depends on the global decimal.js configuration of the host program.
 */
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/**
 * Writes a decimal as a plain string; `-0` is written `0`. A value that is not finite is a bug
 * upstream (validation bounds every input), and is thrown rather than written into a result.
 */
export function str(value: Dec): string {
  if (!value.isFinite()) throw new RangeError(`sroi: a figure is not finite (${value.toString()})`);
  return value.isZero() ? '0' : value.toString();
}

/** Sums decimals exactly (to 34 significant digits). */
export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** `numerator ÷ denominator` as a string, or `null` when the denominator is zero. */
export function ratioOrNull(numerator: Dec, denominator: Dec): string | null {
  return denominator.isZero() ? null : str(numerator.div(denominator));
}
