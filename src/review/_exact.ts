/**
 * Sums and differences of decimal strings with no rounding at all, for the effects of
 * `diffAnalyses`, which must add up exactly to the whole change. The engine's own type rounds
 * every result to 34 significant digits; the difference of two such numbers of very different
 * size can need more (1.2… − 0.000…01234… has as many digits as the span of the two), so the
 * differences here use a decimal.js clone whose precision is decimal.js's largest (10⁹ digits).
 * Addition and subtraction cost what the digits present cost, not the precision; this type is
 * never used to divide.
 */
import Decimal from 'decimal.js';

const Exact = Decimal.clone({ precision: 1e9, toExpNeg: -9e15, toExpPos: 9e15 });

/** An exact decimal: sums and differences only. */
export type ExactDecimal = InstanceType<typeof Exact>;

/** `a − b`, exactly, as a plain decimal string (`-0` is written `0`). */
export function exactDifference(a: string, b: string): string {
  return written(new Exact(a).minus(b));
}

/** A sum held exactly, as a plain decimal string. */
export function written(value: ExactDecimal): string {
  return value.isZero() ? '0' : value.toString();
}

/** The zero of the exact type. */
export const EXACT_ZERO: ExactDecimal = new Exact(0);
