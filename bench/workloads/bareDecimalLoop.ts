/**
 * The loop the performance targets quote for scale: "a bare decimal.js loop at 34 digits takes about 80 ms here"
 * for W1's 5,000 outcomes × 10 years. Per outcome-year it does three operations and nothing
 * else: the value times the year's discount factor, added to a total, and the value times
 * (1 − dropOff) for the next year. Timed in the same run as W1, it tells how this machine compares
 * with the one the issue was written on: W1's 120 ms target is 1.5× that loop's 80 ms, so
 * `calculateSroi ÷ bare loop` restates the absolute target independently of the machine.
 */
import { Dec as D, ONE, ZERO } from '../../src/calc/_decimal.js';
import { discountFactorsDec } from '../../src/calc/discountFactors.js';
import type { Analysis } from '../../src/model/analysis.js';

/** The total present value of `analysis`'s outcomes by the bare loop (no deductions, no sums). */
export function bareDecimalLoop(analysis: Analysis): D {
  let lastYear = 1;
  for (const o of analysis.outcomes) lastYear = Math.max(lastYear, o.start + o.duration - 1);
  const factors = discountFactorsDec(analysis.discount, lastYear);
  let total = ZERO;
  for (const o of analysis.outcomes) {
    const retained = ONE.minus(o.dropOff);
    let value = new D(o.proxy.value);
    for (let k = 0; k < o.duration; k++) {
      total = total.plus(value.times(factors[o.start + k] ?? ONE));
      value = value.times(retained);
    }
  }
  return total;
}
