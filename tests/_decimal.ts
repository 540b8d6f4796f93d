import Decimal from 'decimal.js';

/** A 60-digit decimal for deriving expected values independently of the engine's own `Dec`. */
export const D = Decimal.clone({ precision: 60, toExpNeg: -9e15, toExpPos: 9e15 });
export type D = InstanceType<typeof D>;

/** True when `a` and `b` differ by at most `tolerance` in absolute value. */
export function near(a: string, b: D | string, tolerance: string): boolean {
  return new D(a).minus(b).abs().lte(tolerance);
}
